package dev.bellman.examples;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code bellman train --algo dqn} and {@code bellman eval} end to end, on short runs. */
class DqnCommandTest {

    @Test
    void trainSavesTheNetworkAndEvalLoadsIt(@TempDir Path dir) throws IOException {
        CommandRun train = CommandRun.of("train", "--env", "CartPole-v1", "--algo", "double-dqn", "--steps", "3000",
                "--hidden", "32,32", "--learning-starts", "500", "--train-frequency", "4", "--gradient-steps", "1",
                "--loss", "mse", "--eval-episodes", "3", "--format", "json", "--out", dir.toString());
        assertEquals(0, train.status(), train.err());
        JsonNode json = train.json();
        assertEquals(3000, json.get("steps").asLong());
        // one gradient step every 4 steps after the first 500: (3000 − 500) / 4 = 625
        assertEquals(625, json.get("gradientSteps").asLong());
        assertTrue(json.at("/config/doubleDqn").asBoolean());
        assertEquals(32, json.at("/config/hiddenLayers/0").asInt());
        assertEquals("MSE", json.at("/config/loss").asText());
        Path model = dir.resolve(TrainCommand.MODEL_FILE);
        assertTrue(Files.size(model) > 0);

        CommandRun eval = CommandRun.of("eval", "--model", model.toString(), "--env", "CartPole-v1", "--episodes", "3",
                "--seed", String.valueOf(1_000_000), "--format", "json");
        assertEquals(0, eval.status(), eval.err());
        // the same greedy network, the same reset seeds: the same returns as train's own evaluation
        assertEquals(json.get("evaluationMeanReturn").asDouble(), eval.json().get("meanReturn").asDouble(), 0.0);

        // DESIGN.md's form: the run's directory, and the keys episodes, mean, std, min, max
        JsonNode byDirectory = CommandRun.of("eval", "--env", "CartPole-v1", "--model", dir.toString(), "--episodes", "3",
                "--seed", String.valueOf(1_000_000), "--format", "json").json();
        assertEquals(3, byDirectory.get("episodes").asInt());
        assertEquals(eval.json().get("meanReturn").asDouble(), byDirectory.get("mean").asDouble(), 0.0);
        JsonNode returns = byDirectory.get("returns");
        double min = Math.min(returns.get(0).asDouble(), Math.min(returns.get(1).asDouble(), returns.get(2).asDouble()));
        double max = Math.max(returns.get(0).asDouble(), Math.max(returns.get(1).asDouble(), returns.get(2).asDouble()));
        assertEquals(min, byDirectory.get("min").asDouble(), 0.0);
        assertEquals(max, byDirectory.get("max").asDouble(), 0.0);
        assertEquals(eval.json().get("standardDeviation").asDouble(), byDirectory.get("std").asDouble(), 0.0);

        CommandRun.of("eval", "--model", model.toString(), "--env", "MountainCar-v0")
                .assertUsageError("takes 4 observation values and gives 2 action values; MountainCar-v0 has 2 and 3");
    }

    /**
     * {@code --num-envs 4}: the same schedule in environment steps (so the same gradient steps as
     * one environment), and a run that resumes from its final checkpoint, replay buffer included,
     * onto four fresh copies.
     * The resumed run is a continuation, not the longer run's numbers: the copies were mid-episode
     * when the first run stopped, and every training call starts new episodes.
     */
    @Test
    void numEnvsTrainsOnCopiesAndResumes(@TempDir Path dir) throws IOException {
        CommandRun train = CommandRun.of("train", "--env", "CartPole-v1", "--algo", "dqn", "--steps", "3000", "--num-envs", "4",
                "--hidden", "32,32", "--learning-starts", "500", "--train-frequency", "4", "--gradient-steps", "1",
                "--eval-episodes", "0", "--format", "json", "--out", dir.toString(), "--checkpoint-replay");
        assertEquals(0, train.status(), train.err());
        JsonNode json = train.json();
        assertEquals(3000, json.get("steps").asLong());
        assertEquals(4, json.get("numEnvs").asInt());
        assertEquals(625, json.get("gradientSteps").asLong());
        List<String> firstMetrics = Files.readAllLines(dir.resolve("metrics.csv"));

        CommandRun resumed = CommandRun.of("train", "--resume", dir.toString(), "--steps", "4000", "--format", "json");
        assertEquals(0, resumed.status(), resumed.err());
        JsonNode after = resumed.json();
        assertEquals(3000, after.get("resumedAtStep").asLong());
        assertEquals(4000, after.get("steps").asLong());
        // (4000 − 500) / 4: the final checkpoint kept the buffer (--checkpoint-replay), so training
        // goes on from step 3004 without waiting for a new batch of 64 transitions.
        assertEquals(875, after.get("gradientSteps").asLong());
        List<String> allMetrics = Files.readAllLines(dir.resolve("metrics.csv"));
        assertTrue(allMetrics.size() > firstMetrics.size());
        assertEquals(firstMetrics, allMetrics.subList(0, firstMetrics.size()), "the first run's episodes are kept");
    }

    @Test
    void badArgumentsExitWithStatusTwoAndOneLine(@TempDir Path dir) throws IOException {
        CommandRun.of("train", "--env", "CartPole-v1", "--algo", "dqn", "--features", "fourier:3")
                .assertUsageError("--features applies to the linear learners, not dqn");
        CommandRun.of("train", "--env", "CartPole-v1", "--algo", "dqn", "--batch-size", "0")
                .assertUsageError("batchSize 0 must be at least 1");
        CommandRun.of("train", "--env", "CartPole-v1", "--algo", "dqn", "--tau", "2")
                .assertUsageError("tau 2.0 is outside (0, 1]");
        CommandRun.of("train", "--env", "CartPole-v1", "--algo", "dqn", "--loss", "l1")
                .assertUsageError("--loss l1 is not allowed; expected huber or mse");
        CommandRun.of("train", "--env", "CartPole-v1", "--algo", "dqn", "--num-envs", "0")
                .assertUsageError("--num-envs 0 must be at least 1");
        CommandRun.of("train", "--env", "CartPole-v1", "--algo", "sarsa", "--num-envs", "2")
                .assertUsageError("--num-envs applies to dqn, double-dqn, dueling-dqn, not sarsa");
        CommandRun.of("train", "--env", "CartPole-v1", "--algo", "dqn", "--num-envs", "2", "--n-steps", "3")
                .assertUsageError("--num-envs 2 needs --n-steps 1 (got 3)");
        CommandRun.of("train", "--env", "CartPole-v1", "--algo", "dqn", "--num-envs", "2", "--checkpoint-every", "100",
                "--out", dir.resolve("periodic").toString()).assertUsageError("--checkpoint-every cannot be given with --num-envs 2");
        CommandRun.of("eval", "--model", dir.resolve("missing.bin").toString(), "--env", "CartPole-v1")
                .assertUsageError("no such file or directory");
        CommandRun.of("eval", "--model", dir.toString(), "--env", "CartPole-v1").assertUsageError("the directory holds no model.bin");
        Path garbage = Files.writeString(dir.resolve("garbage.bin"), "not a model");
        CommandRun.of("eval", "--model", garbage.toString(), "--env", "CartPole-v1").assertUsageError("--model " + garbage);
    }
}
