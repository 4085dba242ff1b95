package dev.bellman.core;

/**
 * A model-free algorithm that learns from interaction with an {@link Environment}. Every learner is
 * constructed with a seed: the same seed, environment and settings give the same numbers.
 *
 * @param <O> the observation type
 * @param <A> the action type
 */
public interface Learner<O, A> {

    /**
     * Trains on {@code env} until {@code budget} is spent or a listener asks to stop. Training can be
     * continued by calling this again.
     *
     * @param env    the environment; the learner resets it
     * @param budget how many steps or episodes to train for
     * @return the returns and lengths of the episodes finished in this call
     * @throws IllegalArgumentException if the environment's spaces do not fit the learner
     */
    TrainingReport train(Environment<O, A> env, Budget budget);

    /** @return the learned greedy (or deterministic) policy */
    Policy<O, A> policy();

    /**
     * Registers a listener that is called during {@link #train}.
     *
     * @param listener the listener
     */
    void addListener(TrainingListener listener);
}
