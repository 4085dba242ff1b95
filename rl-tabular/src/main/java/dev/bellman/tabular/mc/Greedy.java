package dev.bellman.tabular.mc;

import dev.bellman.core.TabularActionValues;

/** The deterministic greedy choice the Monte Carlo control methods improve their policies with. */
final class Greedy {

    private Greedy() {
    }

    /**
     * @return the action of highest value in {@code q} for {@code state} (row-major, {@code actionCount}
     *         actions per state), ties within {@link TabularActionValues#TIE_TOLERANCE} going to the
     *         lowest index, as {@link dev.bellman.core.TabularPolicy#greedy} breaks them
     */
    static int action(double[] q, int state, int actionCount) {
        int row = state * actionCount;
        double best = q[row];
        for (int a = 1; a < actionCount; a++) {
            best = Math.max(best, q[row + a]);
        }
        for (int a = 0; a < actionCount; a++) {
            if (q[row + a] >= best - TabularActionValues.TIE_TOLERANCE) {
                return a;
            }
        }
        throw new IllegalStateException("state " + state + " has a NaN action value");
    }
}
