package dev.bellman.examples;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
        CommandRun.of("eval", "--model", dir.resolve("missing.bin").toString(), "--env", "CartPole-v1")
                .assertUsageError("no such file or directory");
        CommandRun.of("eval", "--model", dir.toString(), "--env", "CartPole-v1").assertUsageError("the directory holds no model.bin");
        Path garbage = Files.writeString(dir.resolve("garbage.bin"), "not a model");
        CommandRun.of("eval", "--model", garbage.toString(), "--env", "CartPole-v1").assertUsageError("--model " + garbage);
    }
}
