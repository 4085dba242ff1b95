package dev.bellman.core;

import java.util.Map;

/**
 * Callbacks a {@link Learner} makes while it trains: after each environment step, after each update
 * that produces metrics, and at the end of each episode. Every method has an empty default, so a
 * listener overrides only what it needs. Listeners run on the training thread and should be quick.
 */
public interface TrainingListener {

    /**
     * After each environment step.
     *
     * @param totalSteps the steps taken so far in this run, including this one
     * @param reward     the reward of this step
     */
    default void onStep(long totalSteps, double reward) {
    }

    /**
     * After an update that produced metrics (losses, TD errors, value estimates).
     *
     * @param totalSteps the steps taken so far
     * @param metrics    metric name to value, e.g. {@code "tdError"}
     */
    default void onUpdate(long totalSteps, Map<String, Double> metrics) {
    }

    /**
     * At the end of each episode (terminated or truncated).
     *
     * @param episode       the index of the finished episode, from 0
     * @param episodeReturn its undiscounted return
     * @param length        its number of steps
     * @param totalSteps    the steps taken so far
     */
    default void onEpisodeEnd(long episode, double episodeReturn, long length, long totalSteps) {
    }

    /**
     * Asked after each episode: a listener that returns {@code true} ends training early (for
     * example once a return threshold is reached).
     *
     * @return {@code false} unless overridden
     */
    default boolean shouldStop() {
        return false;
    }
}
