package dev.bellman.core;

import java.util.Map;

/**
 * The outcome of one {@link Environment#step}, with Gymnasium's semantics.
 *
 * @param observation the observation after the step
 * @param reward      the reward of the step
 * @param terminated  {@code true} if the MDP reached a terminal state: bootstrap with 0
 * @param truncated   {@code true} if a time limit cut the episode: bootstrap from {@code observation}
 * @param info        diagnostic extras; never {@code null} (an empty map if none)
 * @param <O>         the observation type
 */
public record Step<O>(O observation, double reward, boolean terminated, boolean truncated,
                      Map<String, Object> info) {

    /**
     * Replaces a {@code null} info by an empty map and copies the given one.
     *
     * @param observation the observation after the step
     * @param reward      the reward of the step
     * @param terminated  {@code true} if the MDP reached a terminal state: bootstrap with 0
     * @param truncated   {@code true} if a time limit cut the episode: bootstrap from {@code observation}
     * @param info        diagnostic extras, or {@code null} for none
     */
    public Step {
        info = info == null ? Map.of() : Map.copyOf(info);
    }

    /**
     * A step with no info.
     *
     * @param observation the observation after the step
     * @param reward      the reward of the step
     * @param terminated  {@code true} if the MDP reached a terminal state: bootstrap with 0
     * @param truncated   {@code true} if a time limit cut the episode: bootstrap from {@code observation}
     */
    public Step(O observation, double reward, boolean terminated, boolean truncated) {
        this(observation, reward, terminated, truncated, Map.of());
    }

    /** @return {@code true} if the episode ended, by termination or truncation */
    public boolean done() {
        return terminated || truncated;
    }
}
