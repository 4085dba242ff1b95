package dev.bellman.tabular.td;

import dev.bellman.core.Budget;
import dev.bellman.core.TabularPolicy;
import dev.bellman.env.grid.GridWorld;
import dev.bellman.env.grid.GridWorldPreset;
import dev.bellman.env.toytext.RandomWalk;
import dev.bellman.tabular.LearnerSettings;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** TD(lambda) and Sarsa(lambda) with both kinds of traces (Sutton &amp; Barto Ch. 12). */
class EligibilityTracesTest {

    private static double averageRms(double lambda, Traces traces, double alpha) {
        RandomWalk walk = RandomWalk.nineteenStates();
        double[] truth = walk.trueValues();
        double total = 0;
        for (int run = 0; run < 50; run++) {
            TdLambda td = new TdLambda(LearnerSettings.builder().gamma(1).alpha(alpha).seed(run).build(),
                    TabularPolicy.uniform(walk.stateCount(), 1), lambda, traces);
            for (int episode = 0; episode < 10; episode++) {
                td.train(walk, Budget.episodes(1));
                double[] v = td.stateValues().toArray();
                double sum = 0;
                for (int s = 1; s <= 19; s++) {
                    sum += (v[s] - truth[s]) * (v[s] - truth[s]);
                }
                total += Math.sqrt(sum / 19);
            }
        }
        return total / 500;
    }

    @Test
    void lambdaZeroIsTdZeroStepForStep() {
        RandomWalk walk = RandomWalk.nineteenStates();
        LearnerSettings settings = LearnerSettings.builder().gamma(1).alpha(0.3).seed(8).build();
        TdLambda traces = new TdLambda(settings, TabularPolicy.uniform(walk.stateCount(), 1), 0, Traces.ACCUMULATING);
        TdZero plain = new TdZero(settings, TabularPolicy.uniform(walk.stateCount(), 1));
        traces.train(walk, Budget.episodes(30));
        plain.train(RandomWalk.nineteenStates(), Budget.episodes(30));
        assertArrayEquals(plain.stateValues().toArray(), traces.stateValues().toArray(), 1e-12);
    }

    @Test
    void intermediateLambdaBeatsTdZeroOnTheNineteenStateWalk() {
        // Fig. 12.3 (offline/online lambda-return and TD(lambda)): over the first 10 episodes, lambda = 0.8
        // at alpha 0.2 errs less than lambda = 0 at its own good alpha 0.4, for both kinds of traces.
        double tdZero = averageRms(0, Traces.ACCUMULATING, 0.4);
        double accumulating = averageRms(0.8, Traces.ACCUMULATING, 0.2);
        double replacing = averageRms(0.8, Traces.REPLACING, 0.2);
        assertTrue(accumulating < tdZero - 0.03, "accumulating " + accumulating + " vs TD(0) " + tdZero);
        assertTrue(replacing < tdZero - 0.03, "replacing " + replacing + " vs TD(0) " + tdZero);
    }

    @Test
    void sarsaLambdaWithAccumulatingTracesCrossesTheWind() {
        GridWorld windy = GridWorldPreset.WINDY_GRIDWORLD.build();
        SarsaLambda learner = new SarsaLambda(LearnerSettings.builder().gamma(1).alpha(0.1).epsilon(0.1).seed(3).build(),
                0.5, Traces.ACCUMULATING);
        learner.train(windy, Budget.episodes(1000));
        int state = windy.reset(1);
        int moves = 0;
        boolean done = false;
        while (!done && moves < 100) {
            var step = windy.step(learner.policy().mostProbableAction(state));
            state = step.observation();
            done = step.terminated();
            moves++;
        }
        assertTrue(done, "the greedy policy reaches the goal");
        assertTrue(moves <= 17, "greedy path of " + moves + " moves (optimum 15)");
        assertEquals(0.0, learner.stateValues().value(windy.state(3, 7)), 0.0, "the goal is terminal");
    }
}
