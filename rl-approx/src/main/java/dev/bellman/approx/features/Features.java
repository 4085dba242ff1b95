package dev.bellman.approx.features;

/**
 * A feature map φ from observations to vectors of {@link #dimension()} real numbers, the input of
 * a linear value function {@code v̂(s, w) = φ(s)ᵀw}.
 *
 * <p>{@link #write} fills a buffer the caller owns, so that evaluating features in a learning loop
 * allocates nothing.
 *
 * @param <O> the observation type
 */
public interface Features<O> {

    /** @return the number of features, at least 1 */
    int dimension();

    /**
     * Overwrites {@code out[0, dimension())} with φ(observation); entries at and beyond
     * {@link #dimension()} are left untouched.
     *
     * @param observation the observation
     * @param out         the buffer, of length at least {@link #dimension()}
     * @throws IllegalArgumentException if {@code out} is null or shorter than {@link #dimension()},
     *                                  or the observation is null, NaN, of the wrong dimension or
     *                                  outside the declared bounds
     */
    void write(O observation, double[] out);
}
