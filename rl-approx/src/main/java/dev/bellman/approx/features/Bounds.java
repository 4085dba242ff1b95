package dev.bellman.approx.features;

import java.util.Arrays;

/**
 * The declared box {@code [low, high]} of a bounded feature map: validated once, then used to reject
 * observations outside it and to rescale coordinates to {@code [0, 1]}.
 */
final class Bounds {

    private final double[] low;
    private final double[] high;
    private final double[] width;

    /**
     * @throws IllegalArgumentException if an array is null or empty, the lengths differ, a bound is
     *                                  not finite, or {@code low[i] >= high[i]}
     */
    Bounds(double[] low, double[] high) {
        if (low == null || high == null) {
            throw new IllegalArgumentException("bounds low and high must not be null");
        }
        if (low.length == 0) {
            throw new IllegalArgumentException("bounds are empty; expected at least one dimension");
        }
        if (low.length != high.length) {
            throw new IllegalArgumentException("low has " + low.length + " dimensions but high has " + high.length
                    + "; expected the same number");
        }
        this.low = low.clone();
        this.high = high.clone();
        this.width = new double[low.length];
        for (int i = 0; i < low.length; i++) {
            if (!Double.isFinite(this.low[i]) || !Double.isFinite(this.high[i])) {
                throw new IllegalArgumentException("bounds of dimension " + i + " are [" + this.low[i] + ", "
                        + this.high[i] + "]; expected finite numbers");
            }
            if (!(this.low[i] < this.high[i])) {
                throw new IllegalArgumentException("bounds of dimension " + i + " are [" + this.low[i] + ", "
                        + this.high[i] + "]; expected low < high");
            }
            width[i] = this.high[i] - this.low[i];
            if (!Double.isFinite(width[i])) {
                throw new IllegalArgumentException("bounds of dimension " + i + " are [" + this.low[i] + ", "
                        + this.high[i] + "]; their width overflows a double");
            }
        }
    }

    int dimension() {
        return low.length;
    }

    double low(int i) {
        return low[i];
    }

    double high(int i) {
        return high[i];
    }

    double width(int i) {
        return width[i];
    }

    double[] low() {
        return low.clone();
    }

    double[] high() {
        return high.clone();
    }

    /**
     * @throws IllegalArgumentException if the observation is null, of another dimension, NaN or
     *                                  outside the box
     */
    void check(double[] observation) {
        if (observation == null) {
            throw new IllegalArgumentException("observation is null; expected a double[" + low.length + "]");
        }
        if (observation.length != low.length) {
            throw new IllegalArgumentException("observation has " + observation.length + " dimensions; expected "
                    + low.length);
        }
        for (int i = 0; i < low.length; i++) {
            double x = observation[i];
            // Written so that NaN fails the test too.
            if (!(x >= low[i] && x <= high[i])) {
                throw new IllegalArgumentException("observation dimension " + i + " is " + x + ", outside the declared bounds ["
                        + low[i] + ", " + high[i] + "]");
            }
        }
    }

    /** @return {@code x} of dimension {@code i} rescaled from {@code [low, high]} to {@code [0, 1]} */
    double unit(int i, double x) {
        // A division, not a multiplication by the inverse width, so that high maps to exactly 1.
        return (x - low[i]) / width[i];
    }

    @Override
    public String toString() {
        return "low " + Arrays.toString(low) + ", high " + Arrays.toString(high);
    }
}
