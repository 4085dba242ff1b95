package dev.bellman.examples;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code bellman train}: linear control on the classic-control tasks. */
class TrainCommandTest {


    private static CommandRun run(String... args) {
        return CommandRun.of(args);
    }

    private static void assertUsageError(CommandRun run, String expectedFragment) {
        run.assertUsageError(expectedFragment);
    }

    /**
     * The command: semi-gradient Sarsa, 8 tilings of 8×8, α = 0.5/8, ε = 0, γ = 1, on
     * MountainCar-v0 with its 200-step limit. Measured (seed 0, 300 episodes): the last 10 episodes
     * average −115.4 and the greedy policy −106.0 over 10 evaluation episodes.
     */
    @Test
    void sarsaWithTileCodingLearnsMountainCar(@TempDir Path dir) throws IOException {
        CommandRun run = run("train", "--env", "MountainCar-v0", "--algo", "sarsa", "--features", "tile-coding:8x8x8",
                "--episodes", "300", "--format", "json", "--out", dir.toString());
        assertEquals(0, run.status(), run.err());
        JsonNode json = run.json();
        assertEquals(0.0625, json.get("alpha").asDouble(), 0.0);
        assertEquals(0.0, json.get("epsilon").asDouble(), 0.0);
        assertEquals(1.0, json.get("gamma").asDouble(), 0.0);
        assertEquals(300, json.get("episodes").asInt());
        assertEquals(-200.0, json.get("meanReturnFirst10").asDouble(), 0.0, "the first episodes all hit the time limit");
        assertTrue(json.get("meanReturnLast10").asDouble() > -130, json.toString());
        assertTrue(json.get("evaluationMeanReturn").asDouble() > -130, json.toString());
        assertTrue(Files.readAllLines(dir.resolve("metrics.csv")).size() == 301);
        assertTrue(Files.size(dir.resolve("learning-curve.png")) > 0);
        // the same seed gives the same numbers
        JsonNode again = run("train", "--env", "MountainCar-v0", "--episodes", "300", "--format", "json").json();
        assertEquals(json.get("steps").asLong(), again.get("steps").asLong());
        assertEquals(json.get("evaluationMeanReturn").asDouble(), again.get("evaluationMeanReturn").asDouble(), 0.0);
    }

    @Test
    void trueOnlineSarsaLambdaSolvesMountainCar() throws IOException {
        // Measured (seed 0, 200 episodes, λ = 0.9): greedy evaluation −101.5, past the solved threshold of −110.
        JsonNode json = run("train", "--env", "MountainCar-v0", "--algo", "true-online-sarsa-lambda",
                "--features", "tile-coding:8x8", "--episodes", "200", "--format", "json").json();
        assertTrue(json.get("evaluationMeanReturn").asDouble() >= -110, json.toString());
    }

    @Test
    void cartPoleNeedsBoundsForItsUnboundedVelocities() throws IOException {
        assertUsageError(run("train", "--env", "CartPole-v1"), "unbounded observation space");
        // Measured (seed 0, 300 episodes): greedy evaluation 186.1.
        JsonNode json = run("train", "--env", "CartPole-v1", "--bounds=-2.4:2.4,-3:3,-0.21:0.21,-3.5:3.5",
                "--episodes", "300", "--format", "json").json();
        assertTrue(json.get("evaluationMeanReturn").asDouble() > 100, json.toString());
    }

    @Test
    void badArgumentsExitWithStatusTwoAndOneLine() {
        assertUsageError(run("train"), "--env");
        assertUsageError(run("train", "--env", "Nope-v0"), "is not registered");
        assertUsageError(run("train", "--env", "Pendulum-v1"), "has continuous actions");
        assertUsageError(run("train", "--env", "MountainCar-v0", "--algo", "ppo"), "--algo ppo is not allowed");
        assertUsageError(run("train", "--env", "MountainCar-v0", "--features", "one-hot"), "needs discrete observations");
        assertUsageError(run("train", "--env", "MountainCar-v0", "--features", "tile-coding:8x8x8x8"), "gives 3 tile counts");
        assertUsageError(run("train", "--env", "MountainCar-v0", "--bounds", "0:1"), "gives 1 ranges");
        assertUsageError(run("train", "--env", "MountainCar-v0", "--bounds", "0:1,2:1"), "range 2 needs finite LOW < HIGH");
        assertUsageError(run("train", "--env", "MountainCar-v0", "--alpha", "2"), "--alpha 2.0 is outside (0, 1]");
        assertUsageError(run("train", "--env", "MountainCar-v0", "--n", "0"), "--n 0 must be at least 1");
        assertUsageError(run("train", "--env", "MountainCar-v0", "--time-limit", "-1"), "--time-limit -1 is negative");
        assertUsageError(run("train", "--env", "MountainCar-v0", "--episodes", "1", "--steps", "1"), "exclusive");
    }
}
