package dev.bellman.tabular.dp;

import dev.bellman.core.FiniteMdp;
import dev.bellman.core.TabularActionValues;
import dev.bellman.core.TabularModel;
import dev.bellman.core.TabularPolicy;

/**
 * Policy iteration (Zhao Ch. 4.2; Sutton &amp; Barto Sec. 4.3): evaluate the current policy, make it
 * greedy with respect to its action values, and repeat until the greedy policy no longer changes.
 * Evaluation runs synchronous sweeps until a sweep changes no value by
 * {@code tolerance * (1 - gamma)} (by {@code tolerance} when gamma = 1), so the final values are
 * within about {@code tolerance} of {@code v_pi}. An action is replaced only by one better by more
 * than {@link TabularActionValues#TIE_TOLERANCE}, so ties cannot make the policy cycle. The
 * initial policy is the uniform random one unless given. Immutable.
 */
public final class PolicyIteration {

    /** Improvement steps allowed unless {@link #withMaxIterations(int)} says otherwise. */
    public static final int DEFAULT_MAX_ITERATIONS = 10_000;

    private final double gamma;
    private final double tolerance;
    private final int maxIterations;
    private final TabularPolicy initialPolicy;

    /**
     * @param gamma     the discount factor in {@code [0, 1]}; 1 only for models where every state can
     *                  reach a terminal state
     * @param tolerance the evaluation threshold, {@code > 0}
     * @throws IllegalArgumentException if gamma is outside {@code [0, 1]} or the tolerance is not positive
     */
    public PolicyIteration(double gamma, double tolerance) {
        this(gamma, tolerance, DEFAULT_MAX_ITERATIONS, null);
    }

    private PolicyIteration(double gamma, double tolerance, int maxIterations, TabularPolicy initialPolicy) {
        this.gamma = PlannerSettings.requireGamma(gamma);
        this.tolerance = PlannerSettings.requireTolerance(tolerance);
        this.maxIterations = PlannerSettings.requireIterations(maxIterations, "maxIterations");
        this.initialPolicy = initialPolicy;
    }

    /**
     * Starts from {@code policy} instead of the uniform random policy.
     *
     * @param policy checked against the model in {@link #solve}
     * @return a copy that starts from {@code policy}
     */
    public PolicyIteration withInitialPolicy(TabularPolicy policy) {
        return new PolicyIteration(gamma, tolerance, maxIterations, policy);
    }

    /**
     * Stops after at most {@code maxIterations} improvement steps even if the policy still changes.
     *
     * @param maxIterations the most improvement steps, at least 0
     * @return a copy with this limit
     * @throws IllegalArgumentException if {@code maxIterations < 0}
     */
    public PolicyIteration withMaxIterations(int maxIterations) {
        return new PolicyIteration(gamma, tolerance, maxIterations, initialPolicy);
    }

    /**
     * Compiles {@code mdp} and runs policy iteration.
     *
     * @param mdp the finite MDP to solve
     * @return the values of the final policy, their action values and greedy policy, the improvement
     *         steps taken and, per step, the optimality residual {@code ||T v_pi - v_pi||} of the
     *         evaluated policy
     * @throws IllegalArgumentException if the model is invalid, the initial policy does not fit it,
     *                                  or gamma = 1 and a policy cannot reach a terminal state from
     *                                  some state
     */
    public PlanningResult solve(FiniteMdp mdp) {
        TabularModel model = TabularModel.of(mdp);
        int states = model.stateCount();
        int actions = model.actionCount();
        PlannerSettings.requireReachableTerminal(model, gamma, null, "");
        double[] policy = initialPolicy == null
                ? PlannerSettings.policyTable(TabularPolicy.uniform(states, actions), model)
                : PlannerSettings.policyTable(initialPolicy, model);
        double evaluationTolerance = gamma < 1 ? tolerance * (1 - gamma) : tolerance;
        double[] values = new double[states];
        double[] next = new double[states];
        ResidualLog residuals = new ResidualLog();
        boolean converged = false;
        while (residuals.size() < maxIterations) {
            PlannerSettings.requireReachableTerminal(model, gamma, PlannerSettings.support(policy, model),
                    " under the policy of improvement step " + residuals.size());
            // Evaluate from the previous policy's values: successive policies have close values.
            double change;
            do {
                change = BellmanOperator.policySweep(model, gamma, policy, values, next);
                double[] swap = values;
                values = next;
                next = swap;
            } while (change >= evaluationTolerance);

            double[] q = BellmanOperator.actionValues(model, gamma, values);
            double residual = 0;
            boolean stable = true;
            double[] improved = new double[policy.length];
            for (int s = 0; s < states; s++) {
                int row = s * actions;
                int best = 0;
                for (int a = 1; a < actions; a++) {
                    if (q[row + a] > q[row + best]) {
                        best = a;
                    }
                }
                int current = deterministicAction(policy, row, actions);
                int chosen = current >= 0 && q[row + current] >= q[row + best] - TabularActionValues.TIE_TOLERANCE
                        ? current : firstWithin(q, row, actions, q[row + best]);
                improved[row + chosen] = 1;
                stable &= chosen == current;
                if (!model.isTerminal(s)) {
                    residual = Math.max(residual, Math.abs(q[row + best] - values[s]));
                }
            }
            residuals.add(residual);
            if (stable) {
                converged = true;
                break;
            }
            policy = improved;
        }
        return PlanningResult.greedy(model, gamma, values, residuals.size(), residuals.toArray(), converged);
    }

    /** The action of probability 1 in the row, or -1 if the row is stochastic. */
    private static int deterministicAction(double[] policy, int row, int actions) {
        for (int a = 0; a < actions; a++) {
            if (policy[row + a] == 1.0) {
                return a;
            }
        }
        return -1;
    }

    private static int firstWithin(double[] q, int row, int actions, double best) {
        for (int a = 0; a < actions; a++) {
            if (q[row + a] >= best - TabularActionValues.TIE_TOLERANCE) {
                return a;
            }
        }
        return 0;
    }
}
