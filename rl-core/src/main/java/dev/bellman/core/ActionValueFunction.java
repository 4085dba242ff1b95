package dev.bellman.core;

/**
 * An estimate of the action-value function {@code q(s, a)}: the expected discounted return after
 * taking an action in a state.
 *
 * @param <O> the observation type
 * @param <A> the action type
 */
@FunctionalInterface
public interface ActionValueFunction<O, A> {

    /**
     * @param observation the state
     * @param action      the action
     * @return the estimated value of taking {@code action} in {@code observation}
     */
    double value(O observation, A action);
}
