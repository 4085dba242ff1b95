package dev.bellman.core;

import dev.bellman.core.random.SplitMixRandom;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The training loop every model-free learner shares: reset, act, step, update, repeat until the
 * budget is spent, with listeners told of each step and episode. A subclass supplies only what is its
 * own: {@link #act}, {@link #update} and, if it learns from whole episodes, {@link #endEpisode}.
 *
 * <p>Randomness: the learner's own stream is derived from its seed (split off, so that it is
 * independent of an environment seeded with the same number); the environment is reset with the
 * seed on the learner's first episode and continues its own stream after that. So the same seed,
 * environment and settings give the same numbers.
 *
 * <p>Episodes end when the environment terminates or truncates them, or after
 * {@code maxEpisodeLength} steps, which counts as a truncation (bootstrap from the last
 * observation): continuing tasks such as Zhao's grid world need such a limit. When a step budget runs
 * out in the middle of an episode, the episode is abandoned: it is not reported, and
 * {@link #endEpisode} is not called for it.
 *
 * @param <O> the observation type
 * @param <A> the action type
 */
public abstract class EpisodicLearner<O, A> implements Learner<O, A> {

    private final long seed;
    private final long maxEpisodeLength;
    private final SplitMixRandom rng;
    private final List<TrainingListener> listeners = new ArrayList<>();
    private boolean environmentSeeded;
    private long totalSteps;
    private long totalEpisodes;

    /**
     * @param seed             the seed of the learner's random stream and of the environment's first reset
     * @param maxEpisodeLength the longest episode before it is truncated, or 0 for no limit
     * @throws IllegalArgumentException if {@code maxEpisodeLength} is negative
     */
    protected EpisodicLearner(long seed, long maxEpisodeLength) {
        if (maxEpisodeLength < 0) {
            throw new IllegalArgumentException("maxEpisodeLength " + maxEpisodeLength + " is negative; expected 0 (no limit) or more");
        }
        this.seed = seed;
        this.maxEpisodeLength = maxEpisodeLength;
        // split(): environments seed their own SplittableRandom with the same seed on the first reset;
        // without it the learner's k-th draw would equal the environment's k-th draw (exploration in
        // lockstep with the dynamics).
        this.rng = new SplitMixRandom(seed).split();
    }

    /** @return the seed this learner was built with */
    public final long seed() {
        return seed;
    }

    /**
     * @return the learner's random stream, for its action choices: {@link java.util.SplittableRandom}'s
     *         stream, in a generator whose state a checkpoint can save
     */
    protected final SplitMixRandom random() {
        return rng;
    }

    /** @return the environment steps taken over every call of {@link #train} */
    public final long totalSteps() {
        return totalSteps;
    }

    /** @return the episodes finished over every call of {@link #train} */
    public final long totalEpisodes() {
        return totalEpisodes;
    }

    @Override
    public final void addListener(TrainingListener listener) {
        if (listener == null) {
            throw new IllegalArgumentException("listener must not be null");
        }
        listeners.add(listener);
    }

    /** Passes metrics of an update to the listeners. */
    protected final void reportMetrics(Map<String, Double> metrics) {
        for (TrainingListener listener : listeners) {
            listener.onUpdate(totalSteps, metrics);
        }
    }

    /**
     * @throws IllegalArgumentException if the environment's spaces do not fit the learner
     */
    @Override
    public final TrainingReport train(Environment<O, A> env, Budget budget) {
        if (env == null || budget == null) {
            throw new IllegalArgumentException("environment and budget must not be null");
        }
        prepare(env);
        long start = System.nanoTime();
        long stepsAtStart = totalSteps;
        long stepsThisCall = 0;
        long episodesThisCall = 0;
        double[] returns = new double[16];
        long[] lengths = new long[16];
        boolean stop = false;
        while (!stop && !isFinished() && !budget.isExhausted(stepsThisCall, episodesThisCall)) {
            O observation = startEpisode(env, !environmentSeeded);
            environmentSeeded = true;
            beginEpisode(observation);
            double episodeReturn = 0;
            long length = 0;
            boolean finished = false;
            while (true) {
                A action = act(observation);
                Step<O> step = env.step(action);
                totalSteps++;
                stepsThisCall++;
                length++;
                episodeReturn += step.reward();
                boolean truncated = step.truncated() || (!step.terminated() && maxEpisodeLength > 0 && length >= maxEpisodeLength);
                update(observation, action, step.reward(), step.observation(), step.terminated(), truncated);
                for (TrainingListener listener : listeners) {
                    listener.onStep(totalSteps, step.reward());
                }
                observation = step.observation();
                if (step.terminated() || truncated) {
                    finished = true;
                    break;
                }
                if (budget.unit() == Budget.Unit.STEPS && budget.isExhausted(stepsThisCall, episodesThisCall)) {
                    break;
                }
            }
            if (!finished) {
                break;
            }
            endEpisode();
            if (episodesThisCall == returns.length) {
                returns = Arrays.copyOf(returns, returns.length * 2);
                lengths = Arrays.copyOf(lengths, lengths.length * 2);
            }
            returns[(int) episodesThisCall] = episodeReturn;
            lengths[(int) episodesThisCall] = length;
            episodesThisCall++;
            for (TrainingListener listener : listeners) {
                listener.onEpisodeEnd(totalEpisodes, episodeReturn, length, totalSteps);
            }
            totalEpisodes++;
            for (TrainingListener listener : listeners) {
                stop |= listener.shouldStop();
            }
        }
        return new TrainingReport(Arrays.copyOf(returns, (int) episodesThisCall), Arrays.copyOf(lengths, (int) episodesThisCall),
                totalSteps - stepsAtStart, Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * Checks the environment's spaces and sizes the learner's tables; called at the start of every
     * {@link #train} call.
     *
     * @throws IllegalArgumentException if the spaces do not fit the learner
     */
    protected abstract void prepare(Environment<O, A> env);

    /**
     * Resets the environment for a new episode: {@code reset(seed)} the first time, {@code reset()}
     * after. Learners with exploring starts override it to choose the start state.
     *
     * @param first {@code true} for the learner's first episode, when the environment must be seeded
     * @return the first observation
     */
    protected O startEpisode(Environment<O, A> env, boolean first) {
        return first ? env.reset(seed) : env.reset();
    }

    /**
     * Whether the learner has nothing left to learn (for example a policy iteration whose policy is
     * stable); checked before each episode. The default is {@code false}: train until the budget.
     */
    protected boolean isFinished() {
        return false;
    }

    /** Called with the first observation of each episode; the default does nothing. */
    protected void beginEpisode(O observation) {
    }

    /** Chooses the action to take in {@code observation} during training (the behaviour policy). */
    protected abstract A act(O observation);

    /**
     * Learns from one transition.
     *
     * @param terminated the next observation is terminal: its value is 0
     * @param truncated  the episode was cut off: the next observation still has its value
     */
    protected abstract void update(O observation, A action, double reward, O next, boolean terminated, boolean truncated);

    /** Called after the last {@link #update} of each finished episode; the default does nothing. */
    protected void endEpisode() {
    }
}
