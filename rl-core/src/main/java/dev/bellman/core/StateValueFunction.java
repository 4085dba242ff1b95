package dev.bellman.core;

/**
 * An estimate of the state-value function {@code v(s)}: the expected discounted return from a state.
 *
 * @param <O> the observation type
 */
@FunctionalInterface
public interface StateValueFunction<O> {

    /**
     * @param observation the state
     * @return the estimated value of {@code observation}
     */
    double value(O observation);
}
