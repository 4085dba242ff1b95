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
     *
     * @param observation     the observation the action was taken in, of length {@code observationSize}
     * @param action          the action index, at least 0
     * @param reward          the reward received, finite and within float32 range
     * @param nextObservation the observation after the step (for a truncated episode, its final observation,
     *                        not the reset observation), of length {@code observationSize}
     * @param terminated      the episode reached a terminal state: no bootstrap from {@code nextObservation}
     * @param truncated       the episode was cut off (time limit) without terminating: bootstrap kept, episode ends
     */
    void add(double[] observation, int action, double reward, double[] nextObservation, boolean terminated,
             boolean truncated);

    /**
     * Adds one step with a continuous action; see {@link ReplayBuffer#add(double[], double[], double, double[], boolean, boolean)}.
     *
     * @param observation     the observation the action was taken in, of length {@code observationSize}
     * @param action          the action vector, of length {@code actionSize}, finite in float32
     * @param reward          the reward received, finite and within float32 range
     * @param nextObservation the observation after the step (for a truncated episode, its final observation,
     *                        not the reset observation), of length {@code observationSize}
     * @param terminated      the episode reached a terminal state: no bootstrap from {@code nextObservation}
     * @param truncated       the episode was cut off (time limit) without terminating: bootstrap kept, episode ends
     */
    void add(double[] observation, double[] action, double reward, double[] nextObservation, boolean terminated,
             boolean truncated);

    /** Ends the current episode as a truncation, storing any pending n-step tails. */
    void endEpisode();

    /**
     * Fills {@code out} with sampled transitions and their importance weights.
     *
     * @param out the batch to fill; its size is the number of transitions sampled
     * @param rng the generator the sample is drawn from
     * @throws IllegalArgumentException if the batch is larger than {@link #size()}
     */
    void sample(Batch out, RandomGenerator rng);

    /**
     * Reports the TD errors of the transitions last sampled, by their indices. Uniform replay
     * ignores them.
     *
     * @param indices  storage indices, as in {@link Batch#indices()}, each in {@code [0, size())}
     * @param tdErrors the TD error of each, finite, same length as {@code indices}
     */
    default void updatePriorities(int[] indices, double[] tdErrors) {
    }

    /**
     * Sets the importance-sampling exponent β in {@code [0, 1]}; uniform replay ignores it.
     *
     * @param beta the importance-sampling exponent β, in {@code [0, 1]}; 1 corrects the sampling bias fully
     */
    default void setBeta(double beta) {
    }

    /** @return the number of transitions held */
    int size();
}
