package dev.bellman.tabular.td;

import dev.bellman.core.Budget;
import dev.bellman.core.TabularPolicy;
import dev.bellman.core.TrainingReport;
import dev.bellman.env.grid.GridWorld;
import dev.bellman.env.grid.GridWorldPreset;
import dev.bellman.tabular.LearnerSettings;
import dev.bellman.tabular.dp.PolicyEvaluation;
import dev.bellman.tabular.dp.ValueIteration;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Q-learning on Zhao's 5x5 world. */
class QLearningTest {

    private static final GridWorld ZHAO = GridWorldPreset.ZHAO_5X5.build();

    @Test
    void offPolicyFromAUniformBehaviourPolicyRecoversTheOptimalValues() {
        // Zhao Fig. 7.4: a uniform behaviour policy explores, Q-learning learns q*; its greedy policy is optimal.
        // Budget: 2000 episodes of 100 steps from random starts; constant alpha 0.1 (deterministic world).
        LearnerSettings settings = LearnerSettings.builder().gamma(0.9).alpha(0.1).seed(7).maxEpisodeLength(100).build();
        QLearning learner = QLearning.offPolicy(settings, TabularPolicy.uniform(25, 5));
        learner.train(ZHAO, Budget.episodes(2000));

        double[] optimal = new ValueIteration(0.9, 1e-12).solve(ZHAO).stateValues().toArray();
        assertArrayEquals(optimal, learner.stateValues().toArray(), 1e-2);
        double[] greedyValues = new PolicyEvaluation(0.9, 1e-12, PolicyEvaluation.Method.EXACT)
                .evaluate(ZHAO, learner.policy()).stateValues().toArray();
        assertArrayEquals(optimal, greedyValues, 1e-9, "the greedy policy of the learned values is optimal");
    }

    @Test
    void onPolicyEpsilonGreedyFindsAnOptimalPolicy() {
        // Budget: 20000 episodes of 20 steps from random starts, epsilon 0.5. In this continuing world a
        // long episode spends its steps at the target, so short episodes and wide exploration are what
        // reach every pair often enough (with 100-step episodes and epsilon 0.2, 5000 episodes leave
        // (0,1)-RIGHT under-learned and the greedy policy takes the forbidden detour).
        LearnerSettings settings = LearnerSettings.builder().gamma(0.9).alpha(0.1).epsilon(0.5).seed(3).maxEpisodeLength(20).build();
        QLearning learner = new QLearning(settings);
        learner.train(ZHAO, Budget.episodes(20000));
        double[] optimal = new ValueIteration(0.9, 1e-12).solve(ZHAO).stateValues().toArray();
        double[] greedyValues = new PolicyEvaluation(0.9, 1e-12, PolicyEvaluation.Method.EXACT)
                .evaluate(ZHAO, learner.policy()).stateValues().toArray();
        assertArrayEquals(optimal, greedyValues, 1e-9);
    }

    @Test
    void sameSeedGivesTheSameRunAndAnotherSeedDoesNot() {
        LearnerSettings settings = LearnerSettings.builder().alpha(0.1).epsilon(0.1).seed(11).maxEpisodeLength(50).build();
        TrainingReport first = new QLearning(settings).train(ZHAO, Budget.steps(5000));
        TrainingReport again = new QLearning(settings).train(GridWorldPreset.ZHAO_5X5.build(), Budget.steps(5000));
        TrainingReport other = new QLearning(settings.toBuilder().seed(12).build()).train(ZHAO, Budget.steps(5000));
        assertArrayEquals(first.episodeReturns(), again.episodeReturns(), 0.0);
        assertArrayEquals(first.episodeLengths(), again.episodeLengths());
        assertEquals(5000, first.totalSteps());
        assertFalse(java.util.Arrays.equals(first.episodeReturns(), other.episodeReturns()));
    }
}
