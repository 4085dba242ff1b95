package dev.bellman.approx;

import dev.bellman.approx.features.ActionFeatures;
import dev.bellman.approx.features.OneHotFeatures;
import dev.bellman.core.Budget;
import dev.bellman.core.Policy;
import dev.bellman.core.Step;
import dev.bellman.env.grid.GridWorld;
import dev.bellman.tabular.LearnerSettings;
import dev.bellman.tabular.td.QLearning;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Linear Q-learning: tabular Q-learning as its one-hot case, and its argument checks. */
class LinearQLearningTest {

    @Test
    void oneHotFeaturesReproduceTabularQLearningStepForStep() {
        LearnerSettings settings = TabularControlFixture.settings(11);
        long truncated = TabularControlFixture.assertSameAsTabular(new QLearning(settings),
                new LinearQLearning<>(settings, TabularControlFixture.oneHot(TabularControlFixture.world())), 40);
        assertTrue(truncated > 0 && truncated < 40, "the runs should mix truncated and terminated episodes: "
                + truncated + " of 40 truncated");
    }

    @Test
    void greedyPolicyOfTheLearnedValuesWalksTheCliffEdge() {
        // Sutton & Barto Example 6.6: Q-learning's greedy policy takes the 13-step path along the cliff.
        GridWorld world = TabularControlFixture.world();
        LearnerSettings settings = TabularControlFixture.settings(2).toBuilder().maxEpisodeLength(0).build();
        LinearQLearning<Integer> learner = new LinearQLearning<>(settings, TabularControlFixture.oneHot(world));
        learner.train(world, Budget.episodes(300));
        Policy<Integer, Integer> policy = learner.policy();
        SplittableRandom ties = new SplittableRandom(0);
        int state = world.reset(0);
        double episodeReturn = 0;
        for (int step = 0; step < 100; step++) {
            Step<Integer> next = world.step(policy.act(state, ties));
            episodeReturn += next.reward();
            state = next.observation();
            if (next.terminated()) {
                break;
            }
        }
        assertEquals(-13.0, episodeReturn, 0.0);
    }

    @Test
    void rejectsMissingArgumentsAndAnotherNumberOfActions() {
        GridWorld world = TabularControlFixture.world();
        LearnerSettings settings = TabularControlFixture.settings(0);
        assertThrows(IllegalArgumentException.class, () -> new LinearQLearning<Integer>(settings, null));
        assertThrows(IllegalArgumentException.class,
                () -> new LinearQLearning<>(null, TabularControlFixture.oneHot(world)));
        LinearQLearning<Integer> learner = new LinearQLearning<>(settings,
                ActionFeatures.stack(new OneHotFeatures(world.stateCount()), 2));
        assertThrows(IllegalArgumentException.class, () -> learner.train(world, Budget.episodes(1)));
    }
}
