package dev.bellman.tabular.dp;

import dev.bellman.core.CompactModel;

import java.util.Arrays;

/** Argument checks and starting values the planners for {@link CompactModel}s share. */
final class LargeModelSettings {

    private LargeModelSettings() {
    }

    static double requireDiscounted(double gamma) {
        if (!(gamma >= 0 && gamma < 1)) {
            throw new IllegalArgumentException("gamma " + gamma + " is outside [0, 1); these planners bound their error "
                    + "by the contraction, which needs gamma < 1 (use ValueIteration for gamma = 1)");
        }
        return gamma;
    }

    static int requireThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads " + threads + " must be at least 1");
        }
        return threads;
    }

    /** {@code min(0, min r) / (1 − γ)} for every non-terminal state, 0 for terminal ones: a lower bound of {@code v*}. */
    static double[] initialValues(CompactModel model, double gamma) {
        double[] values = new double[model.stateCount()];
        Arrays.fill(values, LargeModelSweeps.pessimisticValue(model, gamma));
        for (int s = 0; s < values.length; s++) {
            if (model.isTerminal(s)) {
                values[s] = 0;
            }
        }
        return values;
    }
}
