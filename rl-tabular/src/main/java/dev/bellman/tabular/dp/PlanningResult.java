package dev.bellman.tabular.dp;

import dev.bellman.core.CompactModel;
import dev.bellman.core.TabularActionValues;
import dev.bellman.core.TabularModel;
import dev.bellman.core.TabularPolicy;
import dev.bellman.core.TabularStateValues;

import java.util.function.Supplier;

/**
 * What a planner or a policy evaluation returns: the state values, the action values they imply, a
 * policy, the number of iterations and the max-norm change of each iteration. Immutable.
 *
 * <p>For planners the policy is greedy with respect to the action values, ties (within
 * {@link TabularActionValues#TIE_TOLERANCE}) going to the lowest action index. For
 * {@link PolicyEvaluation} it is the policy that was evaluated.
 */
public final class PlanningResult {

    private final TabularStateValues stateValues;
    private final Supplier<TabularActionValues> actionValuesSource;
    private TabularActionValues actionValues;
    private final TabularPolicy evaluatedPolicy;
    private TabularPolicy policy;
    private final int iterations;
    private final double[] residuals;
    private final boolean converged;
    private final double errorBound;
    private final long backups;

    /**
     * @param stateValues  the values {@code v}
     * @param actionValues the action values {@code q} of {@code v}
     * @param policy       the greedy policy of {@code q}, or the evaluated policy
     * @param iterations   sweeps (value iteration, evaluation) or improvement steps (policy iteration)
     * @param residuals    the max-norm change of each iteration; copied
     * @param converged    {@code false} if an iteration limit stopped the planner before its tolerance
     */
    public PlanningResult(TabularStateValues stateValues, TabularActionValues actionValues, TabularPolicy policy,
                          int iterations, double[] residuals, boolean converged) {
        this(stateValues, () -> actionValues, policy, iterations, residuals, converged, Double.NaN, -1);
    }

    private PlanningResult(TabularStateValues stateValues, Supplier<TabularActionValues> actionValuesSource,
                           TabularPolicy policy, int iterations, double[] residuals, boolean converged, double errorBound,
                           long backups) {
        this.stateValues = stateValues;
        this.actionValuesSource = actionValuesSource;
        this.evaluatedPolicy = policy;
        this.iterations = iterations;
        this.residuals = residuals.clone();
        this.converged = converged;
        this.errorBound = errorBound;
        this.backups = backups;
    }

    /** Builds the result of a planner: action values of {@code values} and their greedy policy. */
    static PlanningResult greedy(TabularModel model, double gamma, double[] values, int iterations,
                                 double[] residuals, boolean converged) {
        TabularActionValues q = new TabularActionValues(model.stateCount(), model.actionCount(),
                BellmanOperator.actionValues(model, gamma, values));
        double bound = gamma < 1 ? BellmanOperator.optimalityResidual(model, gamma, values) / (1 - gamma)
                : Double.POSITIVE_INFINITY;
        long pairs = 0;
        for (int s = 0; s < model.stateCount(); s++) {
            pairs += model.isTerminal(s) ? 0 : model.actionCount();
        }
        return new PlanningResult(new TabularStateValues(values), () -> q, TabularPolicy.greedy(q), iterations,
                residuals, converged, bound, pairs * iterations);
    }

    /**
     * The result of a planner on a {@link CompactModel}: the action values and the greedy policy
     * are computed when first asked for (a 10⁷-state model's would take hundreds of megabytes).
     */
    static PlanningResult lazy(CompactModel model, double gamma, double[] values, int iterations, double[] residuals,
                               boolean converged, double errorBound, long backups) {
        Supplier<TabularActionValues> q = () -> {
            int states = model.stateCount();
            int actions = model.actionCount();
            double[] table = new double[Math.toIntExact((long) states * actions)];
            for (int s = 0; s < states; s++) {
                if (!model.isTerminal(s)) {
                    for (int a = 0; a < actions; a++) {
                        table[s * actions + a] = model.backup(s, a, gamma, values);
                    }
                }
            }
            return new TabularActionValues(states, actions, table);
        };
        return new PlanningResult(new TabularStateValues(values), q, null, iterations, residuals, converged, errorBound,
                backups);
    }

    /** @return the state values */
    public TabularStateValues stateValues() {
        return stateValues;
    }

    /** @return the action values implied by the state values (computed on the first call for large models) */
    public synchronized TabularActionValues actionValues() {
        if (actionValues == null) {
            actionValues = actionValuesSource.get();
        }
        return actionValues;
    }

    /** @return the greedy policy (planners) or the evaluated policy (policy evaluation) */
    public synchronized TabularPolicy policy() {
        if (policy == null) {
            policy = evaluatedPolicy != null ? evaluatedPolicy : TabularPolicy.greedy(actionValues());
        }
        return policy;
    }

    /**
     * A bound on the max-norm distance of {@link #stateValues()} from the fixed point the planner
     * seeks ({@code v*} for planners): {@code ‖T v − v‖ / (1 − γ)}, from the Bellman residual of the
     * returned values, which holds whatever the algorithm. {@code +∞} when γ = 1 (no contraction),
     * NaN when the result was built without one.
     *
     * @return the bound, in the reward's units
     */
    public double errorBound() {
        return errorBound;
    }

    /**
     * @return the state-action backups the planner computed (a sweep of a model with n non-terminal
     *         states and m actions is n·m), or −1 when not counted
     */
    public long backups() {
        return backups;
    }

    /** @return the number of sweeps or improvement steps taken */
    public int iterations() {
        return iterations;
    }

    /** @return a copy of the max-norm change of each iteration, in order */
    public double[] residuals() {
        return residuals.clone();
    }

    /** @return {@code true} if the planner stopped because the change fell below its tolerance */
    public boolean converged() {
        return converged;
    }
}
