package dev.bellman.core.wrappers;

import dev.bellman.core.Environment;
import dev.bellman.core.Step;
import dev.bellman.core.checkpoint.StateReader;
import dev.bellman.core.checkpoint.StateWriter;

import java.io.IOException;

/**
 * Scales rewards so that the discounted return has roughly unit variance, as Gymnasium's (1.x)
 * {@code NormalizeReward}. It keeps a discounted return {@code G}, updated on every step as
 * {@code G = G * gamma * (1 - terminated) + r}, merges {@code G} into a {@link RunningMeanStd}
 * (unless updating is switched off), and returns the reward {@code r / sqrt(var + epsilon)}, where
 * {@code var} is the running variance of {@code G}. Defaults: {@code gamma = 0.99},
 * {@code epsilon = 1e-8}. As in Gymnasium, {@code G} is reset only by a terminating step, not by
 * {@code reset}; the reward is scaled, never shifted. Since the statistics carry over from episode
 * to episode, two runs with the same seed give different rewards unless updating is switched off.
 *
 * @param <O> the observation type
 * @param <A> the action type
 */
public final class NormalizeReward<O, A> extends Wrapper<O, A> {

    private final double gamma;
    private final double epsilon;
    private final RunningMeanStd statistics = new RunningMeanStd(1);
    private final double[] buffer = new double[1];
    private double discountedReturn;
    private boolean updateRunningMean = true;

    /**
     * Normalizes with {@code gamma = 0.99} and {@code epsilon = 1e-8}.
     *
     * @param env the environment whose rewards to normalize
     */
    public NormalizeReward(Environment<O, A> env) {
        this(env, 0.99, 1e-8);
    }

    /**
     * @param env     the environment whose rewards to normalize
     * @param gamma   the discount of the return whose spread scales the rewards, in {@code [0, 1]}
     * @param epsilon added to the variance before the square root, non-negative and finite
     * @throws IllegalArgumentException if {@code gamma} is outside {@code [0, 1]} or {@code epsilon} is
     *                                  negative or not finite
     */
    public NormalizeReward(Environment<O, A> env, double gamma, double epsilon) {
        super(env);
        if (!(gamma >= 0 && gamma <= 1)) {
            throw new IllegalArgumentException("NormalizeReward gamma = " + gamma + " must be in [0, 1]");
        }
        if (!(epsilon >= 0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException("NormalizeReward epsilon = " + epsilon
                    + " must be non-negative and finite");
        }
        this.gamma = gamma;
        this.epsilon = epsilon;
    }

    /** @return the running statistics of the discounted return (live, not a copy) */
    public RunningMeanStd statistics() {
        return statistics;
    }

    /** @return the current discounted return {@code G} */
    public double discountedReturn() {
        return discountedReturn;
    }

    /**
     * @param update whether later steps update the running statistics
     */
    public void setUpdateRunningMean(boolean update) {
        this.updateRunningMean = update;
    }

    /** @return whether steps update the running statistics */
    public boolean updateRunningMean() {
        return updateRunningMean;
    }

    /** Steps the inner environment and scales its reward. */
    @Override
    public Step<O> step(A action) {
        Step<O> step = env.step(action);
        discountedReturn = discountedReturn * gamma * (step.terminated() ? 0 : 1) + step.reward();
        if (updateRunningMean) {
            buffer[0] = discountedReturn;
            statistics.update(buffer);
        }
        double reward = step.reward() / Math.sqrt(statistics.var()[0] + epsilon);
        return new Step<>(step.observation(), reward, step.terminated(), step.truncated(), step.info());
    }

    /** Writes the wrapped environment's state, then the running statistics, the discounted return and whether the statistics are being updated. */
    @Override
    public void writeState(StateWriter out) throws IOException {
        super.writeState(out);
        out.writeObject("statistics", statistics);
        out.writeDouble(discountedReturn);
        out.writeBoolean(updateRunningMean);
    }

    /** Restores what {@link #writeState} wrote. */
    @Override
    public void readState(StateReader in) throws IOException {
        super.readState(in);
        in.readObject("statistics", statistics);
        discountedReturn = in.readDouble();
        updateRunningMean = in.readBoolean();
    }
}
