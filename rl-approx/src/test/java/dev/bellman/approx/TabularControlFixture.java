package dev.bellman.approx;

import dev.bellman.approx.features.ActionFeatures;
import dev.bellman.approx.features.OneHotFeatures;
import dev.bellman.core.Budget;
import dev.bellman.env.grid.GridWorld;
import dev.bellman.env.grid.GridWorldPreset;
import dev.bellman.tabular.LearnerSettings;
import dev.bellman.tabular.TabularControlLearner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The setting in which a linear control method with one-hot state-action features must equal its
 * tabular counterpart: Sutton &amp; Barto's cliff walk (Example 6.6, γ = 1), a constant α, ε = 0.1,
 * and episodes cut at 60 steps so that the runs mix terminations (reaching the goal) and
 * truncations (bootstrapping from the last state).
 */
final class TabularControlFixture {

    static final long EPISODE_LIMIT = 60;

    private TabularControlFixture() {
    }

    static GridWorld world() {
        return GridWorldPreset.CLIFF_WALKING.build();
    }

    static LearnerSettings settings(long seed) {
        return LearnerSettings.builder().gamma(1.0).alpha(0.5).epsilon(0.1).seed(seed)
                .maxEpisodeLength(EPISODE_LIMIT).build();
    }

    /** One-hot features stacked per action: x(s, a) is the unit vector at {@code a · stateCount + s}. */
    static ActionFeatures<Integer> oneHot(GridWorld world) {
        return ActionFeatures.stack(new OneHotFeatures(world.stateCount()), world.actionCount());
    }

    /**
     * Reorders stacked weights (block per action, {@code a · stateCount + s}) into the tabular
     * learners' layout (row per state, {@code s · actionCount + a}).
     */
    static double[] tabularLayout(double[] stacked, int stateCount, int actionCount) {
        double[] q = new double[stateCount * actionCount];
        for (int s = 0; s < stateCount; s++) {
            for (int a = 0; a < actionCount; a++) {
                q[s * actionCount + a] = stacked[a * stateCount + s];
            }
        }
        return q;
    }

    /**
     * Trains both learners one episode at a time on their own copies of {@link #world()} and
     * asserts after each of {@code episodes} episodes that the lengths agree and the linear
     * weights equal the tabular action values exactly.
     *
     * @return how many of the episodes hit {@link #EPISODE_LIMIT}
     */
    static long assertSameAsTabular(TabularControlLearner tabular, LinearControlLearner<Integer> linear, int episodes) {
        GridWorld tabularWorld = world();
        GridWorld linearWorld = world();
        int states = linearWorld.stateCount();
        int actions = linearWorld.actionCount();
        long truncated = 0;
        for (int episode = 1; episode <= episodes; episode++) {
            long tabularLength = tabular.train(tabularWorld, Budget.episodes(1)).episodeLengths()[0];
            long linearLength = linear.train(linearWorld, Budget.episodes(1)).episodeLengths()[0];
            assertEquals(tabularLength, linearLength, "length of episode " + episode);
            // Exact: with one-hot features every dot product and update is the tabular arithmetic.
            assertArrayEquals(tabular.actionValues().toArray(), tabularLayout(linear.weights(), states, actions), 0.0,
                    "after episode " + episode);
            truncated += linearLength == EPISODE_LIMIT ? 1 : 0;
        }
        return truncated;
    }
}
