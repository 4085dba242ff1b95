package dev.bellman.core;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link CompactModelFiles} on random {@link CompactModel}s of up to 30 states and 5 actions,
 * deterministic and stochastic, in float and double precision: a written model reads back with
 * every backup bit for bit the same, and every truncation of a valid file is an
 * {@link InvalidMdpFileException}, promptly.
 */
class CompactModelPropertiesTest {

    /** A model's recipe: built by {@link #build()}, shown by jqwik on failure. */
    record Recipe(int states, int actions, CompactModel.Precision precision, boolean deterministic,
                  List<List<Tuple.Tuple2<Integer, Double>>> outcomes, List<Double> rewards, List<Boolean> terminal) {

        CompactModel build() {
            if (deterministic) {
                CompactModel.DeterministicBuilder builder = CompactModel.deterministic(states, actions, precision);
                for (int pair = 0; pair < states * actions; pair++) {
                    builder.set(pair / actions, pair % actions, outcomes.get(pair).get(0).get1(), rewards.get(pair));
                }
                markTerminal(builder::terminal);
                return builder.build();
            }
            CompactModel.StochasticBuilder builder = CompactModel.stochastic(states, actions, precision);
            markTerminal(builder::terminal);
            for (int pair = 0; pair < states * actions; pair++) {
                for (Tuple.Tuple2<Integer, Double> outcome : outcomes.get(pair)) {
                    builder.outcome(outcome.get1(), outcome.get2());
                }
                builder.endPair(rewards.get(pair));
            }
            return builder.build();
        }

        private void markTerminal(IntConsumer mark) {
            for (int s = 0; s < states; s++) {
                if (terminal.get(s)) {
                    mark.accept(s);
                }
            }
        }
    }

    @Provide
    Arbitrary<Recipe> models() {
        Arbitrary<Integer> states = Arbitraries.integers().between(1, 30);
        Arbitrary<Integer> actions = Arbitraries.integers().between(1, 5);
        Arbitrary<CompactModel.Precision> precisions = Arbitraries.of(CompactModel.Precision.class);
        return Combinators.combine(states, actions, precisions, Arbitraries.of(true, false))
                .flatAs((s, a, precision, deterministic) -> {
                    Arbitrary<Tuple.Tuple2<Integer, Double>> outcome = Combinators.combine(
                            Arbitraries.integers().between(0, s - 1),
                            Arbitraries.doubles().between(0.0, 1.0).ofScale(12)).as(Tuple::of);
                    Arbitrary<List<Tuple.Tuple2<Integer, Double>>> row = outcome.list().ofMinSize(1)
                            .ofMaxSize(deterministic ? 1 : 4).map(CompactModelPropertiesTest::normalised);
                    // Rewards with full double mantissas: a float file must round them the same way twice.
                    Arbitrary<Double> reward = Arbitraries.oneOf(
                            Arbitraries.doubles().between(-1e6, 1e6).ofScale(15),
                            Arbitraries.of(0.0, -0.0, 1.0 / 3, -1e-300, 3e38));
                    return Combinators.combine(row.list().ofSize(s * a), reward.list().ofSize(s * a),
                                    Arbitraries.of(true, false, false).list().ofSize(s))
                            .as((rows, rewards, terminal) -> new Recipe(s, a, precision, deterministic, rows, rewards,
                                    terminal));
                });
    }

    private static List<Tuple.Tuple2<Integer, Double>> normalised(List<Tuple.Tuple2<Integer, Double>> row) {
        double total = 0;
        for (Tuple.Tuple2<Integer, Double> o : row) {
            total += o.get2();
        }
        List<Tuple.Tuple2<Integer, Double>> out = new ArrayList<>();
        for (int i = 0; i < row.size(); i++) {
            double p = total == 0 ? (i == 0 ? 1.0 : 0.0) : row.get(i).get2() / total;
            out.add(Tuple.of(row.get(i).get1(), p));
        }
        return out;
    }

    @Property(tries = 300)
    void writeThenReadPreservesEveryBackupExactly(@ForAll("models") Recipe recipe, @ForAll long valuesSeed,
                                                  @ForAll @DoubleRange(min = 0, max = 1) @Scale(6) double gamma)
            throws IOException {
        CompactModel model = recipe.build();
        Path directory = Files.createTempDirectory("bellman-compact-");
        try {
            Path file = directory.resolve("model.blmdp");
            CompactModelFiles.write(model, file);
            CompactModel read = CompactModelFiles.read(file);

            assertEquals(model.stateCount(), read.stateCount());
            assertEquals(model.actionCount(), read.actionCount());
            assertEquals(model.precision(), read.precision());
            assertEquals(model.isDeterministic(), read.isDeterministic());
            assertEquals(model.outcomeCount(), read.outcomeCount());
            SplittableRandom rng = new SplittableRandom(valuesSeed);
            double[] values = new double[model.stateCount()];
            for (int s = 0; s < values.length; s++) {
                values[s] = 200 * rng.nextDouble() - 100;
            }
            for (int s = 0; s < model.stateCount(); s++) {
                assertEquals(model.isTerminal(s), read.isTerminal(s), "terminal flag of state " + s);
                for (int a = 0; a < model.actionCount(); a++) {
                    assertEquals(model.outcomeStart(s, a), read.outcomeStart(s, a));
                    assertEquals(model.outcomeEnd(s, a), read.outcomeEnd(s, a));
                    for (int k = model.outcomeStart(s, a); k < model.outcomeEnd(s, a); k++) {
                        assertEquals(model.nextState(k), read.nextState(k));
                        assertBitsEqual(model.probability(k), read.probability(k), "p of outcome " + k);
                    }
                    assertBitsEqual(model.reward(s, a), read.reward(s, a), "r(" + s + ", " + a + ")");
                    assertBitsEqual(model.backup(s, a, gamma, values), read.backup(s, a, gamma, values),
                            "backup(" + s + ", " + a + ")");
                }
                assertBitsEqual(model.optimalBackup(s, gamma, values), read.optimalBackup(s, gamma, values),
                        "optimal backup of " + s);
            }
        } finally {
            deleteRecursively(directory);
        }
    }

    @Property(tries = 300)
    void everyTruncationIsAnInvalidMdpFile(@ForAll("models") Recipe recipe,
                                           @ForAll @DoubleRange(min = 0, max = 1) @Scale(9) double cut)
            throws IOException {
        CompactModel model = recipe.build();
        Path directory = Files.createTempDirectory("bellman-compact-");
        try {
            Path whole = directory.resolve("whole.blmdp");
            CompactModelFiles.write(model, whole);
            byte[] bytes = Files.readAllBytes(whole);
            // Any length from 0 to one byte short of the file.
            int length = (int) Math.min(bytes.length - 1, Math.floor(cut * bytes.length));
            Path truncated = directory.resolve("truncated.blmdp");
            Files.write(truncated, Arrays.copyOf(bytes, length));

            InvalidMdpFileException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> assertThrows(InvalidMdpFileException.class, () -> CompactModelFiles.read(truncated),
                            "a file cut to " + length + " of " + bytes.length + " bytes was read"));
            assertTrue(e.getMessage().contains(truncated.toString()), "the message names the file: " + e.getMessage());
            assertTrue(e.getMessage().contains("truncated"), "the message says truncated: " + e.getMessage());
        } finally {
            deleteRecursively(directory);
        }
    }

    private static void assertBitsEqual(double expected, double actual, String what) {
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
                () -> what + ": wrote " + expected + ", read " + actual);
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
