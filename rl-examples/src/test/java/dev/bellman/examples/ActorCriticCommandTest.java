package dev.bellman.examples;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code bellman train --algo ddpg|td3|sac} and {@code bellman eval} of the saved actor, end to end, on short runs. */
class ActorCriticCommandTest {

    @Test
    void trainSavesTheActorAndEvalLoadsIt(@TempDir Path dir) throws IOException {
        CommandRun train = CommandRun.of("train", "--env", "Pendulum-v1", "--algo", "td3", "--steps", "600",
                "--learning-starts", "200", "--hidden", "16,16", "--batch-size", "16", "--eval-episodes", "1",
                "--format", "json", "--out", dir.toString(), "--quiet");
        assertEquals(0, train.status(), train.err());
        JsonNode json = train.json();
        assertEquals(600, json.get("steps").asLong());
        // 600 steps of Pendulum-v1's 200-step episodes
        assertEquals(3, json.get("episodes").asInt());
        // one gradient step per environment step after the first 200; the actor every second one
        assertEquals(400, json.get("gradientSteps").asLong());
        assertEquals(200, json.get("actorUpdates").asLong());
        assertEquals(2, json.at("/config/critics").asInt());
        assertEquals(16, json.at("/config/hiddenLayers/0").asInt());
        // the rest is rl-zoo's Pendulum-v1 entry
        assertEquals(0.98, json.at("/config/gamma").asDouble(), 0.0);
        assertEquals("GAUSSIAN", json.at("/config/noise").asText());
        assertEquals(0.1, json.at("/config/noiseSigma").asDouble(), 0.0);
        assertEquals(4, Files.readAllLines(dir.resolve("metrics.csv")).size());
        assertTrue(Files.size(dir.resolve("learning-curve.png")) > 0);
        Path model = dir.resolve(TrainCommand.MODEL_FILE);
        assertTrue(Files.size(model) > 0);
        assertTrue(Files.isRegularFile(dir.resolve(TrainCommand.NETWORKS_DIRECTORY).resolve("critic-2-target.bin")));

        CommandRun eval = CommandRun.of("eval", "--model", model.toString(), "--env", "Pendulum-v1", "--episodes", "1",
                "--seed", String.valueOf(1_000_000), "--format", "json");
        assertEquals(0, eval.status(), eval.err());
        // the same actor, the same reset seed: the same return as train's own evaluation
        assertEquals(json.get("evaluationMeanReturn").asDouble(), eval.json().get("meanReturn").asDouble(), 0.0);

        CommandRun.of("eval", "--model", model.toString(), "--env", "MountainCarContinuous-v0")
                .assertUsageError("takes 3 observation values and gives 1 action values; MountainCarContinuous-v0 has 2 and 1");
    }

    @Test
    void sacTrainsSavesItsActorAndEvalActsWithTheMean(@TempDir Path dir) throws IOException {
        CommandRun train = CommandRun.of("train", "--env", "Pendulum-v1", "--algo", "sac", "--steps", "400",
                "--learning-starts", "200", "--hidden", "16,16", "--batch-size", "16", "--eval-episodes", "1",
                "--format", "json", "--out", dir.toString(), "--quiet");
        assertEquals(0, train.status(), train.err());
        JsonNode json = train.json();
        assertEquals(200, json.get("gradientSteps").asLong());
        // rl-zoo's Pendulum-v1 entry: learning rate 1e-3, SB3's other defaults
        assertEquals(1e-3, json.at("/config/learningRate").asDouble(), 0.0);
        assertTrue(json.get("entropyCoefficient").asDouble() < 1.0, "alpha falls from 1 while the policy is too random");
        CommandRun eval = CommandRun.of("eval", "--model", dir.resolve(TrainCommand.MODEL_FILE).toString(), "--env",
                "Pendulum-v1", "--episodes", "1", "--seed", String.valueOf(1_000_000), "--format", "json");
        assertEquals(0, eval.status(), eval.err());
        assertEquals(json.get("evaluationMeanReturn").asDouble(), eval.json().get("meanReturn").asDouble(), 0.0);
        CommandRun.of("train", "--env", "Pendulum-v1", "--algo", "sac", "--noise", "ou:0.5")
                .assertUsageError("--noise does not apply to sac");
    }

    @Test
    void ddpgOnMountainCarContinuousTakesRlZoosNoise() throws IOException {
        CommandRun train = CommandRun.of("train", "--env", "MountainCarContinuous-v0", "--algo", "ddpg", "--steps", "300",
                "--learning-starts", "100", "--hidden", "8", "--batch-size", "8", "--time-limit", "100",
                "--eval-episodes", "1", "--format", "json");
        assertEquals(0, train.status(), train.err());
        JsonNode json = train.json();
        assertEquals("ORNSTEIN_UHLENBECK", json.at("/config/noise").asText());
        assertEquals(0.5, json.at("/config/noiseSigma").asDouble(), 0.0);
        assertEquals(1, json.at("/config/critics").asInt());
        // --time-limit 100 cuts the 999-step episodes: 300 steps are 3 episodes
        assertEquals(3, json.get("episodes").asInt());
        assertEquals(100.0, json.get("evaluationMeanLength").asDouble(), 0.0);
    }

    @Test
    void badArgumentsExitWithStatusTwoAndOneLine(@TempDir Path dir) throws IOException {
        CommandRun.of("train", "--env", "CartPole-v1", "--algo", "ddpg")
                .assertUsageError("--env CartPole-v1 has discrete actions; ddpg needs continuous ones");
        CommandRun.of("train", "--env", "Pendulum-v1", "--algo", "dqn")
                .assertUsageError("--env Pendulum-v1 has continuous actions; dqn needs discrete ones");
        CommandRun.of("train", "--env", "Pendulum-v1", "--algo", "td3", "--noise", "ou:-1")
                .assertUsageError("--noise ou:-1: sigma -1.0 must be a finite number >= 0");
        CommandRun.of("train", "--env", "Pendulum-v1", "--algo", "td3", "--noise", "foo")
                .assertUsageError("--noise foo is not allowed; expected gaussian:SIGMA, ou:SIGMA or none");
        CommandRun.of("train", "--env", "Pendulum-v1", "--algo", "ddpg", "--tau", "0")
                .assertUsageError("DDPG setting: tau 0.0 is outside (0, 1]");
        CommandRun.of("train", "--env", "Pendulum-v1", "--algo", "td3", "--policy-delay", "0")
                .assertUsageError("TD3 setting: policyDelay 0 must be at least 1");
        CommandRun.of("train", "--env", "Pendulum-v1", "--algo", "td3", "--threads", "0")
                .assertUsageError("TD3 setting: threads 0 must be at least 1");
        CommandRun.of("train", "--env", "CartPole-v1", "--algo", "dqn", "--threads", "2")
                .assertUsageError("--threads applies to ddpg and td3, not dqn");
        CommandRun.of("train", "--env", "Pendulum-v1", "--algo", "ddpg", "--policy-delay", "2")
                .assertUsageError("--policy-delay applies to td3, not ddpg");
        CommandRun.of("train", "--env", "Pendulum-v1", "--algo", "td3", "--exploration-fraction", "0.2")
                .assertUsageError("--exploration-fraction applies to dqn, double-dqn and dueling-dqn, not td3");
        CommandRun.of("train", "--env", "CartPole-v1", "--algo", "dqn", "--noise", "gaussian:0.1")
                .assertUsageError("--noise applies to ddpg and td3, not dqn");
        CommandRun.of("train", "--env", "Pendulum-v1", "--algo", "td3", "--epsilon", "0.1")
                .assertUsageError("--epsilon applies to the linear learners, not td3");

        // a CartPole-v1 Q-network (4 inputs, 2 outputs) is no Pendulum-v1 actor (3 inputs, 1 output)
        CommandRun dqn = CommandRun.of("train", "--env", "CartPole-v1", "--algo", "dqn", "--steps", "100",
                "--hidden", "8", "--learning-starts", "50", "--batch-size", "8", "--eval-episodes", "0",
                "--out", dir.toString());
        assertEquals(0, dqn.status(), dqn.err());
        CommandRun.of("eval", "--model", dir.resolve(TrainCommand.MODEL_FILE).toString(), "--env", "Pendulum-v1")
                .assertUsageError("takes 4 observation values and gives 2 action values; Pendulum-v1 has 3 and 1 "
                        + "(a continuous-action environment needs an actor saved by bellman train --algo ddpg, td3 or sac)");
    }
}
