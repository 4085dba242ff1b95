package dev.bellman.core.wrappers;

import dev.bellman.core.checkpoint.Checkpointable;
import dev.bellman.core.checkpoint.StateReader;
import dev.bellman.core.checkpoint.StateWriter;

import java.io.IOException;
import java.util.Arrays;

/**
 * Running mean and variance of vectors, as Gymnasium's {@code RunningMeanStd}: it starts from mean 0,
 * variance 1 and a pseudo-count {@code epsilon} (default {@code 1e-4}), and merges each batch with the
 * parallel algorithm of Chan et al.: with {@code delta = batchMean - mean} and
 * {@code total = count + batchCount}, {@code mean += delta * batchCount / total} and
 * {@code var = (var * count + batchVar * batchCount + delta^2 * count * batchCount / total) / total}.
 * The variance is the population variance (divided by the count).
 */
public final class RunningMeanStd implements Checkpointable {

    private final double[] mean;
    private final double[] var;
    private double count;

    /**
     * @param dimension the length of the vectors, at least 1
     * @throws IllegalArgumentException if {@code dimension < 1}
     */
    public RunningMeanStd(int dimension) {
        this(dimension, 1e-4);
    }

    /**
     * @param dimension the length of the vectors, at least 1
     * @param epsilon   the initial pseudo-count, positive and finite
     * @throws IllegalArgumentException if {@code dimension < 1} or {@code epsilon} is not positive and finite
     */
    public RunningMeanStd(int dimension, double epsilon) {
        if (dimension < 1) {
            throw new IllegalArgumentException("RunningMeanStd dimension = " + dimension + " must be at least 1");
        }
        if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException("RunningMeanStd epsilon = " + epsilon + " must be positive and finite");
        }
        this.mean = new double[dimension];
        this.var = new double[dimension];
        Arrays.fill(var, 1.0);
        this.count = epsilon;
    }

    /**
     * Merges one vector (a batch of one: batch variance 0).
     *
     * @param x a vector of the right length
     * @throws IllegalArgumentException if {@code x} has the wrong length
     */
    public void update(double[] x) {
        if (x == null || x.length != mean.length) {
            throw new IllegalArgumentException("RunningMeanStd.update got " + Arrays.toString(x)
                    + "; expected " + mean.length + " components");
        }
        double total = count + 1;
        for (int i = 0; i < mean.length; i++) {
            double delta = x[i] - mean[i];
            mean[i] += delta / total;
            var[i] = (var[i] * count + delta * delta * count / total) / total;
        }
        count = total;
    }

    /** @return a copy of the running means */
    public double[] mean() {
        return mean.clone();
    }

    /** @return a copy of the running (population) variances */
    public double[] var() {
        return var.clone();
    }

    /** @return the number of vectors merged, plus the initial pseudo-count */
    public double count() {
        return count;
    }

    /** Writes the means, variances and count. */
    @Override
    public void writeState(StateWriter out) throws IOException {
        out.writeDoubles(mean);
        out.writeDoubles(var);
        out.writeDouble(count);
    }

    /** Restores what {@link #writeState} wrote; the dimension must match. */
    @Override
    public void readState(StateReader in) throws IOException {
        in.readDoubles(mean, "running means");
        in.readDoubles(var, "running variances");
        count = in.readDouble();
    }
}
