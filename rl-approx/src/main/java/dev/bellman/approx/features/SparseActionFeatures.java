package dev.bellman.approx.features;

import java.util.Arrays;

/**
 * Binary action features with a fixed number of active entries (see {@link SparseFeatures}, also
 * for the one case where indices may repeat).
 *
 * @param <O> the observation type
 */
public interface SparseActionFeatures<O> extends ActionFeatures<O> {

    /** @return the number of active (value 1) features of every pair, at least 1 */
    int activeCount();

    /**
     * Writes the indices of the active features of (observation, action) into
     * {@code out[0, activeCount())}; they are distinct and lie in {@code [0, dimension())}.
     *
     * @param observation the observation
     * @param action      the action, in {@code [0, actionCount())}
     * @param out         the buffer, of length at least {@link #activeCount()}
     * @throws IllegalArgumentException if {@code out} is null or too short, the action is out of
     *                                  range, or the observation is invalid
     */
    void activeIndices(O observation, int action, int[] out);

    /**
     * Writes the dense form: zeros, then 1 added at each active index. This default allocates an
     * index buffer on each call; {@link #write(Object, int, double[], int[])} does not.
     */
    @Override
    default void write(O observation, int action, double[] out) {
        write(observation, action, out, new int[activeCount()]);
    }

    /**
     * Writes the dense form using {@code indexBuffer} for the active indices: allocation-free.
     *
     * @param observation the observation
     * @param action      the action, in {@code [0, actionCount())}
     * @param out         the dense buffer, of length at least {@link #dimension()}
     * @param indexBuffer scratch for the indices, of length at least {@link #activeCount()}
     * @throws IllegalArgumentException if a buffer is null or too short, the action is out of range,
     *                                  or the observation is invalid
     */
    default void write(O observation, int action, double[] out, int[] indexBuffer) {
        Checks.buffer(out, dimension(), "out");
        activeIndices(observation, action, indexBuffer);
        Arrays.fill(out, 0, dimension(), 0.0);
        for (int i = 0, n = activeCount(); i < n; i++) {
            out[indexBuffer[i]] += 1.0;
        }
    }

    /**
     * Stacks sparse state features per action: the active indices of (s, a) are those of s offset
     * by {@code a * base.dimension()}.
     *
     * @param base        the state features
     * @param actionCount the number of actions, at least 1
     * @param <O>         the observation type
     * @return the stacked features, of dimension {@code actionCount * base.dimension()} and
     *         {@code base.activeCount()} active entries
     * @throws IllegalArgumentException if {@code base} is null, {@code actionCount < 1}, or the
     *                                  stacked dimension exceeds {@link Integer#MAX_VALUE}
     */
    static <O> SparseActionFeatures<O> stack(SparseFeatures<O> base, int actionCount) {
        return new StackedSparseActionFeatures<>(base, actionCount);
    }
}
