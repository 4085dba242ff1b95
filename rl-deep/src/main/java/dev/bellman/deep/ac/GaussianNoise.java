package dev.bellman.deep.ac;

import dev.bellman.core.checkpoint.Checkpointable;
import dev.bellman.core.checkpoint.StateReader;
import dev.bellman.core.checkpoint.StateWriter;

import java.io.IOException;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Independent zero-mean normal noise with standard deviation σ in every dimension, every step
 * (Fujimoto et al. 2018; Stable-Baselines3's {@code NormalActionNoise}). Memoryless: its
 * checkpoint holds only its settings, to be checked; the draws come from the caller's generator.
 */
public final class GaussianNoise implements ActionNoise, Checkpointable {

    private final int dimension;
    private final double sigma;

    /**
     * @param dimension the number of action dimensions; at least 1
     * @param sigma     the standard deviation in scaled-action units; finite and {@code >= 0}
     * @throws IllegalArgumentException if {@code dimension < 1} or {@code sigma} is negative, NaN or infinite
     */
    public GaussianNoise(int dimension, double sigma) {
        if (dimension < 1) {
            throw new IllegalArgumentException("noise dimension " + dimension + " must be at least 1");
        }
        this.dimension = dimension;
        this.sigma = NoiseChecks.sigma(sigma);
    }

    @Override
    public int dimension() {
        return dimension;
    }

    /** @return the standard deviation */
    public double sigma() {
        return sigma;
    }

    @Override
    public void sample(double[] out, RandomGenerator rng) {
        NoiseChecks.length(out, dimension);
        Objects.requireNonNull(rng, "rng");
        for (int i = 0; i < dimension; i++) {
            out[i] = sigma * rng.nextGaussian();
        }
    }

    @Override
    public void reset() {
        // Memoryless: nothing to reset.
    }

    /**
     * Writes the settings; the noise has no other state.
     *
     * @throws IOException if writing fails
     */
    @Override
    public void writeState(StateWriter out) throws IOException {
        out.writeString(settings());
    }

    /**
     * Checks the settings {@link #writeState} wrote.
     *
     * @throws dev.bellman.core.checkpoint.InvalidCheckpointException if they differ from this noise's
     * @throws IOException                                            if reading fails
     */
    @Override
    public void readState(StateReader in) throws IOException {
        in.expectString("Gaussian noise settings", settings());
    }

    private String settings() {
        return "dimension=" + dimension + ", sigma=" + sigma;
    }
}
