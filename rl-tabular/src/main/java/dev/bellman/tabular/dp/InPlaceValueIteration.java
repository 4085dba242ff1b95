package dev.bellman.tabular.dp;

import dev.bellman.core.CompactModel;
import dev.bellman.core.FiniteMdp;

import java.util.Objects;

/**
 * Value iteration with in-place (Gauss–Seidel) sweeps over a {@link CompactModel}, for models of
 * millions of states: each state's backup uses the values already updated in the same sweep, in the
 * order {@link StateOrder} gives (by default backwards from the terminal states, which solves a
 * deterministic shortest-path task in one sweep), optionally on several threads.
 *
 * <p>Starts from {@code v_0 = min(0, min r) / (1 − γ)}, a lower bound of {@code v*}, so that the values
 * rise monotonically to the fixed point, and stops when a sweep changes no value by
 * {@code tolerance} or more (max norm), as {@link ValueIteration} does. An in-place sweep is a
 * γ-contraction too, so the result is within {@code γ/(1 − γ) · tolerance} of {@code v*};
 * {@link PlanningResult#errorBound()} reports the tighter bound from the final residual. Needs
 * γ &lt; 1. Immutable.
 */
public final class InPlaceValueIteration {

    private final double gamma;
    private final double tolerance;
    private final StateOrder order;
    private final int threads;
    private final int maxSweeps;

    /**
     * Backward-from-terminals order, one thread, at most {@value ValueIteration#DEFAULT_MAX_ITERATIONS} sweeps.
     *
     * @param gamma     the discount factor in [0, 1)
     * @param tolerance the stopping threshold on the max-norm change of a sweep, {@code > 0}
     * @throws IllegalArgumentException if gamma is outside [0, 1) or the tolerance is not positive
     */
    public InPlaceValueIteration(double gamma, double tolerance) {
        this(gamma, tolerance, StateOrder.BACKWARD_FROM_TERMINALS, 1, ValueIteration.DEFAULT_MAX_ITERATIONS);
    }

    private InPlaceValueIteration(double gamma, double tolerance, StateOrder order, int threads, int maxSweeps) {
        this.gamma = LargeModelSettings.requireDiscounted(gamma);
        this.tolerance = PlannerSettings.requireTolerance(tolerance);
        this.order = Objects.requireNonNull(order, "order");
        this.threads = LargeModelSettings.requireThreads(threads);
        this.maxSweeps = PlannerSettings.requireIterations(maxSweeps, "maxSweeps");
    }

    /**
     * @param order the order in which each sweep visits the states
     * @return a copy that sweeps in {@code order}
     */
    public InPlaceValueIteration withOrder(StateOrder order) {
        return new InPlaceValueIteration(gamma, tolerance, order, threads, maxSweeps);
    }

    /**
     * @param threads the threads that share each sweep, at least 1
     * @return a copy that sweeps on {@code threads} threads
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public InPlaceValueIteration withThreads(int threads) {
        return new InPlaceValueIteration(gamma, tolerance, order, threads, maxSweeps);
    }

    /**
     * @param maxSweeps the most sweeps before stopping unconverged, {@code >= 0}
     * @return a copy with that limit
     * @throws IllegalArgumentException if {@code maxSweeps < 0}
     */
    public InPlaceValueIteration withMaxSweeps(int maxSweeps) {
        return new InPlaceValueIteration(gamma, tolerance, order, threads, maxSweeps);
    }

    /**
     * Converts {@code mdp} to a double-precision {@link CompactModel} and solves it.
     *
     * @param mdp the finite MDP to solve
     * @return the result of {@link #solve(CompactModel)} on the converted model
     * @throws IllegalArgumentException if the model is invalid
     */
    public PlanningResult solve(FiniteMdp mdp) {
        return solve(mdp instanceof CompactModel compact ? compact : CompactModel.of(mdp, CompactModel.Precision.DOUBLE));
    }

    /**
     * @param model the model to solve
     * @return the values, the sweeps taken and the change of each, the error bound and the backups
     *         computed; action values and the greedy policy are computed when asked for
     * @throws NullPointerException if {@code model} is null
     */
    public PlanningResult solve(CompactModel model) {
        Objects.requireNonNull(model, "model");
        double[] values = LargeModelSettings.initialValues(model, gamma);
        ResidualLog changes = new ResidualLog();
        boolean converged = false;
        long backups = 0;
        try (LargeModelSweeps sweeps = new LargeModelSweeps(model, gamma, LargeModelSweeps.order(model, order), threads)) {
            while (changes.size() < maxSweeps) {
                double change = sweeps.optimalitySweep(values, null);
                backups += sweeps.pairsPerSweep();
                changes.add(change);
                if (change < tolerance) {
                    converged = true;
                    break;
                }
            }
            double bound = sweeps.residual(values) / (1 - gamma);
            return PlanningResult.lazy(model, gamma, values, changes.size(), changes.toArray(), converged, bound, backups);
        }
    }
}
