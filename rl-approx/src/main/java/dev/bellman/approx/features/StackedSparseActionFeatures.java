package dev.bellman.approx.features;

import java.util.Arrays;

/** Sparse state features stacked per action: the indices of φ(s) offset by {@code a * base.dimension()}. */
final class StackedSparseActionFeatures<O> implements SparseActionFeatures<O> {

    private final SparseFeatures<O> base;
    private final int actionCount;
    private final int blockSize;
    private final int dimension;
    private final int activeCount;

    StackedSparseActionFeatures(SparseFeatures<O> base, int actionCount) {
        this.base = Checks.notNull(base, "base features");
        this.actionCount = Checks.positive(actionCount, "actionCount");
        this.blockSize = base.dimension();
        this.activeCount = base.activeCount();
        this.dimension = Checks.product(actionCount, blockSize, "stacked dimension actionCount x base dimension");
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public int actionCount() {
        return actionCount;
    }

    @Override
    public int activeCount() {
        return activeCount;
    }

    @Override
    public void activeIndices(O observation, int action, int[] out) {
        Checks.buffer(out, activeCount, "out");
        Checks.action(action, actionCount);
        base.activeIndices(observation, out);
        int offset = action * blockSize;
        for (int i = 0; i < activeCount; i++) {
            out[i] += offset;
        }
    }

    @Override
    public void write(O observation, int action, double[] out) {
        Checks.buffer(out, dimension, "out");
        Checks.action(action, actionCount);
        // Same layout as the dense stacking, and allocation-free whatever the base does.
        base.write(observation, out);
        int start = action * blockSize;
        if (action != 0) {
            System.arraycopy(out, 0, out, start, blockSize);
            Arrays.fill(out, 0, start, 0.0);
        }
        Arrays.fill(out, start + blockSize, dimension, 0.0);
    }

    @Override
    public String toString() {
        return "StackedSparseActionFeatures[" + actionCount + " actions x " + base + "]";
    }
}
