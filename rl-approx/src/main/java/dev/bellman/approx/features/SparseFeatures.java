package dev.bellman.approx.features;

import java.util.Arrays;

/**
 * Binary features with a fixed number of active entries: φ(s) has exactly {@link #activeCount()}
 * ones, at distinct indices, and zeros elsewhere. (The one exception: a {@link TileCoder} whose
 * {@link IndexHashTable} is full may give a repeated index, as {@code tiles3} does; the dense form
 * is then the sum of the unit vectors at the active indices, so that {@code φ(s)ᵀw} still equals the
 * sum of the weights at the indices.) Learners use the indices directly, so that an
 * update costs {@code activeCount()} operations instead of {@code dimension()}.
 *
 * @param <O> the observation type
 */
public interface SparseFeatures<O> extends Features<O> {

    /** @return the number of active (value 1) features of every observation, at least 1 */
    int activeCount();

    /**
     * Writes the indices of the active features of {@code observation} into
     * {@code out[0, activeCount())}; they lie in {@code [0, dimension())} and are distinct (but see
     * the class comment on full tile-coding tables).
     *
     * @param observation the observation
     * @param out         the buffer, of length at least {@link #activeCount()}
     * @throws IllegalArgumentException if {@code out} is null or shorter than {@link #activeCount()},
     *                                  or the observation is invalid (see {@link Features#write})
     */
    void activeIndices(O observation, int[] out);

    /**
     * Writes the dense form: zeros, then 1 added at each active index. This default allocates an
     * index buffer on each call; the implementations in this package override it without
     * allocating, and {@link #write(Object, double[], int[])} never allocates.
     */
    @Override
    default void write(O observation, double[] out) {
        write(observation, out, new int[activeCount()]);
    }

    /**
     * Writes the dense form using {@code indexBuffer} for the active indices: allocation-free.
     *
     * @param observation the observation
     * @param out         the dense buffer, of length at least {@link #dimension()}
     * @param indexBuffer scratch for the indices, of length at least {@link #activeCount()}
     * @throws IllegalArgumentException if a buffer is null or too short, or the observation is invalid
     */
    default void write(O observation, double[] out, int[] indexBuffer) {
        Checks.buffer(out, dimension(), "out");
        activeIndices(observation, indexBuffer);
        Arrays.fill(out, 0, dimension(), 0.0);
        for (int i = 0, n = activeCount(); i < n; i++) {
            out[indexBuffer[i]] += 1.0;
        }
    }
}
