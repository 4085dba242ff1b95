package dev.bellman.core;

import java.util.List;

/**
 * An environment that can start an episode in a chosen state, as Monte Carlo with exploring starts
 * (Sutton &amp; Barto Sec. 5.3) and Zhao's MC Basic need: every state-action pair must be able to
 * begin an episode.
 *
 * @param <O> the observation type
 */
public interface ExploringStarts<O> {

    /** @return the states an episode may start in: every non-terminal state the agent can occupy */
    List<O> startStates();

    /**
     * Starts a new episode in {@code state}, continuing the environment's random stream (seeded by
     * an earlier {@code reset(seed)}).
     *
     * @param state one of {@link #startStates()}
     * @return the first observation, which describes {@code state}
     * @throws IllegalArgumentException if {@code state} is not a start state
     */
    O resetTo(O state);
}
