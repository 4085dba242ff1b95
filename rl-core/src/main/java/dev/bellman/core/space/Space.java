package dev.bellman.core.space;

import java.util.random.RandomGenerator;

/**
 * A set of observations or actions, as Gymnasium's {@code Space}: it can draw a member at random and
 * tell whether a value belongs to it.
 *
 * @param <T> the type of the members
 */
public interface Space<T> {

    /**
     * Draws a member uniformly at random (for unbounded dimensions, from a distribution that covers
     * the whole line; see the implementation).
     *
     * @param rng the source of randomness; the same generator state gives the same member
     * @return a member of this space
     */
    T sample(RandomGenerator rng);

    /**
     * Tells whether {@code value} is a member of this space.
     *
     * @param value any value, possibly {@code null}
     * @return {@code true} exactly when {@code value} belongs to this space; never throws
     */
    boolean contains(T value);
}
