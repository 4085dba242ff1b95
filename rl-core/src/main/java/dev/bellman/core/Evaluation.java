package dev.bellman.core;

import java.util.SplittableRandom;

/**
 * The returns of a policy run for whole episodes without learning, as Stable-Baselines3's
 * {@code evaluate_policy}: how a learned (usually greedy) policy is judged.
 *
 * @param returns the undiscounted return of each episode, in order
 * @param lengths the length of each episode in steps, in order
 */
public record Evaluation(double[] returns, long[] lengths) {

    /**
     * Runs {@code episodes} episodes. Episode {@code i} starts from {@code reset(seed + i)}, so an
     * evaluation is repeatable and independent of the training's own resets; the policy's random
     * choices draw from a generator seeded with {@code seed}.
     *
     * @param env       the environment, usually with its time limit
     * @param policy    the policy to run
     * @param episodes  the number of episodes, at least 1
     * @param seed      the seed of the first episode's reset and of the policy's generator
     * @param maxLength a safety cut for environments without a time limit; an episode reaching it
     *                  counts as it stands
     * @param <O>       the observation type
     * @param <A>       the action type
     * @return the returns and lengths
     * @throws IllegalArgumentException if {@code episodes < 1}, {@code maxLength < 1} or an argument is null
     */
    public static <O, A> Evaluation run(Environment<O, A> env, Policy<O, A> policy, int episodes, long seed, long maxLength) {
        if (env == null || policy == null) {
            throw new IllegalArgumentException("environment and policy must not be null");
        }
        if (episodes < 1 || maxLength < 1) {
            throw new IllegalArgumentException("episodes " + episodes + " and maxLength " + maxLength + " must be at least 1");
        }
        double[] returns = new double[episodes];
        long[] lengths = new long[episodes];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < episodes; i++) {
            O observation = env.reset(seed + i);
            double total = 0;
            long length = 0;
            while (length < maxLength) {
                Step<O> step = env.step(policy.act(observation, rng));
                total += step.reward();
                length++;
                observation = step.observation();
                if (step.done()) {
                    break;
                }
            }
            returns[i] = total;
            lengths[i] = length;
        }
        return new Evaluation(returns, lengths);
    }

    /** @return the mean return */
    public double meanReturn() {
        double sum = 0;
        for (double r : returns) {
            sum += r;
        }
        return sum / returns.length;
    }

    /** @return the sample standard deviation of the returns (0 for one episode) */
    public double standardDeviation() {
        if (returns.length < 2) {
            return 0;
        }
        double mean = meanReturn();
        double squares = 0;
        for (double r : returns) {
            squares += (r - mean) * (r - mean);
        }
        return Math.sqrt(squares / (returns.length - 1));
    }

    /** @return the mean episode length in steps */
    public double meanLength() {
        double sum = 0;
        for (long l : lengths) {
            sum += l;
        }
        return sum / lengths.length;
    }
}
