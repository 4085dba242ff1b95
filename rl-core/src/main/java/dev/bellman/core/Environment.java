package dev.bellman.core;

import dev.bellman.core.space.Space;

/**
 * An environment an agent interacts with, in Gymnasium's form: {@code reset} starts an episode and
 * returns the first observation, {@code step} applies an action.
 *
 * <p>Contract for implementations: stepping after {@link Step#done()} without a reset is an
 * {@link IllegalStateException}; an action outside {@link #actionSpace()} (or a NaN component of a
 * continuous action) is an {@link IllegalArgumentException} whose message names the value and the
 * space. All randomness comes from the environment's own stream, seeded by {@link #reset(long)}.
 *
 * @param <O> the observation type
 * @param <A> the action type
 */
public interface Environment<O, A> extends AutoCloseable {

    /** @return the space every observation belongs to */
    Space<O> observationSpace();

    /** @return the space of legal actions */
    Space<A> actionSpace();

    /**
     * Seeds the environment's random stream with {@code seed}, then starts a new episode.
     *
     * @param seed the seed; the same seed gives the same episode start
     * @return the first observation of the episode
     * @throws IllegalArgumentException if the environment does not accept {@code seed}: the
     *                                  Gymnasium ports, like Gymnasium, take only seeds {@code >= 0}
     */
    O reset(long seed);

    /**
     * Starts a new episode, continuing the environment's random stream (seeded from a fixed default
     * if {@link #reset(long)} was never called).
     *
     * @return the first observation of the episode
     */
    O reset();

    /**
     * Applies {@code action}.
     *
     * @param action an action in {@link #actionSpace()}
     * @return the next observation, the reward, and whether the episode terminated or was truncated
     * @throws IllegalArgumentException if the action is outside the action space
     * @throws IllegalStateException    if no episode is running (never reset, or done)
     */
    Step<O> step(A action);

    /** Releases resources; the default holds none. */
    @Override
    default void close() {
    }
}
