package dev.bellman.approx.features;

import java.util.Arrays;

/** Dense state features stacked per action: block {@code a} of x(s, a) holds φ(s), the others are zero. */
class StackedActionFeatures<O> implements ActionFeatures<O> {

    private final Features<O> base;
    private final int actionCount;
    /** The dimension of the base features: block {@code a} starts at {@code a * blockSize}. */
    final int blockSize;
    private final int dimension;

    StackedActionFeatures(Features<O> base, int actionCount) {
        this.base = Checks.notNull(base, "base features");
        this.actionCount = Checks.positive(actionCount, "actionCount");
        this.blockSize = base.dimension();
        this.dimension = Checks.product(actionCount, blockSize, "stacked dimension actionCount x base dimension");
    }

    /** @return the state features stacked per action */
    final Features<O> base() {
        return base;
    }

    @Override
    public final int dimension() {
        return dimension;
    }

    @Override
    public final int actionCount() {
        return actionCount;
    }

    /** Writes the dense form; allocation-free whatever the base does. */
    @Override
    public final void write(O observation, int action, double[] out) {
        Checks.buffer(out, dimension, "out");
        Checks.action(action, actionCount);
        // φ(s) goes to block 0 first, so that no scratch buffer is needed, then moves to block a.
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
        return getClass().getSimpleName() + "[" + actionCount + " actions x " + base + "]";
    }
}
