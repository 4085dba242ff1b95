package dev.bellman.deep.ac;

import dev.bellman.core.checkpoint.Checkpointable;
import dev.bellman.core.checkpoint.StateReader;
import dev.bellman.core.checkpoint.StateWriter;

import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Temporally correlated noise: the Ornstein–Uhlenbeck process {@code dx = θ (μ − x) dt + σ dW},
 * stepped by Euler–Maruyama, {@code x ← x + θ (μ − x) dt + σ √dt · N(0, 1)}, starting from μ at
 * every reset (Lillicrap et al. 2016; Stable-Baselines3's {@code OrnsteinUhlenbeckActionNoise},
 * whose defaults θ = 0.15 and dt = 0.01 these are). The process reverts to μ at rate θ; its
 * stationary variance is {@code σ² / (2θ)} in continuous time, {@code σ² dt / (1 − (1 − θ dt)²)}
 * for the discrete steps.
 *
 * <p>The process draws from the generator passed to {@link #sample}, which is the caller's to
 * save; a checkpoint ({@link #writeState}) holds the process's current value x.
 */
public final class OrnsteinUhlenbeckNoise implements ActionNoise, Checkpointable {

    /** Stable-Baselines3's default mean-reversion rate θ. */
    public static final double DEFAULT_THETA = 0.15;
    /** Stable-Baselines3's default time step dt. */
    public static final double DEFAULT_DT = 0.01;

    private final double mean;
    private final double sigma;
    private final double theta;
    private final double dt;
    private final double[] state;

    /**
     * @param dimension the number of action dimensions; at least 1
     * @param mean      μ, the level the process reverts to; finite
     * @param sigma     σ, the diffusion; finite and {@code >= 0}
     * @param theta     θ, the reversion rate; finite and {@code > 0}
     * @param dt        the time step; finite and {@code > 0}, with {@code θ dt < 2}
     * @throws IllegalArgumentException naming the first value outside its range
     */
    public OrnsteinUhlenbeckNoise(int dimension, double mean, double sigma, double theta, double dt) {
        if (dimension < 1) {
            throw new IllegalArgumentException("noise dimension " + dimension + " must be at least 1");
        }
        if (!Double.isFinite(mean)) {
            throw new IllegalArgumentException("noise mean " + mean + " must be finite");
        }
        if (!(theta > 0) || Double.isInfinite(theta)) {
            throw new IllegalArgumentException("noise theta " + theta + " must be a finite number > 0");
        }
        if (!(dt > 0) || Double.isInfinite(dt)) {
            throw new IllegalArgumentException("noise dt " + dt + " must be a finite number > 0");
        }
        if (!(theta * dt < 2)) {
            // The Euler step multiplies the deviation by 1 − θ dt: from θ dt = 2 on it grows instead of reverting.
            throw new IllegalArgumentException("noise theta " + theta + " times dt " + dt + " is " + theta * dt
                    + "; the process reverts only for theta * dt < 2");
        }
        this.mean = mean;
        this.sigma = NoiseChecks.sigma(sigma);
        this.theta = theta;
        this.dt = dt;
        this.state = new double[dimension];
        reset();
    }

    /**
     * Zero-mean noise with Stable-Baselines3's θ and dt.
     *
     * @param dimension the number of action dimensions; at least 1
     * @param sigma     σ, the diffusion; finite and {@code >= 0}
     * @see #OrnsteinUhlenbeckNoise(int, double, double, double, double)
     */
    public OrnsteinUhlenbeckNoise(int dimension, double sigma) {
        this(dimension, 0.0, sigma, DEFAULT_THETA, DEFAULT_DT);
    }

    @Override
    public int dimension() {
        return state.length;
    }

    /** @return the stationary variance of the discrete process, {@code σ² dt / (1 − (1 − θ dt)²)} */
    public double stationaryVariance() {
        double decay = 1 - theta * dt;
        return sigma * sigma * dt / (1 - decay * decay);
    }

    @Override
    public void sample(double[] out, RandomGenerator rng) {
        NoiseChecks.length(out, state.length);
        Objects.requireNonNull(rng, "rng");
        double diffusion = sigma * Math.sqrt(dt);
        for (int i = 0; i < state.length; i++) {
            state[i] += theta * (mean - state[i]) * dt + diffusion * rng.nextGaussian();
            out[i] = state[i];
        }
    }

    @Override
    public void reset() {
        Arrays.fill(state, mean);
    }

    /**
     * Writes the settings (checked on reading) and the current value x of every dimension.
     *
     * @throws IOException if writing fails
     */
    @Override
    public void writeState(StateWriter out) throws IOException {
        out.writeString(settings());
        out.writeDoubles(state);
    }

    /**
     * Continues the process from the value {@link #writeState} wrote.
     *
     * @throws dev.bellman.core.checkpoint.InvalidCheckpointException if the process had other
     *                                                                settings or dimensions
     * @throws IOException                                            if reading fails
     */
    @Override
    public void readState(StateReader in) throws IOException {
        in.expectString("Ornstein-Uhlenbeck noise settings", settings());
        in.readDoubles(state, "Ornstein-Uhlenbeck values");
    }

    private String settings() {
        return "mean=" + mean + ", sigma=" + sigma + ", theta=" + theta + ", dt=" + dt;
    }
}
