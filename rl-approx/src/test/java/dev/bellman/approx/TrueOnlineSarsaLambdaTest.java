package dev.bellman.approx;

import dev.bellman.approx.features.ActionFeatures;
import dev.bellman.approx.features.OneHotFeatures;
import dev.bellman.core.Budget;
import dev.bellman.core.Environment;
import dev.bellman.core.Step;
import dev.bellman.core.space.DiscreteSpace;
import dev.bellman.env.grid.GridWorld;
import dev.bellman.tabular.LearnerSettings;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * True online Sarsa(λ): semi-gradient Sarsa at λ = 0, and its argument checks. Its Mountain Car
 * result is in {@link MountainCarTileCodingTest}.
 */
class TrueOnlineSarsaLambdaTest {

    @Test
    void lambdaZeroIsSemiGradientSarsa() {
        GridWorld sarsaWorld = TabularControlFixture.world();
        GridWorld trueOnlineWorld = TabularControlFixture.world();
        LearnerSettings settings = TabularControlFixture.settings(9);
        SemiGradientSarsa<Integer> sarsa = new SemiGradientSarsa<>(settings, TabularControlFixture.oneHot(sarsaWorld));
        TrueOnlineSarsaLambda<Integer> trueOnline =
                new TrueOnlineSarsaLambda<>(settings, TabularControlFixture.oneHot(trueOnlineWorld), 0.0);
        for (int episode = 1; episode <= 40; episode++) {
            long sarsaLength = sarsa.train(sarsaWorld, Budget.episodes(1)).episodeLengths()[0];
            long trueOnlineLength = trueOnline.train(trueOnlineWorld, Budget.episodes(1)).episodeLengths()[0];
            assertEquals(sarsaLength, trueOnlineLength, "length of episode " + episode);
            // α(δ + Q − Q_old) − α(Q − Q_old) is αδ up to rounding; values are of order 100.
            assertArrayEquals(sarsa.weights(), trueOnline.weights(), 1e-9, "after episode " + episode);
        }
    }

    /**
     * A corridor of 5 cells walked once with a single action, reward 1 on the last step only, γ = 1:
     * every λ-return of the episode is the Monte Carlo return 1, so with λ = 1 true online Sarsa's
     * weights at the episode's end are those of the online λ-return algorithm (van Seijen et al.
     * 2016, Theorem 1), {@code α (1 − 0) = α} for every pair visited; one-step Sarsa moves only the
     * last one.
     */
    @Test
    void lambdaOneCreditsTheWholeEpisodeAsTheLambdaReturnAlgorithm() {
        double alpha = 0.1;
        LearnerSettings settings = LearnerSettings.builder().gamma(1.0).alpha(alpha).epsilon(0.0).seed(0).build();
        ActionFeatures<Integer> features = ActionFeatures.stack(new OneHotFeatures(Corridor.LENGTH + 1), 1);
        TrueOnlineSarsaLambda<Integer> trueOnline = new TrueOnlineSarsaLambda<>(settings, features, 1.0);
        SemiGradientSarsa<Integer> sarsa = new SemiGradientSarsa<>(settings, features);
        trueOnline.train(new Corridor(), Budget.episodes(1));
        sarsa.train(new Corridor(), Budget.episodes(1));
        assertArrayEquals(new double[] {alpha, alpha, alpha, alpha, alpha, 0}, trueOnline.weights(), 1e-15);
        assertArrayEquals(new double[] {0, 0, 0, 0, alpha, 0}, sarsa.weights(), 0.0);
    }

    /** Cells 0..5, one action that moves right, reward 1 for reaching cell 5, which is terminal. */
    private static final class Corridor implements Environment<Integer, Integer> {

        static final int LENGTH = 5;
        private int cell;

        @Override
        public DiscreteSpace observationSpace() {
            return new DiscreteSpace(LENGTH + 1);
        }

        @Override
        public DiscreteSpace actionSpace() {
            return new DiscreteSpace(1);
        }

        @Override
        public Integer reset(long seed) {
            return reset();
        }

        @Override
        public Integer reset() {
            cell = 0;
            return cell;
        }

        @Override
        public Step<Integer> step(Integer action) {
            cell++;
            return new Step<>(cell, cell == LENGTH ? 1.0 : 0.0, cell == LENGTH, false);
        }
    }

    @Test
    void rejectsLambdaOutsideZeroToOne() {
        ActionFeatures<Integer> features = ActionFeatures.stack(new OneHotFeatures(4), 2);
        LearnerSettings settings = LearnerSettings.builder().build();
        for (double lambda : new double[] {-0.1, 1.1, Double.NaN}) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> new TrueOnlineSarsaLambda<>(settings, features, lambda));
            assertTrue(error.getMessage().contains("lambda " + lambda) && error.getMessage().contains("[0, 1]"),
                    error.getMessage());
        }
        assertEquals(1.0, new TrueOnlineSarsaLambda<>(settings, features, 1.0).lambda());
    }

    @Test
    void rejectsMissingArgumentsAndAnotherNumberOfActions() {
        GridWorld world = TabularControlFixture.world();
        LearnerSettings settings = TabularControlFixture.settings(0);
        assertThrows(IllegalArgumentException.class, () -> new TrueOnlineSarsaLambda<Integer>(settings, null, 0.5));
        TrueOnlineSarsaLambda<Integer> learner = new TrueOnlineSarsaLambda<>(settings,
                ActionFeatures.stack(new OneHotFeatures(world.stateCount()), 5), 0.5);
        assertThrows(IllegalArgumentException.class, () -> learner.train(world, Budget.episodes(1)));
    }
}
