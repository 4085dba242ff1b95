package dev.bellman.examples;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bellman.deep.ac.ActorCriticConfig;
import dev.bellman.deep.ac.SacConfig;
import dev.bellman.deep.dqn.DqnConfig;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code bellman algos}: every algorithm the commands accept, with the defaults a run uses. The
 * expected names come from the commands' own lists and the expected numbers from the config
 * records' factories, so that this fails when either gains something the listing lacks.
 */
class AlgosCommandTest {

    private static JsonNode algos(String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of("algos", "--format", "json"));
        all.addAll(List.of(args));
        CommandRun run = CommandRun.of(all.toArray(String[]::new));
        assertEquals(0, run.status(), run.err());
        return run.json();
    }

    private static Set<String> names(JsonNode algorithms) {
        Set<String> names = new TreeSet<>();
        algorithms.forEach(a -> names.add(a.get("name").asText()));
        return names;
    }

    /** The one algorithm of that name and command. */
    private static JsonNode algorithm(String name, String command) throws IOException {
        JsonNode json = algos(name, "--command", command);
        assertEquals(1, json.size(), json.toString());
        return json.get(0);
    }

    private static JsonNode parameter(JsonNode algorithm, String name) {
        for (JsonNode parameter : algorithm.get("hyperParameters")) {
            if (parameter.get("name").asText().equals(name)) {
                return parameter;
            }
        }
        throw new AssertionError(algorithm.get("name") + " has no hyper-parameter " + name);
    }

    @Test
    void listsEveryAlgorithmTheCommandsAccept() throws IOException {
        Set<String> train = new TreeSet<>(TrainCommand.ALGORITHMS);
        train.addAll(TrainCommand.DEEP_ALGORITHMS);
        train.addAll(TrainCommand.ACTOR_CRITIC_ALGORITHMS);
        assertEquals(train, names(algos("--command", "train")));
        Set<String> gridworld = new TreeSet<>();
        for (GridAlgorithm algo : GridAlgorithm.values()) {
            gridworld.add(algo.id());
        }
        for (LargePlanner planner : LargePlanner.values()) {
            gridworld.add(planner.id());   // --size
        }
        assertEquals(gridworld, names(algos("--command", "gridworld")));
        Set<String> mdp = new TreeSet<>();
        for (LargePlanner planner : LargePlanner.values()) {
            mdp.add(planner.id());
        }
        mdp.addAll(List.of("value-iteration", "policy-iteration", "truncated-policy-iteration"));
        assertEquals(mdp, names(algos("--command", "mdp")));
        for (JsonNode algorithm : algos()) {
            assertTrue(!algorithm.get("description").asText().isBlank(), algorithm.get("name") + " has a description");
        }
    }

    @Test
    void deepDefaultsAreTheConfigFactoriesValues() throws IOException {
        JsonNode dqn = algorithm("dqn", "train");
        DqnConfig sb3 = DqnConfig.builder().build();
        DqnConfig cartPole = DqnConfig.zooCartPole();
        assertEquals(sb3.learningRate(), parameter(dqn, "learningRate").get("default").asDouble(), 0.0);
        assertEquals(cartPole.learningRate(), parameter(dqn, "learningRate").get("byEnvironment").get("CartPole-v1").asDouble(), 0.0);
        assertEquals(sb3.targetUpdateInterval(), parameter(dqn, "targetUpdateInterval").get("default").asInt());
        assertEquals(cartPole.trainFrequency(), parameter(dqn, "trainFrequency").get("byEnvironment").get("CartPole-v1").asInt());
        assertEquals("--learning-rate", parameter(dqn, "learningRate").get("option").asText());
        assertEquals(DeepOptions.zooSteps("CartPole-v1", "dqn"), parameter(dqn, "steps").get("byEnvironment").get("CartPole-v1").asLong());
        assertTrue(parameter(dqn, "learningRate").get("source").asText().contains("rl-zoo"));

        JsonNode ddpg = algorithm("ddpg", "train");
        ActorCriticConfig ddpgDefaults = ActorCriticConfig.ddpg().build();
        assertEquals(ddpgDefaults.tau(), parameter(ddpg, "tau").get("default").asDouble(), 0.0);
        assertEquals(ActorCriticConfig.zooPendulumDdpg().gamma(), parameter(ddpg, "gamma").get("byEnvironment").get("Pendulum-v1").asDouble(), 0.0);
        JsonNode td3 = algorithm("td3", "train");
        assertEquals(ActorCriticConfig.td3().build().policyDelay(), parameter(td3, "policyDelay").get("default").asInt());
        assertEquals(ActorCriticConfig.zooPendulumTd3().learningStarts(),
                parameter(td3, "learningStarts").get("byEnvironment").get("Pendulum-v1").asInt());
        JsonNode sac = algorithm("sac", "train");
        assertEquals(SacConfig.builder().build().learningRate(), parameter(sac, "learningRate").get("default").asDouble(), 0.0);
        assertEquals(SacConfig.zooPendulum().learningRate(), parameter(sac, "learningRate").get("byEnvironment").get("Pendulum-v1").asDouble(), 0.0);
    }

    @Test
    void tabularAndLinearDefaultsAreThoseTheCommandsUse() throws IOException {
        JsonNode sarsa = algorithm("sarsa", "train");
        // Sutton & Barto §10.1: alpha = 0.5 / 8 tilings
        assertEquals(0.0625, parameter(sarsa, "alpha").get("default").asDouble(), 0.0);
        assertTrue(parameter(sarsa, "alpha").get("source").asText().contains("§10.1"));
        assertEquals(0.0, parameter(sarsa, "epsilon").get("byEnvironment").get("MountainCar-v0").asDouble(), 0.0);
        assertEquals(1.0, parameter(sarsa, "gamma").get("byEnvironment").get("Acrobot-v1").asDouble(), 0.0);
        assertEquals(200, parameter(sarsa, "timeLimit").get("byEnvironment").get("MountainCar-v0").asInt());
        JsonNode lambda = algorithm("true-online-sarsa-lambda", "train");
        assertEquals(0.9, parameter(lambda, "lambda").get("default").asDouble(), 0.0);

        JsonNode nStep = algorithm("n-step-sarsa", "gridworld");
        assertEquals(3, parameter(nStep, "n").get("default").asInt(), "gridworld's --n default");
        assertEquals(GridWorldCommand.LEARNER_ALPHA, parameter(nStep, "alpha").get("default").asDouble(), 0.0);
        assertEquals(1.0, parameter(nStep, "gamma").get("byEnvironment").get("cliff-walking").asDouble(), 0.0);
        JsonNode both = algos("value-iteration");
        assertEquals(2, both.size(), "gridworld's planner and the one for large models");
        JsonNode valueIteration = both.get(0);
        assertEquals("gridworld, mdp --preset", valueIteration.get("command").asText());
        assertEquals(1e-10, parameter(valueIteration, "tolerance").get("default").asDouble(), 0.0);
    }

    @Test
    void oneAlgorithmInDetailAsText() {
        CommandRun run = CommandRun.of("algos", "sarsa");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("sarsa (gridworld)"), run.out());
        assertTrue(run.out().contains("sarsa (train)"), run.out());
        assertTrue(run.out().contains("--alpha"), run.out());
        CommandRun table = CommandRun.of("algos");
        assertTrue(table.out().startsWith("NAME "), table.out());
    }

    @Test
    void badArgumentsExitWithStatusTwoAndOneLine() {
        CommandRun.of("algos", "ppo").assertUsageError("algorithm 'ppo' is unknown");
        CommandRun.of("algos", "--command", "eval").assertUsageError("--command eval is not allowed");
        CommandRun.of("algos", "dqn", "--command", "gridworld").assertUsageError("unknown to gridworld");
        CommandRun.of("algos", "a", "b").assertUsageError("b");
    }
}
