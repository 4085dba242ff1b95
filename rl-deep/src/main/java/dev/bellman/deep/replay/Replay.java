package dev.bellman.deep.replay;

import dev.bellman.core.checkpoint.Checkpointable;

import java.util.random.RandomGenerator;

/**
 * What a learner needs of an experience replay, uniform ({@link ReplayBuffer}) or prioritized
 * ({@link PrioritizedReplayBuffer}), so that it can use either. Its {@link Checkpointable} state
 * is everything stored and pending, so that sampling after a resume draws the same transitions.
 */
public interface Replay extends Checkpointable {

    /**
     * Adds one step with a discrete action; see {@link ReplayBuffer#add(double[], int, double, double[], boolean, boolean)}.
     */
    void add(double[] observation, int action, double reward, double[] nextObservation, boolean terminated,
             boolean truncated);

    /**
     * Adds one step with a continuous action; see {@link ReplayBuffer#add(double[], double[], double, double[], boolean, boolean)}.
     */
    void add(double[] observation, double[] action, double reward, double[] nextObservation, boolean terminated,
             boolean truncated);

    /** Ends the current episode as a truncation, storing any pending n-step tails. */
    void endEpisode();

    /**
     * Fills {@code out} with sampled transitions and their importance weights.
     *
     * @throws IllegalArgumentException if the batch is larger than {@link #size()}
     */
    void sample(Batch out, RandomGenerator rng);

    /**
     * Reports the TD errors of the transitions last sampled, by their indices. Uniform replay
     * ignores them.
     */
    default void updatePriorities(int[] indices, double[] tdErrors) {
    }

    /** Sets the importance-sampling exponent β in {@code [0, 1]}; uniform replay ignores it. */
    default void setBeta(double beta) {
    }

    /** @return the number of transitions held */
    int size();
}
