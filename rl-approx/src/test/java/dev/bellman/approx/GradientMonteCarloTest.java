package dev.bellman.approx;

import dev.bellman.approx.features.Features;
import dev.bellman.approx.features.StateAggregation;
import dev.bellman.core.Budget;
import dev.bellman.core.TabularPolicy;
import dev.bellman.core.Transition;
import dev.bellman.env.toytext.RandomWalk;
import dev.bellman.tabular.LearnerSettings;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Gradient Monte Carlo on Sutton &amp; Barto's 1000-state random walk (Example 9.1, Figure 9.1). */
class GradientMonteCarloTest {

    /** States 1..1000 of the walk in 10 groups of 100 (terminals 0 and 1001 never need features). */
    static Features<Integer> walkAggregation(RandomWalk walk, int groups) {
        StateAggregation aggregation = new StateAggregation(walk.nonTerminalStates(), groups);
        return new Features<>() {
            @Override
            public int dimension() {
                return aggregation.dimension();
            }

            @Override
            public void write(Integer state, double[] out) {
                aggregation.write(state - 1, out);
            }
        };
    }

    /**
     * The on-policy distribution μ of Sutton &amp; Barto §9.2: expected visits per episode
     * {@code η = h + Pᵀη} over the non-terminal states, normalised.
     */
    static double[] onPolicyDistribution(RandomWalk walk) {
        int n = walk.nonTerminalStates();
        double[][] system = new double[n][n];
        double[] start = new double[n];
        for (int i = 0; i < n; i++) {
            system[i][i] = 1.0;
        }
        for (int s = 1; s <= n; s++) {
            for (Transition t : walk.transitions(s, 0)) {
                if (!walk.isTerminal(t.nextState())) {
                    system[t.nextState() - 1][s - 1] -= t.probability();
                }
            }
        }
        start[walk.startState() - 1] = 1.0;
        double[] visits = new LUDecomposition(new Array2DRowRealMatrix(system, false)).getSolver()
                .solve(new ArrayRealVector(start, false)).toArray();
        double total = 0;
        for (double v : visits) {
            total += v;
        }
        for (int i = 0; i < n; i++) {
            visits[i] /= total;
        }
        return visits;
    }

    /**
     * Figure 9.1's run: α = 2·10⁻⁵, 100 000 episodes (8.3 million steps, seed 3). Gradient Monte
     * Carlo converges towards the minimum of the μ-weighted value error, which for state aggregation
     * is the μ-weighted mean of the true values in each group. Every group's weight is within 0.05 of
     * it (measured: largest gap 0.028). The gaps share a sign across groups: every visit in an
     * episode sees the same ±1 outcome, so the last few thousand episodes' share of right exits
     * shifts the whole staircase together. The staircase runs from −0.83 to +0.82 as in the figure.
     */
    @Test
    void stateAggregationApproachesTheMuWeightedGroupMeansOfFigure9_1() {
        RandomWalk walk = RandomWalk.thousandStates();
        double[] truth = walk.trueValues();
        double[] mu = onPolicyDistribution(walk);
        LearnerSettings settings = LearnerSettings.builder().gamma(1.0).alpha(2e-5).seed(3).build();
        GradientMonteCarlo<Integer, Integer> monteCarlo = new GradientMonteCarlo<>(settings, walkAggregation(walk, 10),
                TabularPolicy.uniform(walk.stateCount(), 1));
        monteCarlo.train(walk, Budget.episodes(100_000));
        double[] weights = monteCarlo.weights();
        for (int group = 0; group < 10; group++) {
            double weighted = 0;
            double mass = 0;
            for (int s = group * 100 + 1; s <= group * 100 + 100; s++) {
                weighted += mu[s - 1] * truth[s];
                mass += mu[s - 1];
            }
            double target = weighted / mass;
            assertEquals(target, weights[group], 0.05, "group " + group);
        }
        assertTrue(weights[0] < -0.75 && weights[9] > 0.75, "ends of the staircase: " + weights[0] + ", " + weights[9]);
        for (int group = 1; group < 10; group++) {
            assertTrue(weights[group] > weights[group - 1], "the staircase rises: group " + group);
        }
    }

    @Test
    void aTruncatedEpisodeIsCompletedWithTheEstimateNotTreatedAsTerminal() {
        // One state that loops on itself with reward 1 (γ = 0.5): v = 2. With one-hot features,
        // episodes cut after 3 steps and the estimate starting at v̂ = 2, the completed returns are
        // exactly 2 and nothing moves; treating the cut as termination would pull v̂ towards 1.75.
        LoopEnvironment loop = new LoopEnvironment();
        LearnerSettings settings = LearnerSettings.builder().gamma(0.5).alpha(0.5).initialValue(2.0)
                .maxEpisodeLength(3).seed(0).build();
        GradientMonteCarlo<Integer, Integer> monteCarlo = new GradientMonteCarlo<>(settings,
                new dev.bellman.approx.features.OneHotFeatures(1), TabularPolicy.uniform(1, 1));
        monteCarlo.train(loop, Budget.episodes(5));
        assertEquals(2.0, monteCarlo.weights()[0], 1e-12);
    }
}
