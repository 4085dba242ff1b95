package dev.bellman.tabular.dp;

import dev.bellman.core.FiniteMdp;
import dev.bellman.core.TabularModel;

/**
 * Value iteration (Zhao Ch. 4.1; Sutton &amp; Barto Sec. 4.4): synchronous sweeps
 * {@code v_{k+1} = T v_k} with {@code (T v)(s) = max_a [r(s,a) + gamma sum_s' p(s'|s,a) v(s')]},
 * from {@code v_0 = 0} unless initial values are given, until a sweep changes no value by
 * {@code tolerance} or more (max norm). The returned values then satisfy
 * {@code ||T v - v|| < gamma * tolerance}. Immutable; {@code with...} methods return a copy.
 */
public final class ValueIteration {

    /** Sweeps allowed unless {@link #withMaxIterations(int)} says otherwise. */
    public static final int DEFAULT_MAX_ITERATIONS = 1_000_000;

    private final double gamma;
    private final double tolerance;
    private final int maxIterations;
    private final double[] initialValues;

    /**
     * @param gamma     the discount factor in {@code [0, 1]}; 1 only for models where every state
     *                  can reach a terminal state
     * @param tolerance the stopping threshold on the max-norm change of a sweep, {@code > 0}
     * @throws IllegalArgumentException if gamma is outside {@code [0, 1]} or the tolerance is not
     *                                  positive
     */
    public ValueIteration(double gamma, double tolerance) {
        this(gamma, tolerance, DEFAULT_MAX_ITERATIONS, null);
    }

    private ValueIteration(double gamma, double tolerance, int maxIterations, double[] initialValues) {
        this.gamma = PlannerSettings.requireGamma(gamma);
        this.tolerance = PlannerSettings.requireTolerance(tolerance);
        this.maxIterations = PlannerSettings.requireIterations(maxIterations, "maxIterations");
        this.initialValues = initialValues;
    }

    /**
     * Stops after at most {@code maxIterations} sweeps even if not converged (the result then says
     * {@code converged() == false}). Zero sweeps return {@code v_0} with its action values
     * {@code q_0}, as Zhao's Table 4.2 prints them.
     *
     * @param maxIterations the most sweeps, at least 0
     * @return a copy with this limit
     * @throws IllegalArgumentException if {@code maxIterations < 0}
     */
    public ValueIteration withMaxIterations(int maxIterations) {
        return new ValueIteration(gamma, tolerance, maxIterations, initialValues);
    }

    /**
     * Starts from {@code values} instead of zeros (terminal states are kept at 0).
     *
     * @param values one finite value per state; copied, and checked against the model in
     *               {@link #solve}
     * @return a copy that starts from {@code values}
     */
    public ValueIteration withInitialValues(double[] values) {
        return new ValueIteration(gamma, tolerance, maxIterations, values.clone());
    }

    /** @return the discount factor */
    public double gamma() {
        return gamma;
    }

    /** @return the stopping tolerance */
    public double tolerance() {
        return tolerance;
    }

    /**
     * Compiles {@code mdp} and runs value iteration.
     *
     * @param mdp the finite MDP to solve
     * @return the values, their action values and greedy policy, the sweeps taken and the change of each
     * @throws IllegalArgumentException if the model is invalid, if the initial values do not fit it,
     *                                  or if gamma = 1 and some state cannot reach a terminal state
     */
    public PlanningResult solve(FiniteMdp mdp) {
        TabularModel model = TabularModel.of(mdp);
        PlannerSettings.requireReachableTerminal(model, gamma, null, "");
        double[] values = PlannerSettings.requireInitialValues(initialValues, model);
        double[] next = new double[values.length];
        ResidualLog residuals = new ResidualLog();
        boolean converged = false;
        while (residuals.size() < maxIterations) {
            double change = BellmanOperator.optimalitySweep(model, gamma, values, next);
            double[] swap = values;
            values = next;
            next = swap;
            residuals.add(change);
            if (change < tolerance) {
                converged = true;
                break;
            }
        }
        return PlanningResult.greedy(model, gamma, values, residuals.size(), residuals.toArray(), converged);
    }
}
