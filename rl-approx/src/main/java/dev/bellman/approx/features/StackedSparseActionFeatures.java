package dev.bellman.approx.features;

/** Sparse state features stacked per action: the indices of φ(s) offset by {@code a * base.dimension()}. */
final class StackedSparseActionFeatures<O> extends StackedActionFeatures<O> implements SparseActionFeatures<O> {

    private final SparseFeatures<O> base;
    private final int activeCount;

    StackedSparseActionFeatures(SparseFeatures<O> base, int actionCount) {
        super(base, actionCount);
        this.base = base;
        this.activeCount = base.activeCount();
    }

    @Override
    public int activeCount() {
        return activeCount;
    }

    @Override
    public void activeIndices(O observation, int action, int[] out) {
        Checks.buffer(out, activeCount, "out");
        Checks.action(action, actionCount());
        base.activeIndices(observation, out);
        int offset = action * blockSize;
        for (int i = 0; i < activeCount; i++) {
            out[i] += offset;
        }
    }
}
