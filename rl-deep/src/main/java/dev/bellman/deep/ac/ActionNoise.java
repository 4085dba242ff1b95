package dev.bellman.deep.ac;

import java.util.random.RandomGenerator;

/**
 * Exploration noise added to a deterministic policy's scaled action (in [−1, 1] units) before the
 * sum is clipped back into [−1, 1]. Not thread-safe: a noise process has state.
 */
public interface ActionNoise {

    /** @return the number of action dimensions the noise covers */
    int dimension();

    /**
     * Writes the next noise sample.
     *
     * @param out receives one value per action dimension
     * @param rng the source of randomness
     * @throws IllegalArgumentException if {@code out}'s length differs from {@link #dimension()}
     */
    void sample(double[] out, RandomGenerator rng);

    /** Starts the process afresh; called at the start of every episode. */
    void reset();
}
