package dev.bellman.env.classic;

import java.util.Arrays;

/** Helpers shared by the classic-control environments. */
final class ClassicControl {

    private ClassicControl() {
    }

    /** Each value rounded to float32 (round to nearest, ties to even) and widened exactly. */
    static double[] toFloat32(double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }

    /** Rejects a null state, a state of the wrong length, or one with a NaN component. */
    static void checkState(double[] state, int length, String layout) {
        if (state == null) {
            throw new IllegalArgumentException("state is null; expected " + length + " values " + layout);
        }
        if (state.length != length) {
            throw new IllegalArgumentException("state " + Arrays.toString(state) + " has length " + state.length
                    + "; expected " + length + " values " + layout);
        }
        for (int i = 0; i < length; i++) {
            if (Double.isNaN(state[i])) {
                throw new IllegalArgumentException("state " + Arrays.toString(state) + " has NaN at index " + i
                        + "; expected numbers " + layout);
            }
        }
    }

    /** Rejects reset bounds that are not finite or have {@code low > high} (Gymnasium's own check). */
    static void checkResetBounds(double low, double high) {
        if (!Double.isFinite(low) || !Double.isFinite(high) || low > high) {
            throw new IllegalArgumentException("reset bounds low = " + low + ", high = " + high
                    + " are invalid; expected finite bounds with low <= high");
        }
    }

    /**
     * The error for a step that cannot be taken: before the first reset, or after termination in
     * {@code state}.
     */
    static IllegalStateException notSteppable(boolean started, double[] state) {
        return started
                ? new IllegalStateException("step called after the episode terminated in state "
                        + Arrays.toString(state) + "; call reset() first")
                : notStarted("step");
    }

    /** The error for {@code call} made before the first reset. */
    static IllegalStateException notStarted(String call) {
        return new IllegalStateException(call + " called before reset; call reset(seed) first");
    }
}
