package dev.bellman.tabular.dp;

import dev.bellman.core.CompactModel;
import dev.bellman.core.FiniteMdp;

import java.util.Objects;

/**
 * Prioritized sweeping for planning (Moore &amp; Atkeson 1993; Sutton &amp; Barto Sec. 8.4) over a
 * {@link CompactModel}: instead of sweeping, it repeatedly backs up the state whose value is most
 * wrong, until no state can be wrong by {@code tolerance} or more.
 *
 * <p>Each state carries a priority that bounds its Bellman residual {@code |(T v)(s) − v(s)|}: at
 * the start the residual itself; after a backup of s, 0 for s, and each predecessor p of s gains
 * {@code γ · p(s | p, a) · |Δv(s)|}, the most its residual can have grown. The state of highest
 * priority is backed up next (an indexed binary heap), so when the highest priority falls below
 * {@code tolerance}, {@code ‖T v − v‖ < tolerance} and {@code ‖v − v*‖ < tolerance / (1 − γ)}.
 * Starting from {@code min(0, min r) / (1 − γ)} (a lower bound of {@code v*}), the values near a goal rise
 * first and the wave moves outwards: in the zig-zag shortest-path task each state is backed up
 * about twice (once when the wave reaches it, once more, without change, because the priorities
 * are upper bounds), and far states whose values are already within the tolerance are never touched.
 *
 * <p>Memory beyond the model: the reverse graph (4 bytes per outcome, 8 with probabilities) and
 * 16 bytes per state. One thread. Needs γ &lt; 1. Immutable.
 */
public final class PrioritizedSweeping {

    private final double gamma;
    private final double tolerance;
    private final long maxBackups;

    /**
     * @param gamma     the discount factor in [0, 1)
     * @param tolerance the bound on every state's Bellman residual at the end, {@code > 0}
     * @throws IllegalArgumentException if gamma is outside [0, 1) or the tolerance is not positive
     */
    public PrioritizedSweeping(double gamma, double tolerance) {
        this(gamma, tolerance, Long.MAX_VALUE);
    }

    private PrioritizedSweeping(double gamma, double tolerance, long maxBackups) {
        this.gamma = LargeModelSettings.requireDiscounted(gamma);
        this.tolerance = PlannerSettings.requireTolerance(tolerance);
        if (maxBackups < 0) {
            throw new IllegalArgumentException("maxBackups " + maxBackups + " must be >= 0");
        }
        this.maxBackups = maxBackups;
    }

    /**
     * @param maxStateBackups the most state backups before stopping unconverged, {@code >= 0}
     * @return a copy with that limit
     * @throws IllegalArgumentException if {@code maxStateBackups < 0}
     */
    public PrioritizedSweeping withMaxStateBackups(long maxStateBackups) {
        return new PrioritizedSweeping(gamma, tolerance, maxStateBackups);
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
     * @return the values; {@link PlanningResult#iterations()} is the number of state backups and
     *         {@link PlanningResult#residuals()} holds one entry, the highest priority at the end
     * @throws NullPointerException if {@code model} is null
     */
    public PlanningResult solve(CompactModel model) {
        Objects.requireNonNull(model, "model");
        int states = model.stateCount();
        double[] values = LargeModelSettings.initialValues(model, gamma);
        LargeModelSweeps.Predecessors predecessors = LargeModelSweeps.Predecessors.of(model, true);
        double[] priority = new double[states];
        for (int s = 0; s < states; s++) {
            if (!model.isTerminal(s)) {
                priority[s] = Math.abs(model.optimalBackup(s, gamma, values) - values[s]);
            }
        }
        long pairBackups = 0;
        for (int s = 0; s < states; s++) {
            pairBackups += model.isTerminal(s) ? 0 : model.actionCount();
        }
        IndexedMaxHeap heap = new IndexedMaxHeap(priority);
        long stateBackups = 0;
        while (!heap.isEmpty() && priority[heap.top()] >= tolerance && stateBackups < maxBackups) {
            int s = heap.top();
            double updated = model.optimalBackup(s, gamma, values);
            double change = Math.abs(updated - values[s]);
            values[s] = updated;
            stateBackups++;
            pairBackups += model.actionCount();
            priority[s] = 0;
            heap.changed(s);
            if (change == 0) {
                continue;
            }
            for (int e = predecessors.start[s]; e < predecessors.start[s + 1]; e++) {
                int p = predecessors.source[e];
                double weight = predecessors.weight == null ? 1.0 : predecessors.weight[e];
                priority[p] += gamma * weight * change;
                heap.changed(p);
            }
        }
        double highest = heap.isEmpty() ? 0 : priority[heap.top()];
        boolean converged = highest < tolerance;
        // The priorities bound the residual; the residual of the returned values may be smaller still.
        double residual = 0;
        for (int s = 0; s < states; s++) {
            residual = Math.max(residual, Math.abs(model.optimalBackup(s, gamma, values) - values[s]));
        }
        return PlanningResult.lazy(model, gamma, values, (int) Math.min(Integer.MAX_VALUE, stateBackups),
                new double[] {highest}, converged, residual / (1 - gamma), pairBackups);
    }

    /**
     * A binary max-heap of every state keyed by {@code priority[state]}, with each state's position
     * kept so that a changed priority moves its state in {@code O(log n)}.
     */
    static final class IndexedMaxHeap {
        private final double[] key;
        private final int[] heap;
        private final int[] position;

        IndexedMaxHeap(double[] key) {
            this.key = key;
            int n = key.length;
            heap = new int[n];
            position = new int[n];
            for (int i = 0; i < n; i++) {
                heap[i] = i;
                position[i] = i;
            }
            for (int i = n / 2 - 1; i >= 0; i--) {
                down(i);
            }
        }

        boolean isEmpty() {
            return heap.length == 0;
        }

        int top() {
            return heap[0];
        }

        /** Restores the heap after {@code key[item]} changed either way. */
        void changed(int item) {
            int i = position[item];
            if (i > 0 && key[heap[(i - 1) / 2]] < key[item]) {
                up(i);
            } else {
                down(i);
            }
        }

        private void up(int i) {
            int item = heap[i];
            double value = key[item];
            while (i > 0) {
                int parent = (i - 1) / 2;
                if (key[heap[parent]] >= value) {
                    break;
                }
                move(heap[parent], i);
                i = parent;
            }
            move(item, i);
        }

        private void down(int i) {
            int n = heap.length;
            int item = heap[i];
            double value = key[item];
            while (true) {
                int child = 2 * i + 1;
                if (child >= n) {
                    break;
                }
                if (child + 1 < n && key[heap[child + 1]] > key[heap[child]]) {
                    child++;
                }
                if (key[heap[child]] <= value) {
                    break;
                }
                move(heap[child], i);
                i = child;
            }
            move(item, i);
        }

        private void move(int item, int i) {
            heap[i] = item;
            position[item] = i;
        }
    }
}
