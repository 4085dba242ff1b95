package dev.bellman.core.space;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * A box of real vectors {@code low[i] <= x[i] <= high[i]}, as Gymnasium's {@code Box}. Bounds may be
 * infinite. The arrays given to the constructor are copied.
 */
public final class BoxSpace implements Space<double[]> {

    private final double[] low;
    private final double[] high;

    /**
     * @param low  lower bounds, one per dimension; {@code -Infinity} allowed
     * @param high upper bounds, one per dimension; {@code +Infinity} allowed
     * @throws IllegalArgumentException if the lengths differ, a bound is NaN, the box has no
     *                                  dimension, or some {@code low[i] > high[i]}
     */
    public BoxSpace(double[] low, double[] high) {
        if (low == null || high == null) {
            throw new IllegalArgumentException("BoxSpace bounds must not be null");
        }
        if (low.length != high.length || low.length == 0) {
            throw new IllegalArgumentException("BoxSpace bounds have lengths " + low.length + " and "
                    + high.length + "; expected the same positive length");
        }
        for (int i = 0; i < low.length; i++) {
            if (Double.isNaN(low[i]) || Double.isNaN(high[i]) || low[i] > high[i]) {
                throw new IllegalArgumentException("BoxSpace dimension " + i + " has bounds [" + low[i]
                        + ", " + high[i] + "]; expected low <= high and no NaN");
            }
        }
        this.low = low.clone();
        this.high = high.clone();
    }

    /** @return the number of dimensions */
    public int dimension() {
        return low.length;
    }

    /** @return a copy of the lower bounds */
    public double[] low() {
        return low.clone();
    }

    /** @return a copy of the upper bounds */
    public double[] high() {
        return high.clone();
    }

    /**
     * Draws a vector as Gymnasium does: uniform on bounded dimensions, exponential offset from the
     * finite bound on half-bounded ones, standard normal on unbounded ones.
     */
    @Override
    public double[] sample(RandomGenerator rng) {
        double[] x = new double[low.length];
        for (int i = 0; i < x.length; i++) {
            if (low[i] == high[i]) {
                // A single point, possibly an infinity: its only member.
                x[i] = low[i];
                continue;
            }
            boolean lowFinite = Double.isFinite(low[i]);
            boolean highFinite = Double.isFinite(high[i]);
            if (lowFinite && highFinite) {
                double u = rng.nextDouble();
                double span = high[i] - low[i];
                // The span of a very wide box overflows; interpolating the bounds does not.
                x[i] = Math.min(high[i], Double.isFinite(span) ? low[i] + span * u : low[i] * (1 - u) + high[i] * u);
            } else if (lowFinite) {
                x[i] = low[i] + rng.nextExponential();
            } else if (highFinite) {
                x[i] = high[i] - rng.nextExponential();
            } else {
                x[i] = rng.nextGaussian();
            }
        }
        return x;
    }

    @Override
    public boolean contains(double[] value) {
        if (value == null || value.length != low.length) {
            return false;
        }
        for (int i = 0; i < value.length; i++) {
            if (!(value[i] >= low[i] && value[i] <= high[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BoxSpace box && Arrays.equals(low, box.low) && Arrays.equals(high, box.high);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(low) + Arrays.hashCode(high);
    }

    @Override
    public String toString() {
        return "Box(low=" + Arrays.toString(low) + ", high=" + Arrays.toString(high) + ")";
    }
}
