package dev.bellman.examples;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code bellman train --checkpoint-every} and {@code --resume}. */
class ResumeCommandTest {

    private static final String[] RUN = {"train", "--env", "MountainCar-v0", "--algo", "sarsa", "--features", "tile-coding:8x8",
        "--quiet", "--format", "json", "--eval-episodes", "3"};

    private static String[] run(String episodes, Path out) {
        String[] args = Arrays.copyOf(RUN, RUN.length + 4);
        args[RUN.length] = "--episodes";
        args[RUN.length + 1] = episodes;
        args[RUN.length + 2] = "--out";
        args[RUN.length + 3] = out.toString();
        return args;
    }

    /**
     * A 25-episode run, continued with {@code --resume DIR --episodes 60}, ends with every episode,
     * the evaluation and the metrics of a 60-episode run: every run with {@code --out} ends with a
     * checkpoint, and an episode budget ends on an episode boundary. (A run killed between periodic
     * checkpoints is {@link ResumeAfterKillTest}'s.)
     */
    @Test
    void aRunContinuedToALargerBudgetEndsWithTheNumbersOfTheLongerRun(@TempDir Path dir) throws IOException {
        Path whole = dir.resolve("whole");
        CommandRun uninterrupted = CommandRun.of(run("60", whole));
        assertEquals(0, uninterrupted.status(), uninterrupted.err());

        Path shorter = dir.resolve("shorter");
        CommandRun first = CommandRun.of(run("25", shorter));
        assertEquals(0, first.status(), first.err());
        CommandRun.of("train", "--resume", shorter.toString()).assertUsageError("the run already has 25 episodes, its whole budget");

        CommandRun resumed = CommandRun.of("train", "--resume", shorter.toString(), "--episodes", "60", "--format", "json");
        assertEquals(0, resumed.status(), resumed.err());
        JsonNode expected = uninterrupted.json();
        JsonNode actual = resumed.json();
        assertEquals(25, actual.get("resumedAtEpisode").asLong(), actual.toString());
        for (String field : new String[] {"episodes", "steps", "meanReturnFirst10", "meanReturnLast10", "evaluationReturns"}) {
            assertEquals(expected.get(field), actual.get(field), field);
        }
        assertEquals(Files.readAllLines(whole.resolve("metrics.csv")), Files.readAllLines(shorter.resolve("metrics.csv")));
        CommandRun.of("train", "--resume", shorter.toString(), "--episodes", "40").assertUsageError("the run already has 60 episodes; give more than 60");
    }

    @Test
    void badResumesAndCheckpointOptionsEndInOneLine(@TempDir Path dir) throws IOException {
        CommandRun.of("train", "--env", "MountainCar-v0", "--checkpoint-every", "100")
                .assertUsageError("--checkpoint-every needs --out DIR");
        CommandRun.of("train", "--env", "MountainCar-v0", "--checkpoint-every", "0", "--out", dir.resolve("zero").toString())
                .assertUsageError("--checkpoint-every 0 must be at least 1 step");
        CommandRun.of("train", "--env", "MountainCar-v0", "--checkpoint-replay").assertUsageError("--checkpoint-replay needs --out DIR");
        CommandRun.of("train").assertUsageError("--env ID is required (or --resume DIR)");
        CommandRun.of("train", "--resume", dir.toString()).assertUsageError("there is no run-arguments.json there");
        CommandRun.of("train", "--resume", dir.toString(), "--steps", "0").assertUsageError("there is no run-arguments.json there");

        Path run = dir.resolve("run");
        assertEquals(0, CommandRun.of(run("12", run)).status());
        CommandRun.of("train", "--resume", run.toString(), "--seed", "3").assertUsageError("--seed cannot be given with --resume");

        Path checkpoint = run.resolve(TrainCommand.CHECKPOINT_FILE);
        byte[] bytes = Files.readAllBytes(checkpoint);
        Files.write(checkpoint, Arrays.copyOf(bytes, bytes.length / 2));
        CommandRun.of("train", "--resume", run.toString()).assertUsageError("is truncated");

        Files.write(checkpoint, bytes);
        Files.writeString(run.resolve(TrainCommand.ARGUMENTS_FILE), Files.readString(run.resolve(TrainCommand.ARGUMENTS_FILE))
                .replace("\"sarsa\"", "\"q-learning\""));
        CommandRun.of("train", "--resume", run.toString()).assertUsageError("is a checkpoint of another algorithm");
    }
}
