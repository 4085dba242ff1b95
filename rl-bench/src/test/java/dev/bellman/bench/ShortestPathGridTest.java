package dev.bellman.bench;

import burlap.behavior.valuefunction.QValue;
import burlap.domain.singleagent.gridworld.state.GridAgent;
import burlap.domain.singleagent.gridworld.state.GridWorldState;
import burlap.mdp.core.state.State;
import burlap.mdp.singleagent.environment.EnvironmentOutcome;
import burlap.mdp.singleagent.environment.SimulatedEnvironment;
import burlap.mdp.singleagent.oo.OOSADomain;
import dev.bellman.core.Budget;
import dev.bellman.core.TabularPolicy;
import dev.bellman.core.Transition;
import dev.bellman.env.grid.GridAction;
import dev.bellman.env.grid.GridWorld;
import dev.bellman.tabular.td.QLearning;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Q-learning benchmark compares like with like only if the two worlds are one world and both
 * learners learn in it: every move from every cell has the same outcome in both libraries, and after
 * the same training both learners' greedy paths are shortest paths. Nothing here is timed.
 */
class ShortestPathGridTest {

    private static final ShortestPathGrid GRID = ShortestPathGrid.of(10);
    /** Enough for both learners, with these seeds, to settle on a shortest path (checked below). */
    private static final int TRAINING_EPISODES = 2000;

    @Test
    void everyMoveHasTheSameOutcomeInBothLibraries() {
        GridWorld bellman = GRID.gridWorld();
        OOSADomain burlap = GRID.burlapDomain();
        int size = GRID.size();
        assertEquals(4, bellman.actionCount());
        for (int row = 0; row < size; row++) {
            for (int col = 0; col < size; col++) {
                int state = bellman.state(row, col);
                State burlapState = GRID.burlapStateAt(row, col);
                assertEquals(bellman.isTerminal(state), burlap.getModel().terminal(burlapState),
                        "terminal at (" + row + ", " + col + ")");
                if (bellman.isTerminal(state)) {
                    continue;
                }
                for (GridAction action : bellman.actions()) {
                    List<Transition> outcomes = bellman.transitions(state, action.ordinal());
                    assertEquals(1, outcomes.size());
                    Transition expected = outcomes.get(0);
                    EnvironmentOutcome actual = burlap.getModel()
                            .sample(burlapState, ShortestPathGrid.burlapAction(action));
                    String where = action + " from (" + row + ", " + col + ")";
                    assertEquals(expected.nextState(), bellmanState(actual.op), where);
                    assertEquals(expected.reward(), actual.r, 0.0, where);
                    assertEquals(bellman.isTerminal(expected.nextState()), actual.terminated, where);
                }
            }
        }
    }

    @Test
    void bellmanLearnsAShortestPath() {
        GridWorld world = GRID.gridWorld();
        QLearning learner = QLearningSteps.bellmanLearner(QLearningSteps.SEED);
        learner.train(world, Budget.episodes(TRAINING_EPISODES));

        TabularPolicy greedy = learner.policy();
        int state = world.state(0, 0);
        int steps = 0;
        double totalReward = 0;
        while (!world.isTerminal(state) && steps < world.stateCount()) {
            Transition move = world.transitions(state, greedy.mostProbableAction(state)).get(0);
            totalReward += move.reward();
            state = move.nextState();
            steps++;
        }
        assertTrue(world.isTerminal(state), "Bellman's greedy path does not reach the goal");
        assertEquals(GRID.shortestPathLength(), steps);
        assertEquals(-GRID.shortestPathLength(), totalReward, 0.0);
    }

    @Test
    void burlapLearnsAShortestPath() {
        OOSADomain domain = GRID.burlapDomain();
        SimulatedEnvironment env = GRID.burlapEnvironment(domain);
        burlap.behavior.singleagent.learning.tdmethods.QLearning learner =
                QLearningSteps.burlapLearner(domain, QLearningSteps.SEED);
        for (int episode = 0; episode < TRAINING_EPISODES; episode++) {
            env.resetEnvironment();
            learner.runLearningEpisode(env, QLearningSteps.MAX_EPISODE_LENGTH);
        }

        env.resetEnvironment();
        int steps = 0;
        double totalReward = 0;
        while (!env.isInTerminalState() && steps < GRID.size() * GRID.size()) {
            totalReward += env.executeAction(greedyAction(learner.qValues(env.currentObservation())).a).r;
            steps++;
        }
        assertTrue(env.isInTerminalState(), "BURLAP's greedy path does not reach the goal");
        assertEquals(GRID.shortestPathLength(), steps);
        assertEquals(-GRID.shortestPathLength(), totalReward, 0.0);
    }

    @Test
    void oneBenchmarkOperationTrainsBothLearnersForItsStepBudget() {
        // The benchmark's BURLAP driver spends exactly its step budget and counts whole episodes.
        OOSADomain domain = GRID.burlapDomain();
        SimulatedEnvironment env = GRID.burlapEnvironment(domain);
        burlap.behavior.singleagent.learning.tdmethods.QLearning learner =
                QLearningSteps.burlapLearner(domain, QLearningSteps.SEED);
        long finished = QLearningSteps.trainBurlap(learner, env, QLearningSteps.STEPS_PER_OPERATION);
        assertTrue(finished >= QLearningSteps.STEPS_PER_OPERATION / QLearningSteps.MAX_EPISODE_LENGTH,
                "BURLAP finished " + finished + " episodes");

        QLearning bellman = QLearningSteps.bellmanLearner(QLearningSteps.SEED);
        assertEquals(QLearningSteps.STEPS_PER_OPERATION,
                bellman.train(GRID.gridWorld(), Budget.steps(QLearningSteps.STEPS_PER_OPERATION)).totalSteps());
    }

    /** The action of highest value, the first in BURLAP's order among ties. */
    private static QValue greedyAction(List<QValue> values) {
        QValue best = values.get(0);
        for (QValue value : values) {
            if (value.q > best.q) {
                best = value;
            }
        }
        return best;
    }

    private static int bellmanState(State burlapState) {
        GridAgent agent = ((GridWorldState) burlapState).agent;
        return (GRID.size() - 1 - agent.y) * GRID.size() + agent.x;
    }
}
