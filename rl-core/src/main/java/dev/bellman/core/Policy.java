package dev.bellman.core;

import java.util.random.RandomGenerator;

/**
 * A rule for choosing actions: deterministic or stochastic.
 *
 * @param <O> the observation type
 * @param <A> the action type
 */
@FunctionalInterface
public interface Policy<O, A> {

    /**
     * Chooses an action for {@code observation}.
     *
     * @param observation the current observation
     * @param rng         the source of randomness for stochastic policies; deterministic ones ignore it
     * @return the chosen action
     */
    A act(O observation, RandomGenerator rng);
}
