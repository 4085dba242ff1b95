package dev.bellman.tabular.dp;

import dev.bellman.core.CompactModel;
import dev.bellman.core.FiniteMdp;

import java.util.Objects;

/**
 * Modified policy iteration (Puterman &amp; Shin 1978) over a {@link CompactModel}: an in-place
 * improvement sweep that makes the policy greedy and backs up every state with its greedy action,
 * then {@code evaluationSweeps} in-place sweeps that back up each state with its policy's action
 * only (a quarter of the work of an optimality sweep with four actions), repeated until an
 * improvement sweep changes no value by {@code tolerance} or more. Sweeps run in a
 * {@link StateOrder} and optionally on several threads.
 *
 * <p>Starts from {@code v_0 = min(0, min r) / (1 − γ)}, a lower bound of {@code v*}; from there the values
 * rise monotonically. {@link PlanningResult#iterations()} counts improvement sweeps;
 * {@link PlanningResult#errorBound()} bounds {@code ‖v − v*‖} from the final residual. Needs
 * γ &lt; 1. Immutable.
 */
public final class ModifiedPolicyIteration {

    /** Evaluation sweeps per improvement unless {@link #withEvaluationSweeps(int)} says otherwise. */
    public static final int DEFAULT_EVALUATION_SWEEPS = 10;

    private final double gamma;
    private final double tolerance;
    private final int evaluationSweeps;
    private final StateOrder order;
    private final int threads;
    private final int maxImprovements;

    /**
     * {@value #DEFAULT_EVALUATION_SWEEPS} evaluation sweeps per improvement, backward-from-terminals
     * order, one thread.
     *
     * @param gamma     the discount factor in [0, 1)
     * @param tolerance the stopping threshold on the max-norm change of an improvement sweep, {@code > 0}
     * @throws IllegalArgumentException if gamma is outside [0, 1) or the tolerance is not positive
     */
    public ModifiedPolicyIteration(double gamma, double tolerance) {
        this(gamma, tolerance, DEFAULT_EVALUATION_SWEEPS, StateOrder.BACKWARD_FROM_TERMINALS, 1,
                ValueIteration.DEFAULT_MAX_ITERATIONS);
    }

    private ModifiedPolicyIteration(double gamma, double tolerance, int evaluationSweeps, StateOrder order, int threads,
                                    int maxImprovements) {
        this.gamma = LargeModelSettings.requireDiscounted(gamma);
        this.tolerance = PlannerSettings.requireTolerance(tolerance);
        this.evaluationSweeps = PlannerSettings.requireIterations(evaluationSweeps, "evaluationSweeps");
        this.order = Objects.requireNonNull(order, "order");
        this.threads = LargeModelSettings.requireThreads(threads);
        this.maxImprovements = PlannerSettings.requireIterations(maxImprovements, "maxImprovements");
    }

    /**
     * @param sweeps policy-evaluation sweeps after each improvement, {@code >= 0} (0 is value iteration)
     * @return a copy with that many
     * @throws IllegalArgumentException if {@code sweeps < 0}
     */
    public ModifiedPolicyIteration withEvaluationSweeps(int sweeps) {
        return new ModifiedPolicyIteration(gamma, tolerance, sweeps, order, threads, maxImprovements);
    }

    /**
     * @param order the order in which each sweep visits the states
     * @return a copy that sweeps in {@code order}
     */
    public ModifiedPolicyIteration withOrder(StateOrder order) {
        return new ModifiedPolicyIteration(gamma, tolerance, evaluationSweeps, order, threads, maxImprovements);
    }

    /**
     * @param threads the number of threads a sweep is split over, at least 1
     * @return a copy that sweeps on {@code threads} threads
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public ModifiedPolicyIteration withThreads(int threads) {
        return new ModifiedPolicyIteration(gamma, tolerance, evaluationSweeps, order, threads, maxImprovements);
    }

    /**
     * @param maxImprovements the most improvement sweeps, at least 0
     * @return a copy that stops unconverged after {@code maxImprovements} improvement sweeps
     * @throws IllegalArgumentException if {@code maxImprovements < 0}
     */
    public ModifiedPolicyIteration withMaxImprovements(int maxImprovements) {
        return new ModifiedPolicyIteration(gamma, tolerance, evaluationSweeps, order, threads, maxImprovements);
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
     * @return the values, the improvement sweeps and the change of each, the error bound and the
     *         backups computed (an evaluation sweep counts one per non-terminal state)
     * @throws NullPointerException if {@code model} is null
     */
    public PlanningResult solve(CompactModel model) {
        Objects.requireNonNull(model, "model");
        double[] values = LargeModelSettings.initialValues(model, gamma);
        int[] policy = new int[model.stateCount()];
        ResidualLog changes = new ResidualLog();
        boolean converged = false;
        long backups = 0;
        try (LargeModelSweeps sweeps = new LargeModelSweeps(model, gamma, LargeModelSweeps.order(model, order), threads)) {
            while (changes.size() < maxImprovements) {
                double change = sweeps.optimalitySweep(values, policy);
                backups += sweeps.pairsPerSweep();
                changes.add(change);
                if (change < tolerance) {
                    converged = true;
                    break;
                }
                for (int k = 0; k < evaluationSweeps; k++) {
                    double evaluationChange = sweeps.policySweep(values, policy);
                    backups += sweeps.statesPerSweep();
                    if (evaluationChange < tolerance) {
                        break;
                    }
                }
            }
            double bound = sweeps.residual(values) / (1 - gamma);
            return PlanningResult.lazy(model, gamma, values, changes.size(), changes.toArray(), converged, bound, backups);
        }
    }
}
