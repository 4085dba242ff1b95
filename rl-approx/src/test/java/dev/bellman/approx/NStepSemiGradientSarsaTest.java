package dev.bellman.approx;

import dev.bellman.approx.features.ActionFeatures;
import dev.bellman.approx.features.OneHotFeatures;
import dev.bellman.approx.features.SparseActionFeatures;
import dev.bellman.core.Budget;
import dev.bellman.env.classic.MountainCar;
import dev.bellman.env.grid.GridWorld;
import dev.bellman.tabular.LearnerSettings;
import dev.bellman.tabular.td.NStepSarsa;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Semi-gradient n-step Sarsa: one-step Sarsa at n = 1, tabular n-step Sarsa as its one-hot case. */
class NStepSemiGradientSarsaTest {

    @Test
    void oneStepEqualsSemiGradientSarsaStepForStepOnTileCodedMountainCar() {
        LearnerSettings settings = LearnerSettings.builder().gamma(1.0).alpha(0.5 / 8).epsilon(0.1).seed(4)
                .maxEpisodeLength(2_000).build();
        SemiGradientSarsa<double[]> sarsa = new SemiGradientSarsa<>(settings, MountainCarTileCodingTest.tileCoding());
        NStepSemiGradientSarsa<double[]> nStep =
                new NStepSemiGradientSarsa<>(settings, MountainCarTileCodingTest.tileCoding(), 1);
        MountainCar sarsaCar = new MountainCar();
        MountainCar nStepCar = new MountainCar();
        for (int episode = 1; episode <= 5; episode++) {
            long sarsaLength = sarsa.train(sarsaCar, Budget.episodes(1)).episodeLengths()[0];
            long nStepLength = nStep.train(nStepCar, Budget.episodes(1)).episodeLengths()[0];
            assertEquals(sarsaLength, nStepLength, "length of episode " + episode);
            assertArrayEquals(sarsa.weights(), nStep.weights(), 0.0, "after episode " + episode);
        }
    }

    @Test
    void oneStepEqualsSemiGradientSarsaStepForStepOnTheCliffWalk() {
        GridWorld sarsaWorld = TabularControlFixture.world();
        GridWorld nStepWorld = TabularControlFixture.world();
        LearnerSettings settings = TabularControlFixture.settings(8);
        SemiGradientSarsa<Integer> sarsa = new SemiGradientSarsa<>(settings, TabularControlFixture.oneHot(sarsaWorld));
        NStepSemiGradientSarsa<Integer> nStep =
                new NStepSemiGradientSarsa<>(settings, TabularControlFixture.oneHot(nStepWorld), 1);
        for (int episode = 1; episode <= 40; episode++) {
            sarsa.train(sarsaWorld, Budget.episodes(1));
            nStep.train(nStepWorld, Budget.episodes(1));
            assertArrayEquals(sarsa.weights(), nStep.weights(), 0.0, "after episode " + episode);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 4, 100})
    void oneHotFeaturesReproduceTabularNStepSarsa(int n) {
        LearnerSettings settings = TabularControlFixture.settings(21);
        TabularControlFixture.assertSameAsTabular(new NStepSarsa(settings, n),
                new NStepSemiGradientSarsa<>(settings, TabularControlFixture.oneHot(TabularControlFixture.world()), n), 40);
    }

    @Test
    void rejectsNBelowOne() {
        SparseActionFeatures<Integer> features = SparseActionFeatures.stack(new OneHotFeatures(4), 2);
        LearnerSettings settings = LearnerSettings.builder().build();
        for (int n : new int[] {0, -3}) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> new NStepSemiGradientSarsa<>(settings, features, n));
            assertTrue(error.getMessage().contains("n " + n) && error.getMessage().contains("at least 1"),
                    error.getMessage());
        }
        assertEquals(3, new NStepSemiGradientSarsa<>(settings, features, 3).n());
    }

    @Test
    void rejectsMissingArgumentsAndAnotherNumberOfActions() {
        GridWorld world = TabularControlFixture.world();
        LearnerSettings settings = TabularControlFixture.settings(0);
        assertThrows(IllegalArgumentException.class, () -> new NStepSemiGradientSarsa<Integer>(settings, null, 2));
        NStepSemiGradientSarsa<Integer> learner = new NStepSemiGradientSarsa<>(settings,
                ActionFeatures.stack(new OneHotFeatures(world.stateCount()), 3), 2);
        assertThrows(IllegalArgumentException.class, () -> learner.train(world, Budget.episodes(1)));
    }
}
