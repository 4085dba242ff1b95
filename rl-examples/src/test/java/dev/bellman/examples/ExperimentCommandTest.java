package dev.bellman.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.bellman.core.stats.SummaryStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code bellman experiment}: many seeds of one training configuration, summarised. */
class ExperimentCommandTest {

    /** A tiny budget: 5 episodes of MountainCar-v0 (1000 steps, all at the time limit) and 3 greedy evaluations. */
    private static String[] experiment(Path out, String seeds, String parallel, String... more) {
        List<String> args = new ArrayList<>(List.of("experiment", "--env", "MountainCar-v0", "--algo", "sarsa", "--episodes", "5",
                "--eval-episodes", "3", "--seeds", seeds, "--parallel", parallel, "--out", out.toString()));
        args.addAll(Arrays.asList(more));
        return args.toArray(String[]::new);
    }

    private static JsonNode read(Path file) throws IOException {
        return new ObjectMapper().readTree(file.toFile());
    }

    @Test
    void writesEachSeedAsTrainWouldAndASummaryOfTheirResults(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("exp");
        CommandRun run = CommandRun.of(experiment(out, "0-1,4", "2", "--format", "json", "--quiet"));
        assertEquals(0, run.status(), run.err());
        assertEquals("", run.err(), "--quiet: no progress");
        JsonNode summary = run.json();
        assertEquals(read(out.resolve("summary.json")), summary, "standard output is summary.json");
        assertTrue(Files.size(out.resolve("learning-curve.png")) > 0);
        assertTrue(Files.readString(out.resolve("summary.txt")).contains("IQM"));
        assertEquals("[0,1,4]", read(out.resolve("experiment.json")).get("seeds").toString());

        double[] evaluation = new double[3];
        double[] last10 = new double[3];
        long[] seeds = {0, 1, 4};
        for (int i = 0; i < 3; i++) {
            Path seedDir = out.resolve("seed-" + seeds[i]);
            for (String file : List.of("result.json", "metrics.csv", "checkpoint.bin", "run-arguments.json", "learning-curve.png")) {
                assertTrue(Files.isRegularFile(seedDir.resolve(file)), seedDir.resolve(file).toString());
            }
            JsonNode result = read(seedDir.resolve("result.json"));
            assertEquals(seeds[i], result.get("seed").asLong());
            assertEquals(5, result.get("episodes").asInt());
            JsonNode row = summary.get("runs").get(i);
            assertEquals(seeds[i], row.get("seed").asLong());
            assertEquals("trained", row.get("status").asText());
            evaluation[i] = result.get("evaluationMeanReturn").asDouble();
            last10[i] = result.get("meanReturnLast10").asDouble();
            assertEquals(evaluation[i], row.get("evaluationMeanReturn").asDouble(), 0.0);
            assertEquals(last10[i], row.get("meanReturnLast10").asDouble(), 0.0);
            assertEquals(result.get("steps").asLong(), row.get("steps").asLong());
        }
        JsonNode stats = summary.get("evaluationMeanReturn");
        assertEquals(3, stats.get("n").asInt());
        assertEquals(SummaryStats.mean(evaluation), stats.get("mean").asDouble(), 1e-12);
        assertEquals(SummaryStats.median(evaluation), stats.get("median").asDouble(), 1e-12);
        assertEquals(SummaryStats.interquartileMean(evaluation), stats.get("iqm").asDouble(), 1e-12);
        double lower = stats.get("meanCi95").get(0).asDouble();
        double upper = stats.get("meanCi95").get(1).asDouble();
        assertTrue(lower <= stats.get("mean").asDouble() && stats.get("mean").asDouble() <= upper, stats.toString());
        assertTrue(lower >= Arrays.stream(evaluation).min().orElseThrow() && upper <= Arrays.stream(evaluation).max().orElseThrow());
        assertEquals(SummaryStats.mean(last10), summary.get("meanReturnLast10").get("mean").asDouble(), 1e-12);
        assertEquals(2000, summary.get("bootstrap").get("resamples").asInt());
    }

    /**
     * The issue's concurrency stress test: four seeds on two threads give, seed for seed, the
     * numbers and metrics of the same seeds on one thread.
     */
    @Test
    void twoThreadsGiveTheNumbersOfOne(@TempDir Path dir) throws IOException {
        CommandRun one = CommandRun.of(experiment(dir.resolve("one"), "0-3", "1", "--format", "json", "--quiet"));
        CommandRun two = CommandRun.of(experiment(dir.resolve("two"), "0-3", "2", "--format", "json"));
        assertEquals(0, one.status(), one.err());
        assertEquals(0, two.status(), two.err());
        assertEquals(4, two.err().lines().filter(line -> line.matches("seed \\d trained \\(\\d/4\\).*")).count(),
                "a progress line per seed: " + two.err());
        for (long seed = 0; seed < 4; seed++) {
            JsonNode a = read(dir.resolve("one/seed-" + seed + "/result.json"));
            JsonNode b = read(dir.resolve("two/seed-" + seed + "/result.json"));
            for (String field : List.of("steps", "meanReturnLast10", "evaluationReturns", "evaluationMeanReturn")) {
                assertEquals(a.get(field), b.get(field), "seed " + seed + ": " + field);
            }
            assertEquals(Files.readAllLines(dir.resolve("one/seed-" + seed + "/metrics.csv")),
                    Files.readAllLines(dir.resolve("two/seed-" + seed + "/metrics.csv")));
        }
        JsonNode a = one.json();
        JsonNode b = two.json();
        assertEquals(a.get("evaluationMeanReturn"), b.get("evaluationMeanReturn"));
        assertEquals(a.get("meanReturnLast10"), b.get("meanReturnLast10"));
    }

    /**
     * A rerun keeps a finished seed untouched, continues a seed whose run was interrupted after a
     * checkpoint (to the numbers of an uninterrupted run), and trains a seed that never started.
     */
    @Test
    void aRerunKeepsFinishedSeedsAndCompletesTheOthers(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("exp");
        CommandRun first = CommandRun.of(experiment(out, "0-2", "2", "--format", "json", "--quiet"));
        assertEquals(0, first.status(), first.err());
        JsonNode complete = first.json();

        Path finished = out.resolve("seed-0/result.json");
        String finishedContent = Files.readString(finished);
        FileTime stamp = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(finished, stamp);

        // Seed 1 as a run killed after its checkpoint at episode 2 of 5 leaves it.
        Path interrupted = out.resolve("seed-1");
        deleteTree(interrupted);
        List<String> trainArgs = List.of("--env", "MountainCar-v0", "--algo", "sarsa", "--episodes", "5", "--eval-episodes", "3",
                "--seed", "1", "--out", interrupted.toString(), "--quiet", "--format", "json");
        List<String> shortened = new ArrayList<>(trainArgs);
        shortened.set(5, "2");
        shortened.add(0, "train");
        assertEquals(0, CommandRun.of(shortened.toArray(String[]::new)).status());
        ArrayNode saved = new ObjectMapper().valueToTree(trainArgs);
        Files.writeString(interrupted.resolve(TrainCommand.ARGUMENTS_FILE), saved.toString());
        Files.delete(interrupted.resolve("result.json"));
        // Seed 2 never started.
        deleteTree(out.resolve("seed-2"));

        CommandRun again = CommandRun.of(experiment(out, "0-2", "1", "--format", "json"));
        assertEquals(0, again.status(), again.err());
        assertTrue(again.err().contains("1 finished earlier, 2 to train"), again.err());
        JsonNode summary = again.json();
        assertEquals(List.of("kept", "resumed", "trained"),
                List.of(summary.get("runs").get(0).get("status").asText(), summary.get("runs").get(1).get("status").asText(),
                        summary.get("runs").get(2).get("status").asText()));
        assertEquals(finishedContent, Files.readString(finished));
        assertEquals(stamp, Files.getLastModifiedTime(finished), "the finished seed's result.json is not rewritten");
        assertEquals(2, read(interrupted.resolve("result.json")).get("resumedAtEpisode").asInt());
        for (int i = 0; i < 3; i++) {
            for (String field : List.of("steps", "evaluationMeanReturn", "meanReturnLast10")) {
                assertEquals(complete.get("runs").get(i).get(field), summary.get("runs").get(i).get(field), "seed " + i + " " + field);
            }
        }
        assertEquals(complete.get("evaluationMeanReturn"), summary.get("evaluationMeanReturn"));

        // Everything finished: nothing trains, and other options are refused.
        CommandRun third = CommandRun.of(experiment(out, "0-2", "2", "--quiet"));
        assertEquals(0, third.status(), third.err());
        assertTrue(third.out().contains("kept"), third.out());
        CommandRun.of(experiment(out, "0-2", "2", "--alpha", "0.1"))
                .assertUsageError("holds an experiment with other options (--env MountainCar-v0 --algo sarsa --seeds 0-2 --episodes 5 "
                        + "--eval-episodes 3; now --env MountainCar-v0 --algo sarsa --seeds 0-2 --episodes 5 --eval-episodes 3 --alpha 0.1)");
        CommandRun.of(experiment(out, "0-3", "2")).assertUsageError("holds an experiment with other options");
    }

    /** A seed whose training diverges stops the experiment with status 1 and one line naming the seed and the step. */
    @Test
    void aDivergingSeedEndsTheExperimentWithOneLine(@TempDir Path dir) {
        // α = 1 over 8 tilings is a step of 8 on each update: the weights blow up within three episodes.
        CommandRun run = CommandRun.of("experiment", "--env", "MountainCar-v0", "--algo", "sarsa", "--alpha", "1",
                "--features", "tile-coding:8x8", "--episodes", "20", "--seeds", "0-1", "--parallel", "1", "--out",
                dir.resolve("diverging").toString());
        assertEquals(1, run.status(), run.err());
        String[] lines = run.err().strip().split("\\R");
        assertEquals(1, lines.length, run.err());
        assertTrue(lines[0].startsWith("bellman experiment: seed 0: training diverged at step 599: the update error is Infinity"),
                lines[0]);
        // With one worker, seed 1 must not start once seed 0 has failed (nor write after the command returned).
        assertFalse(Files.exists(dir.resolve("diverging").resolve("seed-1").resolve(TrainCommand.ARGUMENTS_FILE)),
                "seed 1 was started after seed 0 failed");
    }

    @Test
    void badArgumentsExitWithStatusTwoAndOneLine(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("bad");
        CommandRun.of(experiment(out, "3-1", "1")).assertUsageError("--seeds 3-1: range '3-1' runs backwards; write 1-3");
        CommandRun.of(experiment(out, "0,x", "1")).assertUsageError("'x' is not a seed (0 or more) or a range FROM-TO");
        CommandRun.of(experiment(out, "0-2,2", "1")).assertUsageError("--seeds 0-2,2 gives seed 2 twice");
        CommandRun.of(experiment(out, "-1", "1")).assertUsageError("'-1' is not a seed");
        CommandRun.of(experiment(out, "", "1")).assertUsageError("--seeds is empty");
        CommandRun.of(experiment(out, "0-99999", "1")).assertUsageError("gives more than 10000 seeds");
        CommandRun.of(experiment(out, "0", "0")).assertUsageError("--parallel 0 is outside [1, 256]");
        CommandRun.of(experiment(out, "0", "1", "--seed", "3")).assertUsageError("--seed cannot be passed to train: the experiment sets it for each seed; give the seeds with --seeds SPEC");
        CommandRun.of(experiment(out, "0", "1", "--nope")).assertUsageError("not an option of experiment or train");
        CommandRun.of("experiment", "--env", "MountainCar-v0").assertUsageError("--out");
        assertFalse(Files.exists(out), "nothing is written for arguments rejected up front");

        // train rejects the options only when the first seed runs; DIR stays free for corrected ones.
        CommandRun.of(experiment(out, "0-1", "2", "--alpha", "2")).assertUsageError(": --alpha 2.0 is outside (0, 1]");
        assertFalse(Files.exists(out.resolve(ExperimentCommand.EXPERIMENT_FILE)));

        Path other = Files.createDirectories(dir.resolve("other"));
        Files.writeString(other.resolve("notes.txt"), "not an experiment");
        CommandRun.of(experiment(other, "0", "1")).assertUsageError("is not empty and holds no experiment.json");
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(path);
            }
        }
    }
}
