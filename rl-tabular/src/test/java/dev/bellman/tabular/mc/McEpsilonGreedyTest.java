package dev.bellman.tabular.mc;

import dev.bellman.core.Budget;
import dev.bellman.core.TabularPolicy;
import dev.bellman.core.TrainingReport;
import dev.bellman.core.schedule.Schedules;
import dev.bellman.env.grid.GridWorld;
import dev.bellman.env.grid.GridWorldPreset;
import dev.bellman.tabular.LearnerSettings;
import dev.bellman.tabular.dp.PlanningResult;
import dev.bellman.tabular.dp.PolicyEvaluation;
import dev.bellman.tabular.dp.ValueIteration;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** On-policy Monte Carlo control with epsilon-greedy policies. */
class McEpsilonGreedyTest {

    private static final GridWorld ZHAO = GridWorldPreset.ZHAO_5X5.build();
    private static final PolicyEvaluation EXACT = new PolicyEvaluation(0.9, 1e-12, PolicyEvaluation.Method.EXACT);

    @Test
    void epsilonPointOneIsConsistentWithTheOptimalGreedyPolicyOfZhaosWorld() {
        // Zhao Sec. 5.4 (Fig. 5.7): the optimal epsilon-greedy policy is "consistent" with an optimal greedy
        // policy for small epsilon only. Checked on the model by policy iteration over epsilon-greedy
        // policies: at epsilon = 0.1 the greedy part is optimal; at 0.2 it avoids the forbidden cells
        // from (0,1) and (0,2), which the optimal policy crosses. This is why the learning test uses 0.1.
        double[] optimal = new ValueIteration(0.9, 1e-12).solve(ZHAO).stateValues().toArray();
        assertArrayEquals(optimal, EXACT.evaluate(ZHAO, greedyPartOfOptimalEpsilonGreedy(0.1)).stateValues().toArray(), 1e-9);
        double[] atPointTwo = EXACT.evaluate(ZHAO, greedyPartOfOptimalEpsilonGreedy(0.2)).stateValues().toArray();
        assertTrue(atPointTwo[1] < optimal[1] - 0.1 && atPointTwo[2] < optimal[2] - 0.1, Arrays.toString(atPointTwo));
    }

    @Test
    void findsAnOptimalPolicyOfZhaosGridWorld() {
        // Zhao Algorithm 5.3 (first-visit here, Sutton & Barto's form) on the 5x5 world (r_forbidden = -1,
        // gamma = 0.9): the greedy policy's exact value equals value iteration's v* (Zhao Fig. 3.4(a)).
        // Settings: epsilon = 0.1 (consistent, see above); alpha = 1/n^0.7 per pair; episodes of 50 steps
        // from the world's own uniformly random start. Budget: 800 000 episodes = 40 million steps (about
        // 1.3 s). Why so many: at epsilon = 0.1 the action values of (0,1) and (4,0) lead their runners-up
        // by only 0.084 and 0.090, and the runner-up is tried in 2% of the visits. With 30 million steps
        // 31 of 32 seeds succeeded, with 40 million 32 of 32; episodes of 100 steps need about twice the
        // steps, since most of their steps are spent at the target.
        LearnerSettings settings = LearnerSettings.builder().gamma(0.9).alpha(Schedules.polynomial(1, 0.7)).epsilon(0.1)
                .seed(17).maxEpisodeLength(50).build();
        McEpsilonGreedy learner = new McEpsilonGreedy(settings, Visits.FIRST);
        TrainingReport report = learner.train(ZHAO, Budget.episodes(800_000));
        assertEquals(40_000_000, report.totalSteps());

        double[] optimal = new ValueIteration(0.9, 1e-12).solve(ZHAO).stateValues().toArray();
        double[] greedyValues = EXACT.evaluate(ZHAO, learner.policy()).stateValues().toArray();
        assertArrayEquals(optimal, greedyValues, 1e-6);
    }

    @Test
    void sameSeedGivesTheSameRunAndAnotherSeedDoesNot() {
        LearnerSettings settings = LearnerSettings.builder().gamma(0.9).alpha(Schedules.harmonic()).epsilon(0.2)
                .seed(21).maxEpisodeLength(40).build();
        McEpsilonGreedy first = new McEpsilonGreedy(settings, Visits.EVERY);
        McEpsilonGreedy again = new McEpsilonGreedy(settings, Visits.EVERY);
        McEpsilonGreedy other = new McEpsilonGreedy(settings.toBuilder().seed(22).build(), Visits.EVERY);
        TrainingReport a = first.train(ZHAO, Budget.steps(10_000));
        TrainingReport b = again.train(GridWorldPreset.ZHAO_5X5.build(), Budget.steps(10_000));
        TrainingReport c = other.train(ZHAO, Budget.steps(10_000));
        assertArrayEquals(a.episodeReturns(), b.episodeReturns(), 0.0);
        assertArrayEquals(a.episodeLengths(), b.episodeLengths());
        assertEquals(250, a.episodeCount());
        assertArrayEquals(first.actionValues().toArray(), again.actionValues().toArray(), 0.0);
        assertFalse(Arrays.equals(a.episodeReturns(), c.episodeReturns()));
        assertFalse(Arrays.equals(first.actionValues().toArray(), other.actionValues().toArray()));
    }

    @Test
    void badInputIsRejectedWithTheValueNamed() {
        LearnerSettings settings = LearnerSettings.builder().maxEpisodeLength(10).build();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new McEpsilonGreedy(settings, null))
                .getMessage().contains("visits must not be null"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new McEpsilonGreedy(null, Visits.FIRST))
                .getMessage().contains("settings must not be null"));
        String continuous = assertThrows(IllegalArgumentException.class,
                () -> new McEpsilonGreedy(settings, Visits.FIRST).train(TestEnvironments.continuousObservations(),
                        Budget.episodes(1))).getMessage();
        assertTrue(continuous.contains("discrete observation space"), continuous);
        LearnerSettings badEpsilon = settings.toBuilder().epsilon(Schedules.constant(1.5)).build();
        String epsilon = assertThrows(IllegalStateException.class,
                () -> new McEpsilonGreedy(badEpsilon, Visits.FIRST).train(ZHAO, Budget.episodes(1))).getMessage();
        assertTrue(epsilon.contains("epsilon = 1.5"), epsilon);
    }

    /** Policy iteration over epsilon-greedy policies on the model, from the uniform policy; its greedy part. */
    private static TabularPolicy greedyPartOfOptimalEpsilonGreedy(double epsilon) {
        TabularPolicy policy = TabularPolicy.uniform(ZHAO.stateCount(), ZHAO.actionCount());
        for (int iteration = 0; iteration < 100; iteration++) {
            PlanningResult evaluated = EXACT.evaluate(ZHAO, policy);
            TabularPolicy improved = TabularPolicy.epsilonGreedy(evaluated.actionValues(), epsilon);
            if (Arrays.equals(improved.toArray(), policy.toArray())) {
                return TabularPolicy.greedy(evaluated.actionValues());
            }
            policy = improved;
        }
        throw new AssertionError("epsilon-greedy policy iteration did not settle");
    }
}
