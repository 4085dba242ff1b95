package dev.bellman.tabular.dp;

import dev.bellman.core.TabularModel;
import dev.bellman.core.TabularPolicy;

/** Argument checks shared by the planners, so that every planner words its errors alike. */
final class PlannerSettings {

    private PlannerSettings() {
    }

    static double requireGamma(double gamma) {
        if (!(gamma >= 0 && gamma <= 1)) {
            throw new IllegalArgumentException("gamma " + gamma + " is outside [0, 1]");
        }
        return gamma;
    }

    static double requireTolerance(double tolerance) {
        if (!(tolerance > 0) || !Double.isFinite(tolerance)) {
            throw new IllegalArgumentException("tolerance " + tolerance + " must be a finite number > 0");
        }
        return tolerance;
    }

    static int requireIterations(int iterations, String name) {
        if (iterations < 0) {
            throw new IllegalArgumentException(name + " " + iterations + " is negative; expected >= 0");
        }
        return iterations;
    }

    static double[] requireInitialValues(double[] values, TabularModel model) {
        if (values == null) {
            return new double[model.stateCount()];
        }
        if (values.length != model.stateCount()) {
            throw new IllegalArgumentException("initial values have length " + values.length + "; expected one per state ("
                    + model.stateCount() + ")");
        }
        double[] copy = values.clone();
        for (int s = 0; s < copy.length; s++) {
            if (!Double.isFinite(copy[s])) {
                throw new IllegalArgumentException("initial value of state " + s + " is " + copy[s] + "; expected a finite number");
            }
            if (model.isTerminal(s)) {
                copy[s] = 0;
            }
        }
        return copy;
    }

    /** With gamma = 1 values are finite only if every state can reach a terminal state. */
    static void requireReachableTerminal(TabularModel model, double gamma, boolean[][] allowed, String under) {
        if (gamma < 1) {
            return;
        }
        int stuck = model.firstStateNotReachingTerminal(allowed);
        if (stuck >= 0) {
            throw new IllegalArgumentException("gamma = 1 needs every state to reach a terminal state" + under
                    + ", but state " + stuck + " cannot; use gamma < 1");
        }
    }

    /** The policy as a flat table with the model's action count, after checking it fits the model. */
    static double[] policyTable(TabularPolicy policy, TabularModel model) {
        if (policy.stateCount() != model.stateCount() || policy.actionCount() > model.actionCount()) {
            throw new IllegalArgumentException("policy over " + policy.stateCount() + " states and "
                    + policy.actionCount() + " actions does not fit the model's " + model.stateCount()
                    + " states and " + model.actionCount() + " actions");
        }
        int actions = model.actionCount();
        double[] table = new double[model.stateCount() * actions];
        for (int s = 0; s < model.stateCount(); s++) {
            for (int a = 0; a < policy.actionCount(); a++) {
                table[s * actions + a] = policy.probability(s, a);
            }
        }
        return table;
    }

    static boolean[][] support(double[] policyTable, TabularModel model) {
        int actions = model.actionCount();
        boolean[][] allowed = new boolean[model.stateCount()][actions];
        for (int s = 0; s < allowed.length; s++) {
            for (int a = 0; a < actions; a++) {
                allowed[s][a] = policyTable[s * actions + a] > 0;
            }
        }
        return allowed;
    }
}
