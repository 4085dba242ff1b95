package dev.bellman.tabular.dp;

import dev.bellman.core.TabularActionValues;
import dev.bellman.core.TabularModel;
import dev.bellman.core.TabularPolicy;
import dev.bellman.core.TabularStateValues;

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
    private final TabularActionValues actionValues;
    private final TabularPolicy policy;
    private final int iterations;
    private final double[] residuals;
    private final boolean converged;

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
        this.stateValues = stateValues;
        this.actionValues = actionValues;
        this.policy = policy;
        this.iterations = iterations;
        this.residuals = residuals.clone();
        this.converged = converged;
    }

    /** Builds the result of a planner: action values of {@code values} and their greedy policy. */
    static PlanningResult greedy(TabularModel model, double gamma, double[] values, int iterations,
                                 double[] residuals, boolean converged) {
        TabularActionValues q = new TabularActionValues(model.stateCount(), model.actionCount(),
                BellmanOperator.actionValues(model, gamma, values));
        return new PlanningResult(new TabularStateValues(values), q, TabularPolicy.greedy(q), iterations,
                residuals, converged);
    }

    /** @return the state values */
    public TabularStateValues stateValues() {
        return stateValues;
    }

    /** @return the action values implied by the state values */
    public TabularActionValues actionValues() {
        return actionValues;
    }

    /** @return the greedy policy (planners) or the evaluated policy (policy evaluation) */
    public TabularPolicy policy() {
        return policy;
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
