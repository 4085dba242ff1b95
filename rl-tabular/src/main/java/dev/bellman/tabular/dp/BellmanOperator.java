package dev.bellman.tabular.dp;

import dev.bellman.core.TabularModel;

/**
 * The Bellman operators on a compiled model, as sweeps over primitive arrays: the optimality
 * operator {@code (T v)(s) = max_a [r(s,a) + gamma sum_s' p(s'|s,a) v(s')]} and the policy operator
 * {@code (T_pi v)(s) = sum_a pi(a|s) [r(s,a) + gamma sum_s' p(s'|s,a) v(s')]}. Terminal states keep
 * the value 0. Each sweep returns its max-norm change {@code max_s |v_new(s) - v_old(s)|}.
 *
 * <p>These are the planners' inner loops, public so that benchmarks and new planners can drive
 * them; arguments are not checked beyond what Java's array bounds do.
 */
public final class BellmanOperator {

    private BellmanOperator() {
    }

    /**
     * One synchronous sweep of the optimality operator: {@code target = T values}.
     *
     * @param model  the compiled model
     * @param gamma  the discount factor
     * @param values {@code v}, one per state; not modified
     * @param target receives {@code T v}; must not be {@code values}
     * @return {@code max_s |target(s) - values(s)|}
     */
    public static double optimalitySweep(TabularModel model, double gamma, double[] values, double[] target) {
        return optimalitySweep(model, gamma, values, target, null);
    }

    /**
     * One synchronous sweep of the optimality operator that also records, for each state, the first
     * action attaining the maximum (0 in terminal states).
     *
     * @param model         the compiled model
     * @param gamma         the discount factor in [0, 1]
     * @param values        {@code v}, one per state; not modified
     * @param target        receives {@code T v}; must not be {@code values}
     * @param greedyActions receives the maximising action of each state; {@code null} to skip
     * @return {@code max_s |target(s) - values(s)|}
     */
    public static double optimalitySweep(TabularModel model, double gamma, double[] values, double[] target,
                                         int[] greedyActions) {
        int states = model.stateCount();
        int actions = model.actionCount();
        double change = 0;
        for (int s = 0; s < states; s++) {
            double best = 0;
            int argmax = 0;
            if (!model.isTerminal(s)) {
                best = Double.NEGATIVE_INFINITY;
                for (int a = 0; a < actions; a++) {
                    double q = model.backup(s, a, gamma, values);
                    if (q > best) {
                        best = q;
                        argmax = a;
                    }
                }
            }
            if (greedyActions != null) {
                greedyActions[s] = argmax;
            }
            target[s] = best;
            double diff = Math.abs(best - values[s]);
            if (diff > change) {
                change = diff;
            }
        }
        return change;
    }

    /**
     * One in-place (Gauss–Seidel) sweep of the optimality operator in state order: each state's new
     * value is used by the states after it.
     *
     * @param model  the compiled model
     * @param gamma  the discount factor in [0, 1]
     * @param values updated in place
     * @return the largest change of a state's value in this sweep
     */
    public static double optimalitySweepInPlace(TabularModel model, double gamma, double[] values) {
        int states = model.stateCount();
        int actions = model.actionCount();
        double change = 0;
        for (int s = 0; s < states; s++) {
            double best = model.isTerminal(s) ? 0 : maxBackup(model, gamma, values, s, actions);
            double diff = Math.abs(best - values[s]);
            if (diff > change) {
                change = diff;
            }
            values[s] = best;
        }
        return change;
    }

    private static double maxBackup(TabularModel model, double gamma, double[] values, int s, int actions) {
        double best = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < actions; a++) {
            double q = model.backup(s, a, gamma, values);
            if (q > best) {
                best = q;
            }
        }
        return best;
    }

    /**
     * One synchronous sweep of the policy operator: {@code target = T_pi values}.
     *
     * @param model  the compiled model
     * @param gamma  the discount factor in [0, 1]
     * @param policy {@code pi(a|s)} at index {@code s * actionCount + a}, with the model's action count
     * @param values {@code v}, one per state; not modified
     * @param target must not be {@code values}
     * @return {@code max_s |target(s) - values(s)|}
     */
    public static double policySweep(TabularModel model, double gamma, double[] policy, double[] values, double[] target) {
        int states = model.stateCount();
        double change = 0;
        for (int s = 0; s < states; s++) {
            double v = policyBackup(model, gamma, policy, values, s);
            target[s] = v;
            double diff = Math.abs(v - values[s]);
            if (diff > change) {
                change = diff;
            }
        }
        return change;
    }

    /**
     * One in-place sweep of the policy operator in state order (Sutton &amp; Barto's in-place
     * iterative policy evaluation).
     *
     * @param model  the compiled model
     * @param gamma  the discount factor in [0, 1]
     * @param policy {@code pi(a|s)} at index {@code s * actionCount + a}, with the model's action count
     * @param values updated in place
     * @return the largest change of a state's value in this sweep
     */
    public static double policySweepInPlace(TabularModel model, double gamma, double[] policy, double[] values) {
        int states = model.stateCount();
        double change = 0;
        for (int s = 0; s < states; s++) {
            double v = policyBackup(model, gamma, policy, values, s);
            double diff = Math.abs(v - values[s]);
            if (diff > change) {
                change = diff;
            }
            values[s] = v;
        }
        return change;
    }

    private static double policyBackup(TabularModel model, double gamma, double[] policy, double[] values, int s) {
        if (model.isTerminal(s)) {
            return 0;
        }
        int actions = model.actionCount();
        double v = 0;
        for (int a = 0; a < actions; a++) {
            double p = policy[s * actions + a];
            if (p != 0) {
                v += p * model.backup(s, a, gamma, values);
            }
        }
        return v;
    }

    /**
     * The action values of {@code values}: {@code q(s,a) = r(s,a) + gamma sum_s' p(s'|s,a) v(s')},
     * and 0 in terminal states.
     *
     * @param model  the compiled model
     * @param gamma  the discount factor in [0, 1]
     * @param values {@code v}, one per state; not modified
     * @return {@code q} at index {@code s * actionCount + a}
     */
    public static double[] actionValues(TabularModel model, double gamma, double[] values) {
        int states = model.stateCount();
        int actions = model.actionCount();
        double[] q = new double[states * actions];
        for (int s = 0; s < states; s++) {
            if (model.isTerminal(s)) {
                continue;
            }
            for (int a = 0; a < actions; a++) {
                q[s * actions + a] = model.backup(s, a, gamma, values);
            }
        }
        return q;
    }

    /**
     * The optimality residual {@code max_s |(T v)(s) - v(s)|} of {@code values}.
     *
     * @param model  the compiled model
     * @param gamma  the discount factor in [0, 1]
     * @param values {@code v}, one per state; not modified
     * @return {@code max_s |(T v)(s) - v(s)|}, 0 when {@code values} is the fixed point
     */
    public static double optimalityResidual(TabularModel model, double gamma, double[] values) {
        return optimalitySweep(model, gamma, values, new double[values.length]);
    }
}
