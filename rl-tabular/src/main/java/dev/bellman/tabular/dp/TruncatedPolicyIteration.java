package dev.bellman.tabular.dp;

import dev.bellman.core.FiniteMdp;
import dev.bellman.core.TabularModel;

import java.util.Arrays;

/**
 * Truncated policy iteration (Zhao Ch. 4.3), also called modified policy iteration: from
 * {@code v_0 = 0}, each iteration makes the policy greedy with respect to {@code v_k} and then runs
 * {@code j} sweeps of that policy's Bellman operator starting from {@code v_k}. The first of those
 * sweeps is a value-iteration sweep {@code T v_k}; when it changes no value by {@code tolerance} or
 * more, the planner stops, as value iteration does. {@code j = 1} is value iteration; large
 * {@code j} approaches policy iteration. Immutable.
 */
public final class TruncatedPolicyIteration {

    /** Improvement steps allowed unless {@link #withMaxIterations(int)} says otherwise. */
    public static final int DEFAULT_MAX_ITERATIONS = 1_000_000;

    private final double gamma;
    private final double tolerance;
    private final int evaluationSweeps;
    private final int maxIterations;

    /**
     * @param gamma            the discount factor in {@code [0, 1]}; 1 only for models where every
     *                         state can reach a terminal state
     * @param tolerance        the stopping threshold on the max-norm change of a value-iteration sweep,
     *                         {@code > 0}
     * @param evaluationSweeps {@code j}, the policy-operator sweeps per iteration, at least 1
     * @throws IllegalArgumentException if an argument is out of range
     */
    public TruncatedPolicyIteration(double gamma, double tolerance, int evaluationSweeps) {
        this(gamma, tolerance, evaluationSweeps, DEFAULT_MAX_ITERATIONS);
    }

    private TruncatedPolicyIteration(double gamma, double tolerance, int evaluationSweeps, int maxIterations) {
        this.gamma = PlannerSettings.requireGamma(gamma);
        this.tolerance = PlannerSettings.requireTolerance(tolerance);
        if (evaluationSweeps < 1) {
            throw new IllegalArgumentException("evaluationSweeps " + evaluationSweeps + " must be at least 1");
        }
        this.evaluationSweeps = evaluationSweeps;
        this.maxIterations = PlannerSettings.requireIterations(maxIterations, "maxIterations");
    }

    /**
     * Stops after at most {@code maxIterations} improvement steps even if not converged.
     *
     * @param maxIterations the most improvement steps, at least 0
     * @return a copy with this limit
     * @throws IllegalArgumentException if {@code maxIterations < 0}
     */
    public TruncatedPolicyIteration withMaxIterations(int maxIterations) {
        return new TruncatedPolicyIteration(gamma, tolerance, evaluationSweeps, maxIterations);
    }

    /** @return {@code j}, the evaluation sweeps per iteration */
    public int evaluationSweeps() {
        return evaluationSweeps;
    }

    /**
     * Compiles {@code mdp} and runs truncated policy iteration.
     *
     * @param mdp the finite MDP to solve
     * @return the values, their action values and greedy policy, the improvement steps taken and the
     *         value-iteration change of each
     * @throws IllegalArgumentException if the model is invalid, or gamma = 1 and some state cannot
     *                                  reach a terminal state
     */
    public PlanningResult solve(FiniteMdp mdp) {
        TabularModel model = TabularModel.of(mdp);
        PlannerSettings.requireReachableTerminal(model, gamma, null, "");
        int states = model.stateCount();
        int actions = model.actionCount();
        double[] values = new double[states];
        double[] next = new double[states];
        int[] greedy = new int[states];
        double[] policy = new double[states * actions];
        ResidualLog residuals = new ResidualLog();
        boolean converged = false;
        while (residuals.size() < maxIterations) {
            double change = BellmanOperator.optimalitySweep(model, gamma, values, next, greedy);
            double[] swap = values;
            values = next;
            next = swap;
            residuals.add(change);
            if (change < tolerance) {
                converged = true;
                break;
            }
            Arrays.fill(policy, 0);
            for (int s = 0; s < states; s++) {
                policy[s * actions + greedy[s]] = 1;
            }
            for (int sweep = 1; sweep < evaluationSweeps; sweep++) {
                BellmanOperator.policySweep(model, gamma, policy, values, next);
                swap = values;
                values = next;
                next = swap;
            }
        }
        return PlanningResult.greedy(model, gamma, values, residuals.size(), residuals.toArray(), converged);
    }
}
