package dev.bellman.examples;

import dev.bellman.core.Environment;
import dev.bellman.core.Policy;
import dev.bellman.core.Step;

import java.util.SplittableRandom;

/**
 * Runs a policy for a number of whole episodes without learning and summarises their returns.
 *
 * @param returns the return of each episode, in order
 * @param lengths the length of each episode, in order
 */
record GreedyEvaluation(double[] returns, long[] lengths) {

    /**
     * Episode {@code i} starts from {@code reset(seed + i)}, so an evaluation is repeatable and
     * independent of the training's own resets; ties in the policy draw from a generator seeded
     * with {@code seed}.
     *
     * @param maxLength a safety cut for environments without a time limit; an episode reaching it counts as it stands
     */
    static <O, A> GreedyEvaluation run(Environment<O, A> env, Policy<O, A> policy, int episodes, long seed, long maxLength) {
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
        return new GreedyEvaluation(returns, lengths);
    }

    double meanReturn() {
        double sum = 0;
        for (double r : returns) {
            sum += r;
        }
        return sum / returns.length;
    }

    /** @return the sample standard deviation of the returns (0 for one episode) */
    double standardDeviation() {
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

    double meanLength() {
        double sum = 0;
        for (long l : lengths) {
            sum += l;
        }
        return sum / lengths.length;
    }
}
