package dev.bellman.approx;

import dev.bellman.approx.features.Features;
import dev.bellman.approx.features.GridCoordinates;
import dev.bellman.approx.features.OneHotFeatures;
import dev.bellman.core.Budget;
import dev.bellman.core.Environment;
import dev.bellman.core.Step;
import dev.bellman.core.TabularPolicy;
import dev.bellman.core.Transition;
import dev.bellman.core.space.Space;
import dev.bellman.env.grid.GridWorld;
import dev.bellman.tabular.LearnerSettings;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** LSTD(0) against the TD fixed point in closed form. */
class LstdTest {

    /** Passes every transition through and remembers it. */
    private static final class Recorder implements Environment<Integer, Integer> {
        final GridWorld world;
        final List<int[]> transitions = new ArrayList<>();
        final List<Double> rewards = new ArrayList<>();
        private int state;

        Recorder(GridWorld world) {
            this.world = world;
        }

        @Override
        public Space<Integer> observationSpace() {
            return world.observationSpace();
        }

        @Override
        public Space<Integer> actionSpace() {
            return world.actionSpace();
        }

        @Override
        public Integer reset(long seed) {
            state = world.reset(seed);
            return state;
        }

        @Override
        public Integer reset() {
            state = world.reset();
            return state;
        }

        @Override
        public Step<Integer> step(Integer action) {
            Step<Integer> step = world.step(action);
            transitions.add(new int[] {state, step.observation()});
            rewards.add(step.reward());
            state = step.observation();
            return step;
        }

        @Override
        public void close() {
        }
    }

    /**
     * On the transitions it saw, LSTD's weights solve the sample TD fixed-point equation
     * {@code Σ_t φ(s_t) (r_t + γ φ(s'_t)ᵀw − φ(s_t)ᵀw) = 0}; the residual, computed here
     * independently from the recorded transitions, vanishes to rounding.
     */
    @Test
    void weightsZeroTheSampleTdUpdate() {
        GridWorld world = ZhaoGridFixture.world();
        Recorder recorder = new Recorder(world);
        Features<Integer> features = GridCoordinates.of(world).polynomial(2);
        LearnerSettings settings = LearnerSettings.builder().gamma(0.9).seed(2).maxEpisodeLength(200).build();
        Lstd<Integer, Integer> lstd = new Lstd<>(settings, features, ZhaoGridFixture.uniformPolicy(world), 0.0);
        lstd.train(recorder, Budget.episodes(20));
        double[] w = lstd.weights();
        int d = features.dimension();
        double[] residual = new double[d];
        double[] phi = new double[d];
        double[] phiNext = new double[d];
        double scale = 0;
        for (int t = 0; t < recorder.transitions.size(); t++) {
            features.write(recorder.transitions.get(t)[0], phi);
            features.write(recorder.transitions.get(t)[1], phiNext);
            double tdError = recorder.rewards.get(t) + 0.9 * dot(phiNext, w) - dot(phi, w);
            for (int i = 0; i < d; i++) {
                residual[i] += phi[i] * tdError;
            }
            scale += Math.abs(recorder.rewards.get(t));
        }
        assertEquals(4000, recorder.transitions.size());
        for (int i = 0; i < d; i++) {
            assertEquals(0.0, residual[i], 1e-9 * scale, "component " + i);
        }
    }

    /**
     * One long run of the uniform policy (6 million steps, no resets) visits states in proportion to
     * the stationary distribution μ, so LSTD approaches the model's TD fixed point
     * {@code w* = (Φᵀ D (I − γP) Φ)⁻¹ Φᵀ D r} with {@code D = diag(μ)}, computed here from the
     * grid's transition model. Largest gap in the values measured: 0.026 after 200 000 steps, 0.018
     * after 1 million, 0.0045 after 6 million — the sampling error shrinking as it should.
     */
    @Test
    void aLongRunApproachesTheModelsTdFixedPoint() {
        GridWorld world = ZhaoGridFixture.world();
        Features<Integer> features = GridCoordinates.of(world).polynomial(2);
        TabularPolicy policy = ZhaoGridFixture.uniformPolicy(world);
        LearnerSettings settings = LearnerSettings.builder().gamma(0.9).seed(4).build();
        Lstd<Integer, Integer> lstd = new Lstd<>(settings, features, policy, 0.0);
        lstd.train(world, Budget.steps(6_000_000));
        double[] expected = modelFixedPoint(world, policy, features, 0.9);
        LinearStateValues<Integer> estimate = lstd.stateValues();
        LinearStateValues<Integer> fixedPoint = new LinearStateValues<>(features, expected);
        double largestGap = 0;
        for (int s = 0; s < world.stateCount(); s++) {
            largestGap = Math.max(largestGap, Math.abs(fixedPoint.value(s) - estimate.value(s)));
        }
        assertTrue(largestGap < 0.01, "largest gap " + largestGap);
    }

    @Test
    void oneHotFeaturesGiveTheExactValuesInTheLimit() {
        GridWorld world = ZhaoGridFixture.world();
        double[] truth = ZhaoGridFixture.exactValues(world);
        LearnerSettings settings = LearnerSettings.builder().gamma(0.9).seed(6).build();
        Lstd<Integer, Integer> lstd = new Lstd<>(settings, new OneHotFeatures(world.stateCount()),
                ZhaoGridFixture.uniformPolicy(world), 0.0);
        lstd.train(world, Budget.steps(200_000));
        assertTrue(ZhaoGridFixture.rmse(lstd.stateValues(), truth) < 0.05,
                "RMSE " + ZhaoGridFixture.rmse(lstd.stateValues(), truth));
    }

    private static double[] modelFixedPoint(GridWorld world, TabularPolicy policy, Features<Integer> features, double gamma) {
        int n = world.stateCount();
        double[][] transition = new double[n][n];
        double[] reward = new double[n];
        for (int s = 0; s < n; s++) {
            for (int a = 0; a < world.actionCount(); a++) {
                double pi = policy.probability(s, a);
                for (Transition t : world.transitions(s, a)) {
                    transition[s][t.nextState()] += pi * t.probability();
                    reward[s] += pi * t.probability() * t.reward();
                }
            }
        }
        double[] mu = new double[n];
        java.util.Arrays.fill(mu, 1.0 / n);
        for (int iteration = 0; iteration < 10_000; iteration++) {
            double[] next = new double[n];
            for (int s = 0; s < n; s++) {
                for (int s2 = 0; s2 < n; s2++) {
                    next[s2] += mu[s] * transition[s][s2];
                }
            }
            mu = next;
        }
        int d = features.dimension();
        double[][] phi = new double[n][d];
        for (int s = 0; s < n; s++) {
            features.write(s, phi[s]);
        }
        double[][] a = new double[d][d];
        double[] b = new double[d];
        for (int s = 0; s < n; s++) {
            double[] expectedNext = new double[d];
            for (int s2 = 0; s2 < n; s2++) {
                for (int j = 0; j < d; j++) {
                    expectedNext[j] += transition[s][s2] * phi[s2][j];
                }
            }
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    a[i][j] += mu[s] * phi[s][i] * (phi[s][j] - gamma * expectedNext[j]);
                }
                b[i] += mu[s] * phi[s][i] * reward[s];
            }
        }
        return new LUDecomposition(new Array2DRowRealMatrix(a, false)).getSolver()
                .solve(new ArrayRealVector(b, false)).toArray();
    }

    private static double dot(double[] x, double[] y) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += x[i] * y[i];
        }
        return sum;
    }

    @Test
    void aSingularSystemIsReportedWithTheRemedy() {
        GridWorld world = ZhaoGridFixture.world();
        LearnerSettings settings = LearnerSettings.builder().gamma(0.9).seed(0).maxEpisodeLength(3).build();
        Lstd<Integer, Integer> lstd = new Lstd<>(settings, new OneHotFeatures(world.stateCount()),
                ZhaoGridFixture.uniformPolicy(world), 0.0);
        lstd.train(world, Budget.episodes(1));
        IllegalStateException error = assertThrows(IllegalStateException.class, lstd::weights);
        assertTrue(error.getMessage().contains("singular") && error.getMessage().contains("positive ridge"),
                error.getMessage());
        Lstd<Integer, Integer> ridged = new Lstd<>(settings, new OneHotFeatures(world.stateCount()),
                ZhaoGridFixture.uniformPolicy(world), 1e-3);
        ridged.train(world, Budget.episodes(1));
        assertEquals(world.stateCount(), ridged.weights().length);
        assertThrows(IllegalArgumentException.class, () -> new Lstd<>(settings, new OneHotFeatures(25),
                ZhaoGridFixture.uniformPolicy(world), -1.0));
        assertArrayEquals(new double[25], new Lstd<>(settings, new OneHotFeatures(25),
                ZhaoGridFixture.uniformPolicy(world), 0.0).weights(), 0.0);
    }
}
