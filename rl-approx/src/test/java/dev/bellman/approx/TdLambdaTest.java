package dev.bellman.approx;

import dev.bellman.approx.features.OneHotFeatures;
import dev.bellman.core.Budget;
import dev.bellman.core.TabularPolicy;
import dev.bellman.env.grid.GridWorld;
import dev.bellman.env.toytext.RandomWalk;
import dev.bellman.tabular.LearnerSettings;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Semi-gradient TD(λ) and true online TD(λ) (Sutton &amp; Barto §12.2, §12.5). */
class TdLambdaTest {

    private static LearnerSettings settings(double alpha, long seed) {
        return LearnerSettings.builder().gamma(0.9).alpha(alpha).seed(seed).maxEpisodeLength(60).build();
    }

    @Test
    void lambdaZeroIsSemiGradientTdZero() {
        GridWorld world = ZhaoGridFixture.world();
        TabularPolicy policy = ZhaoGridFixture.uniformPolicy(world);
        OneHotFeatures features = new OneHotFeatures(world.stateCount());
        SemiGradientTdZero<Integer, Integer> tdZero = new SemiGradientTdZero<>(settings(0.1, 5), features, policy);
        SemiGradientTdLambda<Integer, Integer> tdLambda = new SemiGradientTdLambda<>(settings(0.1, 5), features, policy, 0.0);
        TrueOnlineTdLambda<Integer, Integer> trueOnline = new TrueOnlineTdLambda<>(settings(0.1, 5), features, policy, 0.0);
        GridWorld first = ZhaoGridFixture.world();
        GridWorld second = ZhaoGridFixture.world();
        GridWorld third = ZhaoGridFixture.world();
        for (int episode = 1; episode <= 20; episode++) {
            tdZero.train(first, Budget.episodes(1));
            tdLambda.train(second, Budget.episodes(1));
            trueOnline.train(third, Budget.episodes(1));
            assertArrayEquals(tdZero.weights(), tdLambda.weights(), 0.0, "TD(0) and TD(λ = 0), episode " + episode);
            // The true online update computes α(δ + V − V_old)x − α(V − V_old)x: αδx up to rounding.
            assertArrayEquals(tdZero.weights(), trueOnline.weights(), 1e-12, "true online TD(λ = 0), episode " + episode);
        }
    }

    /**
     * The 19-state random walk of Figures 12.3 and 12.8 (one-hot features, γ = 1, weights from 0):
     * the root-mean-square error over the 19 states, averaged over the first 10 episodes and 100
     * runs. Tabular TD(0) at its best α stays near 0.35 (Fig. 7.2, tested in rl-tabular); with
     * λ = 0.8 both methods do much better, as the figures show (their best is about 0.26–0.3 at
     * α ≈ 0.3–0.4). Measured at α = 0.3: TD(λ) 0.262, true online TD(λ) 0.265.
     */
    @Test
    void lambdaPointEightBeatsTdZeroOnTheNineteenStateWalk() {
        RandomWalk walk = RandomWalk.nineteenStates();
        double[] truth = walk.trueValues();
        double accumulating = 0;
        double trueOnline = 0;
        int runs = 100;
        for (int run = 0; run < runs; run++) {
            LearnerSettings settings = LearnerSettings.builder().gamma(1.0).alpha(0.3).seed(run).build();
            TabularPolicy policy = TabularPolicy.uniform(walk.stateCount(), 1);
            OneHotFeatures features = new OneHotFeatures(walk.stateCount());
            SemiGradientTdLambda<Integer, Integer> a = new SemiGradientTdLambda<>(settings, features, policy, 0.8);
            TrueOnlineTdLambda<Integer, Integer> b = new TrueOnlineTdLambda<>(settings, features, policy, 0.8);
            RandomWalk walkA = RandomWalk.nineteenStates();
            RandomWalk walkB = RandomWalk.nineteenStates();
            for (int episode = 0; episode < 10; episode++) {
                a.train(walkA, Budget.episodes(1));
                b.train(walkB, Budget.episodes(1));
                accumulating += rms(a.weights(), truth) / (10.0 * runs);
                trueOnline += rms(b.weights(), truth) / (10.0 * runs);
            }
        }
        assertTrue(accumulating > 0.2 && accumulating < 0.32, "TD(λ) average RMS " + accumulating);
        assertTrue(trueOnline > 0.2 && trueOnline < 0.32, "true online TD(λ) average RMS " + trueOnline);
    }

    private static double rms(double[] values, double[] truth) {
        double sum = 0;
        for (int s = 1; s <= 19; s++) {
            double difference = values[s] - truth[s];
            sum += difference * difference;
        }
        return Math.sqrt(sum / 19);
    }

    @Test
    void rejectsLambdaOutsideZeroToOne() {
        GridWorld world = ZhaoGridFixture.world();
        TabularPolicy policy = ZhaoGridFixture.uniformPolicy(world);
        OneHotFeatures features = new OneHotFeatures(world.stateCount());
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new SemiGradientTdLambda<>(settings(0.1, 0), features, policy, 1.5));
        assertTrue(error.getMessage().contains("lambda 1.5 is outside [0, 1]"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TrueOnlineTdLambda<>(settings(0.1, 0), features, policy, -0.1));
        assertThrows(IllegalArgumentException.class, () -> new TrueOnlineTdLambda<>(settings(0.1, 0), features, policy, Double.NaN));
    }
}
