package dev.bellman.approx;

import dev.bellman.approx.features.ActionFeatures;
import dev.bellman.approx.features.OneHotFeatures;
import dev.bellman.core.Budget;
import dev.bellman.core.TrainingListener;
import dev.bellman.core.schedule.Schedules;
import dev.bellman.env.grid.GridWorld;
import dev.bellman.tabular.LearnerSettings;
import dev.bellman.tabular.td.Sarsa;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Semi-gradient Sarsa: tabular Sarsa as its one-hot case, and its argument checks. */
class SemiGradientSarsaTest {

    @Test
    void oneHotFeaturesReproduceTabularSarsaStepForStep() {
        LearnerSettings settings = TabularControlFixture.settings(5);
        long truncated = TabularControlFixture.assertSameAsTabular(new Sarsa(settings),
                new SemiGradientSarsa<>(settings, TabularControlFixture.oneHot(TabularControlFixture.world())), 40);
        assertTrue(truncated > 0 && truncated < 40, "the runs should mix truncated and terminated episodes: "
                + truncated + " of 40 truncated");
    }

    @Test
    void reportsTheEpisodesRootMeanSquareTdError() {
        GridWorld world = TabularControlFixture.world();
        SemiGradientSarsa<Integer> sarsa = new SemiGradientSarsa<>(TabularControlFixture.settings(1),
                TabularControlFixture.oneHot(world));
        List<Double> errors = new ArrayList<>();
        sarsa.addListener(new TrainingListener() {
            @Override
            public void onUpdate(long totalSteps, Map<String, Double> metrics) {
                errors.add(metrics.get(LinearControlLearner.METRIC_ERROR));
            }
        });
        sarsa.train(world, Budget.episodes(3));
        assertEquals(3, errors.size());
        assertFalse(errors.contains(null));
    }

    @Test
    void rejectsMissingArguments() {
        GridWorld world = TabularControlFixture.world();
        ActionFeatures<Integer> features = TabularControlFixture.oneHot(world);
        LearnerSettings settings = TabularControlFixture.settings(0);
        assertThrows(IllegalArgumentException.class, () -> new SemiGradientSarsa<>(null, features));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> new SemiGradientSarsa<Integer>(settings, null));
        assertTrue(missing.getMessage().contains("features"), missing.getMessage());
    }

    @Test
    void rejectsAnEnvironmentWithAnotherNumberOfActions() {
        GridWorld world = TabularControlFixture.world();
        SemiGradientSarsa<Integer> sarsa = new SemiGradientSarsa<>(TabularControlFixture.settings(0),
                ActionFeatures.stack(new OneHotFeatures(world.stateCount()), world.actionCount() + 1));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> sarsa.train(world, Budget.episodes(1)));
        assertTrue(error.getMessage().contains("Discrete(" + (world.actionCount() + 1) + ")"), error.getMessage());
    }

    @Test
    void aStepSizeOutsideZeroToOneIsRejected() {
        // A constant α ≤ 0 is rejected when the settings are built...
        assertThrows(IllegalArgumentException.class, () -> LearnerSettings.builder().alpha(0.0));
        assertThrows(IllegalArgumentException.class, () -> LearnerSettings.builder().alpha(-0.1));
        // ...and a schedule that reaches 0 at its first use.
        GridWorld world = TabularControlFixture.world();
        LearnerSettings zeroSchedule = TabularControlFixture.settings(0).toBuilder().alpha(Schedules.constant(0.0)).build();
        SemiGradientSarsa<Integer> sarsa = new SemiGradientSarsa<>(zeroSchedule, TabularControlFixture.oneHot(world));
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> sarsa.train(world, Budget.episodes(1)));
        assertTrue(error.getMessage().contains("alpha"), error.getMessage());
    }
}
