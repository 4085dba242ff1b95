package dev.bellman.deep.ac;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Independent zero-mean normal noise with standard deviation σ in every dimension, every step
 * (Fujimoto et al. 2018; Stable-Baselines3's {@code NormalActionNoise}).
 */
public final class GaussianNoise implements ActionNoise {

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
}
