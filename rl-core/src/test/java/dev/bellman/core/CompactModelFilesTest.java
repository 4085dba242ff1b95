package dev.bellman.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bellman.core.CompactModel.Precision;
import dev.bellman.env.grid.GridWorldPreset;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompactModelFilesTest {

    @TempDir
    Path dir;

    /** {@link CompactModelTest#smallDeterministic} in float, byte by byte as docs/mdp-file-format.md lays it out. */
    private static byte[] tinyDeterministicFloatBytes() {
        ByteBuffer b = ByteBuffer.allocate(32 + 1 + 6 * 4 + 6 * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.put("BLMDP".getBytes(StandardCharsets.US_ASCII)).put(new byte[3]);
        b.putInt(1).putInt(1 | 2).putInt(3).putInt(2).putLong(6);
        b.put((byte) 0b100); // state 2 terminal
        for (int next : new int[] {1, 0, 2, 2, 2, 2}) {
            b.putInt(next);
        }
        for (float reward : new float[] {1.5f, -1, 2, 0.25f, 0, 0}) {
            b.putFloat(reward);
        }
        return b.array();
    }

    /** The tiny stochastic double model, byte by byte. */
    private static byte[] tinyStochasticDoubleBytes() {
        ByteBuffer b = ByteBuffer.allocate(32 + 1 + 5 * 4 + 6 * 4 + 6 * 8 + 4 * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.put("BLMDP".getBytes(StandardCharsets.US_ASCII)).put(new byte[3]);
        b.putInt(1).putInt(0).putInt(2).putInt(2).putLong(6);
        b.put((byte) 0b10); // state 1 terminal
        for (int offset : new int[] {0, 2, 3, 5, 6}) {
            b.putInt(offset);
        }
        for (int next : new int[] {0, 1, 1, 0, 1, 1}) {
            b.putInt(next);
        }
        for (double p : new double[] {0.5, 0.5, 1, 0.25, 0.75, 1}) {
            b.putDouble(p);
        }
        for (double reward : new double[] {1, -2, 0.5, 0}) {
            b.putDouble(reward);
        }
        return b.array();
    }

    /** Offsets into the tiny files' sections. */
    private static final int DETERMINISTIC_NEXT = 33;
    private static final int DETERMINISTIC_REWARDS = 33 + 24;
    private static final int STOCHASTIC_OFFSETS = 33;
    private static final int STOCHASTIC_PROBABILITIES = 33 + 20 + 24;

    private static CompactModel randomModel(SplittableRandom rng, boolean deterministic, Precision precision) {
        int states = rng.nextInt(1, 41);
        int actions = rng.nextInt(1, 6);
        if (deterministic) {
            CompactModel.DeterministicBuilder builder = CompactModel.deterministic(states, actions, precision);
            for (int s = 0; s < states; s++) {
                for (int a = 0; a < actions; a++) {
                    builder.set(s, a, rng.nextInt(states), rng.nextDouble(-100, 100));
                }
                if (rng.nextInt(4) == 0) {
                    builder.terminal(s);
                }
            }
            return builder.build();
        }
        CompactModel.StochasticBuilder builder = CompactModel.stochastic(states, actions, precision);
        for (int s = 0; s < states; s++) {
            for (int a = 0; a < actions; a++) {
                int count = rng.nextInt(1, 5);
                double[] weights = rng.doubles(count, 0.01, 1).toArray();
                double total = Arrays.stream(weights).sum();
                for (double weight : weights) {
                    builder.outcome(rng.nextInt(states), weight / total);
                }
                builder.endPair(rng.nextDouble(-100, 100));
            }
            if (rng.nextInt(4) == 0) {
                builder.terminal(s);
            }
        }
        return builder.build();
    }

    /** Everything a planner can see is identical: counts, flags, outcomes, rewards, backups. */
    private static void assertSameModel(CompactModel expected, CompactModel actual) {
        assertEquals(expected.stateCount(), actual.stateCount());
        assertEquals(expected.actionCount(), actual.actionCount());
        assertEquals(expected.precision(), actual.precision());
        assertEquals(expected.isDeterministic(), actual.isDeterministic());
        assertEquals(expected.outcomeCount(), actual.outcomeCount());
        assertEquals(expected.bytes(), actual.bytes());
        double[] values = new SplittableRandom(3).doubles(expected.stateCount(), -10, 10).toArray();
        for (int s = 0; s < expected.stateCount(); s++) {
            assertEquals(expected.isTerminal(s), actual.isTerminal(s), "terminal flag of state " + s);
            for (int a = 0; a < expected.actionCount(); a++) {
                assertEquals(expected.outcomeStart(s, a), actual.outcomeStart(s, a));
                assertEquals(expected.outcomeEnd(s, a), actual.outcomeEnd(s, a));
                assertEquals(expected.reward(s, a), actual.reward(s, a));
                assertEquals(expected.backup(s, a, 0.95, values), actual.backup(s, a, 0.95, values),
                        "state " + s + ", action " + a);
            }
        }
        for (int k = 0; k < expected.outcomeCount(); k++) {
            assertEquals(expected.nextState(k), actual.nextState(k));
            assertEquals(expected.probability(k), actual.probability(k));
        }
    }

    private CompactModel roundTrip(CompactModel model) throws IOException {
        Path file = dir.resolve("model.mdp");
        CompactModelFiles.write(model, file);
        return CompactModelFiles.read(file);
    }

    private InvalidMdpFileException readBroken(byte[] bytes, String... fragments) throws IOException {
        Path file = dir.resolve("broken.mdp");
        Files.write(file, bytes);
        InvalidMdpFileException error = assertThrows(InvalidMdpFileException.class, () -> CompactModelFiles.read(file));
        assertTrue(error.getMessage().startsWith(file.toString()), "the message names the file: " + error.getMessage());
        for (String fragment : fragments) {
            assertTrue(error.getMessage().contains(fragment), "'" + error.getMessage() + "' should contain '"
                    + fragment + "'");
        }
        return error;
    }

    private static byte[] edit(byte[] bytes, Consumer<ByteBuffer> change) {
        byte[] copy = bytes.clone();
        change.accept(ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN));
        return copy;
    }

    @Test
    void writtenBytesFollowTheDocumentedLayout() throws IOException {
        Path file = dir.resolve("tiny.mdp");
        CompactModelFiles.write(CompactModelTest.smallDeterministic(Precision.FLOAT), file);
        assertArrayEquals(tinyDeterministicFloatBytes(), Files.readAllBytes(file));
        CompactModelFiles.write(CompactModelTest.smallStochastic(Precision.DOUBLE), file);
        assertArrayEquals(tinyStochasticDoubleBytes(), Files.readAllBytes(file));
    }

    @Test
    void handWrittenFilesReadAsTheModelsTheyDescribe() throws IOException {
        Path file = dir.resolve("hand.mdp");
        Files.write(file, tinyDeterministicFloatBytes());
        assertSameModel(CompactModelTest.smallDeterministic(Precision.FLOAT), CompactModelFiles.read(file));
        Files.write(file, tinyStochasticDoubleBytes());
        assertSameModel(CompactModelTest.smallStochastic(Precision.DOUBLE), CompactModelFiles.read(file));
    }

    @Test
    void roundTripKeepsEveryPairAndTerminalFlag() throws IOException {
        SplittableRandom rng = new SplittableRandom(42);
        for (boolean deterministic : new boolean[] {true, false}) {
            for (Precision precision : Precision.values()) {
                for (int trial = 0; trial < 25; trial++) {
                    CompactModel model = randomModel(rng, deterministic, precision);
                    assertSameModel(model, roundTrip(model));
                }
            }
        }
        for (Precision precision : Precision.values()) {
            CompactModel zhao = CompactModel.of(GridWorldPreset.ZHAO_5X5.build(), precision);
            assertSameModel(zhao, roundTrip(zhao));
        }
    }

    @Test
    void floatProbabilitiesThatSumToOneOnlyInFloatReadBack() throws IOException {
        // Stored as floats, 0.1, 0.2 and 0.7 sum to 1 - 7.5e-9 when read: outside 1e-9, but within
        // the single-precision tolerance the builder allows.
        CompactModel model = CompactModel.stochastic(1, 1, Precision.FLOAT)
                .outcome(0, 0.1).outcome(0, 0.2).outcome(0, 0.7).endPair(0.5).build();
        assertSameModel(model, roundTrip(model));
    }

    @Test
    void fileSizeIsTheDocumentedSum() throws IOException {
        CompactModel model = randomModel(new SplittableRandom(5), false, Precision.DOUBLE);
        Path file = dir.resolve("size.mdp");
        CompactModelFiles.write(model, file);
        long pairs = (long) model.stateCount() * model.actionCount();
        long expected = 32 + (model.stateCount() + 7) / 8 + 4 * (pairs + 1) + 4L * model.outcomeCount()
                + 8L * model.outcomeCount() + 8 * pairs;
        assertEquals(expected, Files.size(file));
    }

    @Test
    void everyTruncationFailsWithAClearMessage() throws IOException {
        List<byte[]> files = List.of(tinyDeterministicFloatBytes(), tinyStochasticDoubleBytes());
        for (byte[] whole : files) {
            for (int length = 0; length < whole.length; length++) {
                InvalidMdpFileException error = readBroken(Arrays.copyOf(whole, length), "truncated",
                        "the file has " + length);
                if (length >= 32) {
                    assertTrue(error.getMessage().contains(whole.length + " bytes"), error.getMessage());
                    assertTrue(error.getMessage().contains("section"), error.getMessage());
                }
            }
        }
        readBroken(Arrays.copyOf(tinyStochasticDoubleBytes(), 40), "ends inside the outcome offsets section");
        readBroken(Arrays.copyOf(tinyStochasticDoubleBytes(), 100), "ends inside the probabilities section");
        readBroken(Arrays.copyOf(tinyDeterministicFloatBytes(), 60), "ends inside the rewards section");
    }

    @Test
    void wrongMagicIsNotABellmanFile() throws IOException {
        readBroken(edit(tinyDeterministicFloatBytes(), b -> b.put(0, (byte) 'X')), "not a Bellman MDP file");
        readBroken(edit(tinyDeterministicFloatBytes(), b -> b.put(7, (byte) 1)), "not a Bellman MDP file");
        readBroken("# a text file, not a model\n".getBytes(StandardCharsets.US_ASCII), "not a Bellman MDP file");
        readBroken(new byte[] {'B', 'X'}, "not a Bellman MDP file");
    }

    @Test
    void unsupportedVersionNamesBothVersions() throws IOException {
        readBroken(edit(tinyDeterministicFloatBytes(), b -> b.putInt(8, 2)), "version 2", "reads version 1");
        readBroken(edit(tinyDeterministicFloatBytes(), b -> b.putInt(8, -1)), "version 4294967295");
        // Version is checked before the rest of the header, which a later version may lay out differently.
        readBroken(Arrays.copyOf(edit(tinyDeterministicFloatBytes(), b -> b.putInt(8, 3)), 12), "version 3");
    }

    @Test
    void badHeaderFieldsAreNamed() throws IOException {
        readBroken(edit(tinyDeterministicFloatBytes(), b -> b.putInt(12, 7)), "unknown flags 0x7");
        readBroken(edit(tinyDeterministicFloatBytes(), b -> b.putInt(16, 0)), "0 states");
        readBroken(edit(tinyDeterministicFloatBytes(), b -> b.putInt(20, -3)), "-3 actions");
        readBroken(edit(tinyDeterministicFloatBytes(), b -> b.putInt(16, 1 << 30)), "pairs; at most");
        readBroken(edit(tinyDeterministicFloatBytes(), b -> b.putLong(24, 7)), "deterministic", "7 outcomes",
                "one per pair, 6");
        readBroken(edit(tinyStochasticDoubleBytes(), b -> b.putLong(24, 3)), "3 outcomes for 4 pairs");
        // A header whose counts do not match the file's length.
        readBroken(edit(tinyDeterministicFloatBytes(), b -> b.putInt(16, 1000).putLong(24, 2000)), "truncated",
                "1000 states");
    }

    @Test
    void contentsAreValidatedAsTheBuildersValidate() throws IOException {
        byte[] deterministic = tinyDeterministicFloatBytes();
        readBroken(edit(deterministic, b -> b.putInt(DETERMINISTIC_NEXT + 3 * 4, 9)),
                "state 1, action 1: next state 9 is outside [0, 2]");
        readBroken(edit(deterministic, b -> b.putInt(DETERMINISTIC_NEXT, -1)),
                "state 0, action 0: next state -1 is outside");
        readBroken(edit(deterministic, b -> b.putFloat(DETERMINISTIC_REWARDS + 4, Float.NaN)),
                "state 0, action 1: reward NaN is not finite");
        readBroken(edit(deterministic, b -> b.putFloat(DETERMINISTIC_REWARDS + 8, Float.NEGATIVE_INFINITY)),
                "state 1, action 0: reward -Infinity is not finite");
        readBroken(edit(deterministic, b -> b.put(32, (byte) 0xFF)), "terminal flags", "beyond the last state 2");

        byte[] stochastic = tinyStochasticDoubleBytes();
        readBroken(edit(stochastic, b -> b.putDouble(STOCHASTIC_PROBABILITIES, 0.25)),
                "state 0, action 0: probabilities sum to 0.75");
        readBroken(edit(stochastic, b -> b.putDouble(STOCHASTIC_PROBABILITIES + 8, -0.5)),
                "state 0, action 0: probability -0.5");
        readBroken(edit(stochastic, b -> b.putInt(STOCHASTIC_OFFSETS, 1)), "first outcome offset is 1");
        readBroken(edit(stochastic, b -> b.putInt(STOCHASTIC_OFFSETS + 8, 1)),
                "state 0, action 1: outcome offsets 2 to 1");
        readBroken(edit(stochastic, b -> b.putInt(STOCHASTIC_OFFSETS + 8, 2)), "state 0, action 1", "no outcomes");
        readBroken(edit(stochastic, b -> b.putInt(STOCHASTIC_OFFSETS + 16, 9)), "outcome offsets 5 to 9");
        readBroken(edit(stochastic, b -> b.putInt(33 + 20 + 4, 2)), "state 0, action 0: next state 2 is outside");
    }

    @Test
    void trailingBytesAreRejected() throws IOException {
        byte[] whole = tinyStochasticDoubleBytes();
        readBroken(Arrays.copyOf(whole, whole.length + 3), "3 bytes of trailing data", whole.length + " bytes");
    }

    @Test
    void writingReplacesAnExistingFileWhole() throws IOException {
        Path file = dir.resolve("model.mdp");
        CompactModelFiles.write(CompactModelTest.smallStochastic(Precision.DOUBLE), file);
        CompactModelFiles.write(CompactModelTest.smallDeterministic(Precision.FLOAT), file);
        assertSameModel(CompactModelTest.smallDeterministic(Precision.FLOAT), CompactModelFiles.read(file));
        assertEquals(List.of("model.mdp"), listing(dir));
    }

    @Test
    void failedWritesThrowAndLeaveNoTemporaryFile() throws IOException {
        CompactModel model = CompactModelTest.smallDeterministic(Precision.DOUBLE);
        assertThrows(IOException.class, () -> CompactModelFiles.write(model, dir.resolve("missing/model.mdp")));
        assertEquals(List.of(), listing(dir));
        // The target is a non-empty directory: the model is written, the move fails, the temporary goes.
        Path occupied = Files.createDirectory(dir.resolve("occupied.mdp"));
        Files.writeString(occupied.resolve("keep.txt"), "keep");
        assertThrows(IOException.class, () -> CompactModelFiles.write(model, occupied));
        assertEquals(List.of("occupied.mdp"), listing(dir));
        assertEquals("keep", Files.readString(occupied.resolve("keep.txt")));
    }

    private static List<String> listing(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(path -> path.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }
}
