package dev.bellman.deep.ac;

import dev.bellman.core.space.BoxSpace;

import java.util.Arrays;
import java.util.Objects;

/**
 * The affine map between the actor's outputs in [−1, 1] and an action space's bounds
 * {@code [low, high]}, per dimension, as Stable-Baselines3's {@code scale_action} and
 * {@code unscale_action}: {@code action = low + (scaled + 1) (high − low) / 2}. Replay stores
 * scaled actions, so the critic sees every action dimension on the same scale.
 *
 * <p>Immutable and thread-safe.
 */
public final class ActionScaling {

    private final double[] low;
    private final double[] high;

    /**
     * @param space the action space; every bound finite with {@code low < high}
     * @throws NullPointerException     if {@code space} is null
     * @throws IllegalArgumentException if a bound is infinite or a dimension has {@code low >= high}
     */
    public ActionScaling(BoxSpace space) {
        Objects.requireNonNull(space, "space");
        this.low = space.low();
        this.high = space.high();
        for (int i = 0; i < low.length; i++) {
            if (!Double.isFinite(low[i]) || !Double.isFinite(high[i]) || !(low[i] < high[i])) {
                throw new IllegalArgumentException("action dimension " + i + " has bounds [" + low[i] + ", " + high[i]
                        + "]; scaling needs finite bounds with low < high");
            }
        }
    }

    /** @return the number of action dimensions */
    public int dimension() {
        return low.length;
    }

    /**
     * Maps a scaled action to the environment's bounds. The result is clamped into
     * {@code [low, high]} only to undo rounding: a scaled value outside [−1, 1] is an error.
     *
     * @param scaled values in [−1, 1], length {@link #dimension()}
     * @param out    receives the action, length {@link #dimension()}
     * @return {@code out}
     * @throws IllegalArgumentException if a length differs or a scaled value is outside [−1, 1] or NaN
     */
    public double[] toEnvironment(double[] scaled, double[] out) {
        requireLength("scaled action", scaled);
        requireLength("out", out);
        for (int i = 0; i < low.length; i++) {
            double value = scaled[i];
            if (!(value >= -1 && value <= 1)) {
                throw new IllegalArgumentException("scaled action " + Arrays.toString(scaled) + " has " + value
                        + " at dimension " + i + "; expected a value in [-1, 1]");
            }
            double action = low[i] + (value + 1.0) * 0.5 * (high[i] - low[i]);
            out[i] = Math.min(high[i], Math.max(low[i], action));
        }
        return out;
    }

    /**
     * Maps an environment action to [−1, 1].
     *
     * @param action values in {@code [low, high]}, length {@link #dimension()}
     * @param out    receives the scaled action, length {@link #dimension()}
     * @return {@code out}
     * @throws IllegalArgumentException if a length differs or a value is outside the bounds or NaN
     */
    public double[] toScaled(double[] action, double[] out) {
        requireLength("action", action);
        requireLength("out", out);
        for (int i = 0; i < low.length; i++) {
            double value = action[i];
            if (!(value >= low[i] && value <= high[i])) {
                throw new IllegalArgumentException("action " + Arrays.toString(action) + " has " + value + " at dimension "
                        + i + "; expected a value in [" + low[i] + ", " + high[i] + "]");
            }
            out[i] = 2.0 * (value - low[i]) / (high[i] - low[i]) - 1.0;
        }
        return out;
    }

    private void requireLength(String name, double[] values) {
        Objects.requireNonNull(values, name);
        if (values.length != low.length) {
            throw new IllegalArgumentException(name + " has length " + values.length + "; the action space has "
                    + low.length + " dimensions");
        }
    }
}
