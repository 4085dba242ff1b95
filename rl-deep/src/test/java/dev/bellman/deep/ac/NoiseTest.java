package dev.bellman.deep.ac;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link GaussianNoise} and {@link OrnsteinUhlenbeckNoise}: their moments, their dynamics, their checks. */
class NoiseTest {

    /**
     * A generator whose normal draws are scripted (then 0), so that a noise process can be stepped
     * by hand; nothing else may be drawn from it.
     */
    private static final class ScriptedGaussians implements RandomGenerator {
        private final double[] values;
        private int next;

        ScriptedGaussians(double... values) {
            this.values = values;
        }

        @Override
        public double nextGaussian() {
            return next < values.length ? values[next++] : 0.0;
        }

        @Override
        public long nextLong() {
            throw new UnsupportedOperationException("only nextGaussian is scripted");
        }
    }

    // ---------------------------------------------------------------- Gaussian

    /**
     * 100 000 draws per dimension, σ = 0.3: the standard error of the mean is σ/√n ≈ 9.5e-4 and of
     * the standard deviation σ/√(2n) ≈ 6.7e-4, so 0.005 is more than five standard errors; the
     * correlation of two independent dimensions has standard error 1/√n ≈ 0.003.
     */
    @Test
    void gaussianNoiseHasMeanZeroAndStandardDeviationSigmaInEveryDimension() {
        int n = 100_000;
        double sigma = 0.3;
        GaussianNoise noise = new GaussianNoise(3, sigma);
        assertEquals(3, noise.dimension());
        assertEquals(sigma, noise.sigma());
        SplittableRandom rng = new SplittableRandom(12);
        double[] sample = new double[3];
        double[] sum = new double[3];
        double[] squares = new double[3];
        double cross = 0;
        for (int k = 0; k < n; k++) {
            noise.sample(sample, rng);
            for (int i = 0; i < 3; i++) {
                sum[i] += sample[i];
                squares[i] += sample[i] * sample[i];
            }
            cross += sample[0] * sample[1];
        }
        for (int i = 0; i < 3; i++) {
            double mean = sum[i] / n;
            assertEquals(0.0, mean, 0.005, "mean of dimension " + i);
            assertEquals(sigma, Math.sqrt(squares[i] / n - mean * mean), 0.005, "standard deviation of dimension " + i);
        }
        assertEquals(0.0, cross / n / (sigma * sigma), 0.015, "correlation of dimensions 0 and 1");
    }

    @Test
    void gaussianNoiseIsSigmaTimesTheGeneratorsNormalDrawsAndMemoryless() {
        GaussianNoise noise = new GaussianNoise(2, 0.5);
        double[] out = new double[2];
        noise.sample(out, new ScriptedGaussians(1.0, -3.0));
        assertArrayEquals(new double[] {0.5, -1.5}, out);
        noise.reset();
        noise.sample(out, new ScriptedGaussians(2.0, 0.0));
        assertArrayEquals(new double[] {1.0, 0.0}, out);

        GaussianNoise silent = new GaussianNoise(2, 0.0);
        SplittableRandom rng = new SplittableRandom(3);
        for (int k = 0; k < 100; k++) {
            silent.sample(out, rng);
            assertEquals(0.0, out[0], 0.0);
            assertEquals(0.0, out[1], 0.0);
        }
    }

    @Test
    void gaussianNoiseRejectsBadArgumentsByName() {
        assertMessage(() -> new GaussianNoise(0, 0.1), "dimension 0");
        assertMessage(() -> new GaussianNoise(1, -0.1), "sigma -0.1");
        assertMessage(() -> new GaussianNoise(1, Double.NaN), "sigma NaN");
        assertMessage(() -> new GaussianNoise(1, Double.POSITIVE_INFINITY), "sigma Infinity");
        GaussianNoise noise = new GaussianNoise(2, 0.1);
        assertMessage(() -> noise.sample(new double[3], new SplittableRandom(0)), "length 3");
        assertThrows(NullPointerException.class, () -> noise.sample(null, new SplittableRandom(0)));
        assertThrows(NullPointerException.class, () -> noise.sample(new double[2], null));
    }

    // ---------------------------------------------------------------- Ornstein–Uhlenbeck

    @Test
    void ornsteinUhlenbeckWithoutDiffusionStartsAndStaysAtItsMean() {
        OrnsteinUhlenbeckNoise noise = new OrnsteinUhlenbeckNoise(2, 0.7, 0.0, 0.5, 0.1);
        SplittableRandom rng = new SplittableRandom(4);
        double[] out = new double[2];
        for (int k = 0; k < 50; k++) {
            noise.sample(out, rng);
            assertArrayEquals(new double[] {0.7, 0.7}, out, "step " + k);
        }
        assertEquals(0.0, noise.stationaryVariance());
    }

    /**
     * One scripted kick g = 2 displaces the state to {@code x₁ = μ + σ √dt g}; with no further noise
     * the Euler step gives {@code x_{1+k} − μ = (1 − θ dt)^k (x₁ − μ)}, to rounding. A reset puts the
     * state back at μ.
     */
    @Test
    void ornsteinUhlenbeckRevertsToItsMeanGeometricallyAndResetReturnsToTheMean() {
        double mean = 0.5;
        double sigma = 2.0;
        double theta = 0.5;
        double dt = 0.1;
        OrnsteinUhlenbeckNoise noise = new OrnsteinUhlenbeckNoise(2, mean, sigma, theta, dt);
        RandomGenerator rng = new ScriptedGaussians(2.0, -1.0);
        double[] out = new double[2];
        noise.sample(out, rng);
        double[] displacement = {sigma * Math.sqrt(dt) * 2.0, sigma * Math.sqrt(dt) * -1.0};
        assertArrayEquals(new double[] {mean + displacement[0], mean + displacement[1]}, out, 1e-15);
        for (int k = 1; k <= 60; k++) {
            noise.sample(out, rng);
            double decay = Math.pow(1 - theta * dt, k);
            for (int i = 0; i < 2; i++) {
                assertEquals(decay * displacement[i], out[i] - mean, 1e-13, "step " + k + ", dimension " + i);
            }
        }
        assertTrue(Math.abs(out[0] - mean) < 0.1 * Math.abs(displacement[0]), "after 60 steps 0.95^60 ≈ 0.046 is left");

        noise.reset();
        noise.sample(out, rng);
        assertArrayEquals(new double[] {mean, mean}, out, 0.0);
    }

    /**
     * The empirical variance of the process against {@link OrnsteinUhlenbeckNoise#stationaryVariance()}.
     * θ = 0.5, dt = 0.1: the autoregression coefficient is a = 1 − θ dt = 0.95, the stationary
     * variance σ² dt / (1 − a²) = 1.0256 σ², 2.6 % above the continuous σ²/(2θ) = σ². Four
     * independent dimensions of 250 000 steps each, after a burn-in of 2 000 steps (a^2000 ≈ 1e-45):
     * for an AR(1) chain the sample variance has relative variance 2 (1 + a²)/(1 − a²)/n ≈ 39/n,
     * so its standard error over n = 10⁶ is 0.6 %; the 3 % band is five standard errors. The lag-one
     * autocorrelation estimates a with standard error √((1 − a²)/n) ≈ 3e-4; the band is 0.003.
     */
    @Test
    void ornsteinUhlenbeckReachesItsStationaryVarianceAndAutocorrelation() {
        double sigma = 0.3;
        double theta = 0.5;
        double dt = 0.1;
        double mean = -0.2;
        int dimensions = 4;
        OrnsteinUhlenbeckNoise noise = new OrnsteinUhlenbeckNoise(dimensions, mean, sigma, theta, dt);
        double a = 1 - theta * dt;
        assertEquals(sigma * sigma * dt / (1 - a * a), noise.stationaryVariance(), 1e-15);
        assertEquals(sigma * sigma / (2 * theta), noise.stationaryVariance(), 0.03 * sigma * sigma / (2 * theta));

        SplittableRandom rng = new SplittableRandom(5);
        double[] out = new double[dimensions];
        for (int k = 0; k < 2000; k++) {
            noise.sample(out, rng);
        }
        int steps = 250_000;
        double[] previous = out.clone();
        double sum = 0;
        double squares = 0;
        double lagged = 0;
        for (int k = 0; k < steps; k++) {
            noise.sample(out, rng);
            for (int i = 0; i < dimensions; i++) {
                double x = out[i] - mean;
                sum += x;
                squares += x * x;
                lagged += x * (previous[i] - mean);
                previous[i] = out[i];
            }
        }
        double n = (double) steps * dimensions;
        double variance = squares / n - (sum / n) * (sum / n);
        assertEquals(0.0, sum / n, 0.01, "stationary mean − μ (standard error ≈ 0.002)");
        assertEquals(noise.stationaryVariance(), variance, 0.03 * noise.stationaryVariance(), "stationary variance");
        assertEquals(a, lagged / squares, 0.003, "lag-one autocorrelation");
    }

    /** Stable-Baselines3's θ = 0.15, dt = 0.01: θ dt is so small that the discrete variance is σ²/(2θ) to 0.1 %. */
    @Test
    void theDefaultProcessIsSb3sAndCloseToContinuousTime() {
        OrnsteinUhlenbeckNoise noise = new OrnsteinUhlenbeckNoise(3, 0.2);
        assertEquals(3, noise.dimension());
        assertEquals(0.15, OrnsteinUhlenbeckNoise.DEFAULT_THETA);
        assertEquals(0.01, OrnsteinUhlenbeckNoise.DEFAULT_DT);
        double continuous = 0.2 * 0.2 / (2 * 0.15);
        assertEquals(continuous, noise.stationaryVariance(), 1e-3 * continuous);
        double[] out = new double[3];
        noise.sample(out, new ScriptedGaussians(1, 1, 1));
        // x₁ = 0 + σ √dt · 1 = 0.02.
        assertArrayEquals(new double[] {0.02, 0.02, 0.02}, out, 1e-15);
    }

    @Test
    void ornsteinUhlenbeckRejectsBadArgumentsByName() {
        assertMessage(() -> new OrnsteinUhlenbeckNoise(0, 0, 0.1, 0.15, 0.01), "dimension 0");
        assertMessage(() -> new OrnsteinUhlenbeckNoise(1, Double.NaN, 0.1, 0.15, 0.01), "mean NaN");
        assertMessage(() -> new OrnsteinUhlenbeckNoise(1, Double.NEGATIVE_INFINITY, 0.1, 0.15, 0.01), "mean -Infinity");
        assertMessage(() -> new OrnsteinUhlenbeckNoise(1, 0, -0.1, 0.15, 0.01), "sigma -0.1");
        assertMessage(() -> new OrnsteinUhlenbeckNoise(1, 0, Double.NaN, 0.15, 0.01), "sigma NaN");
        assertMessage(() -> new OrnsteinUhlenbeckNoise(1, -0.1), "sigma -0.1");
        assertMessage(() -> new OrnsteinUhlenbeckNoise(1, 0, 0.1, 0, 0.01), "theta 0.0");
        assertMessage(() -> new OrnsteinUhlenbeckNoise(1, 0, 0.1, -0.15, 0.01), "theta -0.15");
        assertMessage(() -> new OrnsteinUhlenbeckNoise(1, 0, 0.1, Double.NaN, 0.01), "theta NaN");
        assertMessage(() -> new OrnsteinUhlenbeckNoise(1, 0, 0.1, Double.POSITIVE_INFINITY, 0.01), "theta Infinity");
        assertMessage(() -> new OrnsteinUhlenbeckNoise(1, 0, 0.1, 0.15, 0), "dt 0.0");
        assertMessage(() -> new OrnsteinUhlenbeckNoise(1, 0, 0.1, 0.15, -0.01), "dt -0.01");
        assertMessage(() -> new OrnsteinUhlenbeckNoise(1, 0, 0.1, 0.15, Double.NaN), "dt NaN");
        OrnsteinUhlenbeckNoise noise = new OrnsteinUhlenbeckNoise(2, 0.1);
        assertMessage(() -> noise.sample(new double[1], new SplittableRandom(0)), "length 1");
        assertThrows(NullPointerException.class, () -> noise.sample(null, new SplittableRandom(0)));
        assertThrows(NullPointerException.class, () -> noise.sample(new double[2], null));
    }

    /**
     * For θ dt ≥ 2 the Euler step {@code x − μ ← (1 − θ dt)(x − μ) + …} multiplies the displacement
     * by a factor of magnitude ≥ 1 each step: the process diverges and has no stationary variance,
     * yet the constructor accepts it and {@link OrnsteinUhlenbeckNoise#stationaryVariance()} returns
     * +∞ at θ dt = 2 and a negative number beyond (here σ² · 0.1 / (1 − 4) = −0.0333).
     */
    @Test
    void aDivergingTimeStepIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new OrnsteinUhlenbeckNoise(1, 0, 1.0, 30, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new OrnsteinUhlenbeckNoise(1, 0, 1.0, 20, 0.1));
    }

    private static void assertMessage(Executable call, String fragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(fragment), () -> "expected \"" + fragment + "\" in: " + e.getMessage());
    }
}
