package dev.bellman.core.wrappers;

import dev.bellman.core.Environment;
import dev.bellman.core.checkpoint.StateReader;
import dev.bellman.core.checkpoint.StateWriter;
import dev.bellman.core.space.BoxSpace;

import java.io.IOException;

/**
 * Normalizes observations to roughly zero mean and unit variance, as Gymnasium's
 * {@code NormalizeObservation}: every observation {@code x} (from {@code reset} and {@code step}) is
 * first merged into a {@link RunningMeanStd} (unless updating is switched off), then returned as
 * {@code (x - mean) / sqrt(var + epsilon)} with {@code epsilon = 1e-8}. The observation space
 * becomes the unbounded box of the same dimension. The statistics carry over from episode to
 * episode and are not reset by {@code reset(seed)}, so two runs with the same seed give different
 * observations unless updating is switched off ({@link #setUpdateRunningMean(boolean)}).
 *
 * @param <A> the action type
 */
public final class NormalizeObservation<A> extends ObservationWrapper<double[], A, double[]> {

    private final RunningMeanStd statistics;
    private final double epsilon;
    private final BoxSpace observationSpace;
    private boolean updateRunningMean = true;

    /**
     * @param env an environment with a {@link BoxSpace} observation space
     * @throws IllegalArgumentException if the observation space is not a {@link BoxSpace}
     */
    public NormalizeObservation(Environment<double[], A> env) {
        this(env, 1e-8);
    }

    /**
     * @param env     an environment with a {@link BoxSpace} observation space
     * @param epsilon added to the variance before the square root, non-negative and finite
     * @throws IllegalArgumentException if the observation space is not a {@link BoxSpace} or
     *                                  {@code epsilon} is negative or not finite
     */
    public NormalizeObservation(Environment<double[], A> env, double epsilon) {
        super(env);
        int dimension = Boxes.requireBox(env.observationSpace(), "observation", "NormalizeObservation").dimension();
        if (!(epsilon >= 0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException("NormalizeObservation epsilon = " + epsilon
                    + " must be non-negative and finite");
        }
        this.epsilon = epsilon;
        this.statistics = new RunningMeanStd(dimension);
        this.observationSpace = new BoxSpace(Boxes.filled(dimension, Double.NEGATIVE_INFINITY),
                Boxes.filled(dimension, Double.POSITIVE_INFINITY));
    }

    /** @return the unbounded box of the inner observation dimension */
    @Override
    public BoxSpace observationSpace() {
        return observationSpace;
    }

    /** @return the running statistics (live, not a copy) */
    public RunningMeanStd statistics() {
        return statistics;
    }

    /**
     * @param update whether later observations update the running statistics (switch off to evaluate
     *               with frozen statistics)
     */
    public void setUpdateRunningMean(boolean update) {
        this.updateRunningMean = update;
    }

    /** @return whether observations update the running statistics */
    public boolean updateRunningMean() {
        return updateRunningMean;
    }

    @Override
    protected double[] observation(double[] observation) {
        if (updateRunningMean) {
            statistics.update(observation);
        }
        double[] mean = statistics.mean();
        double[] var = statistics.var();
        double[] normalized = new double[observation.length];
        for (int i = 0; i < normalized.length; i++) {
            normalized[i] = (observation[i] - mean[i]) / Math.sqrt(var[i] + epsilon);
        }
        return normalized;
    }

    /** Writes the wrapped environment's state, then the running statistics and whether they are being updated. */
    @Override
    public void writeState(StateWriter out) throws IOException {
        super.writeState(out);
        out.writeObject("statistics", statistics);
        out.writeBoolean(updateRunningMean);
    }

    /** Restores what {@link #writeState} wrote. */
    @Override
    public void readState(StateReader in) throws IOException {
        super.readState(in);
        in.readObject("statistics", statistics);
        updateRunningMean = in.readBoolean();
    }
}
