package dev.bellman.tabular.dp;

import dev.bellman.core.FiniteMdp;
import dev.bellman.core.TabularActionValues;
import dev.bellman.core.TabularModel;
import dev.bellman.core.TabularPolicy;
import dev.bellman.core.TabularStateValues;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealVector;

import java.util.Arrays;

/**
 * Policy evaluation: the state values {@code v_pi} of a given policy, the solution of the Bellman
 * equation {@code v = r_pi + gamma P_pi v} (Zhao Ch. 2; Sutton &amp; Barto Sec. 4.1). Three methods:
 * iterative sweeps with two arrays or in place (Sutton &amp; Barto's two versions), stopping when a
 * sweep changes no value by {@code tolerance} or more, and the exact solution of
 * {@code (I - gamma P_pi) v = r_pi} by LU decomposition. Immutable.
 */
public final class PolicyEvaluation {

    /** How the Bellman equation is solved. */
    public enum Method {
        /** synchronous sweeps {@code v_{k+1} = T_pi v_k} with two arrays */
        TWO_ARRAY,
        /** in-place sweeps in state order, each new value used at once */
        IN_PLACE,
        /** a dense LU solve of {@code (I - gamma P_pi) v = r_pi}; for up to {@value #MAX_EXACT_STATES} states */
        EXACT
    }

    /** The largest model {@link Method#EXACT} accepts: its dense matrix takes {@code 8 n^2} bytes. */
    public static final int MAX_EXACT_STATES = 5000;

    private final double gamma;
    private final double tolerance;
    private final Method method;
    private final int maxSweeps;

    /**
     * @param gamma     the discount factor in {@code [0, 1]}; 1 only if the policy reaches a terminal
     *                  state from every state
     * @param tolerance the stopping threshold on the max-norm change of a sweep, {@code > 0}
     *                  (ignored by {@link Method#EXACT})
     * @param method    how to solve
     * @throws IllegalArgumentException if gamma is outside {@code [0, 1]}, the tolerance is not
     *                                  positive, or the method is {@code null}
     */
    public PolicyEvaluation(double gamma, double tolerance, Method method) {
        this(gamma, tolerance, method, ValueIteration.DEFAULT_MAX_ITERATIONS);
    }

    private PolicyEvaluation(double gamma, double tolerance, Method method, int maxSweeps) {
        this.gamma = PlannerSettings.requireGamma(gamma);
        this.tolerance = PlannerSettings.requireTolerance(tolerance);
        if (method == null) {
            throw new IllegalArgumentException("method must not be null; expected one of " + Arrays.toString(Method.values()));
        }
        this.method = method;
        this.maxSweeps = PlannerSettings.requireIterations(maxSweeps, "maxSweeps");
    }

    /**
     * Stops iterative evaluation after at most {@code maxSweeps} sweeps (the result then says
     * {@code converged() == false}), e.g. to read Sutton &amp; Barto's {@code v_k} for small k.
     *
     * @param maxSweeps the most sweeps, at least 0
     * @return a copy with this limit
     * @throws IllegalArgumentException if {@code maxSweeps < 0}
     */
    public PolicyEvaluation withMaxSweeps(int maxSweeps) {
        return new PolicyEvaluation(gamma, tolerance, method, maxSweeps);
    }

    /**
     * Evaluates {@code policy} on {@code mdp}, from {@code v_0 = 0}.
     *
     * @param mdp    the finite MDP whose states are valued
     * @param policy a policy over the model's states and at most its actions (missing actions have
     *               probability 0)
     * @return the values, their action values, the evaluated policy itself, the sweeps taken (1 for
     *         the exact method) and the change of each sweep
     * @throws IllegalArgumentException if the model is invalid, the policy does not fit it, the exact
     *                                  method gets more than {@value #MAX_EXACT_STATES} states, or
     *                                  gamma = 1 and the policy cannot reach a terminal state from
     *                                  some state
     */
    public PlanningResult evaluate(FiniteMdp mdp, TabularPolicy policy) {
        TabularModel model = TabularModel.of(mdp);
        double[] table = PlannerSettings.policyTable(policy, model);
        PlannerSettings.requireReachableTerminal(model, gamma, PlannerSettings.support(table, model), " under the policy");
        double[] values;
        ResidualLog residuals = new ResidualLog();
        int sweeps;
        boolean converged;
        if (method == Method.EXACT) {
            values = solveExactly(model, table);
            sweeps = 1;
            converged = true;
        } else {
            values = new double[model.stateCount()];
            double[] next = method == Method.TWO_ARRAY ? new double[values.length] : null;
            converged = false;
            while (residuals.size() < maxSweeps) {
                double change;
                if (next != null) {
                    change = BellmanOperator.policySweep(model, gamma, table, values, next);
                    double[] swap = values;
                    values = next;
                    next = swap;
                } else {
                    change = BellmanOperator.policySweepInPlace(model, gamma, table, values);
                }
                residuals.add(change);
                if (change < tolerance) {
                    converged = true;
                    break;
                }
            }
            sweeps = residuals.size();
        }
        TabularActionValues q = new TabularActionValues(model.stateCount(), model.actionCount(),
                BellmanOperator.actionValues(model, gamma, values));
        return new PlanningResult(new TabularStateValues(values), q, policy, sweeps, residuals.toArray(), converged);
    }

    private static final double SINGULAR_THRESHOLD = 1e-12;

    private double[] solveExactly(TabularModel model, double[] table) {
        int n = model.stateCount();
        if (n > MAX_EXACT_STATES) {
            throw new IllegalArgumentException("exact evaluation of " + n + " states needs a dense " + n + "x" + n
                    + " matrix; at most " + MAX_EXACT_STATES + " states are allowed (use TWO_ARRAY or IN_PLACE)");
        }
        int actions = model.actionCount();
        double[][] matrix = new double[n][n];
        double[] rhs = new double[n];
        for (int s = 0; s < n; s++) {
            matrix[s][s] = 1;
            if (model.isTerminal(s)) {
                continue;
            }
            for (int a = 0; a < actions; a++) {
                double p = table[s * actions + a];
                if (p == 0) {
                    continue;
                }
                rhs[s] += p * model.expectedReward(s, a);
                for (int k = model.transitionStart(s, a), end = model.transitionEnd(s, a); k < end; k++) {
                    matrix[s][model.nextState(k)] -= gamma * p * model.probability(k);
                }
            }
        }
        DecompositionSolver solver = new LUDecomposition(new Array2DRowRealMatrix(matrix, false), SINGULAR_THRESHOLD)
                .getSolver();
        if (!solver.isNonSingular()) {
            throw new IllegalArgumentException("the Bellman equation of this policy is singular (I - gamma P_pi "
                    + "has no inverse); with gamma = 1 the policy must reach a terminal state from every state");
        }
        RealVector solution = solver.solve(new ArrayRealVector(rhs, false));
        return solution.toArray();
    }
}
