package dev.bellman.core.wrappers;

import dev.bellman.core.Environment;
import dev.bellman.core.space.BoxSpace;
import dev.bellman.core.space.DiscreteSpace;

import java.util.Arrays;

/**
 * Turns continuous observations into a single integer, so that tabular learners run on control
 * tasks. Dimension {@code i}'s interval {@code [low[i], high[i]]} is cut into {@code bins[i]} equal
 * bins; a value {@code x} falls in bin {@code floor((x - low[i]) / (high[i] - low[i]) * bins[i])}.
 * <b>Values outside the interval go to the edge bins</b>: below {@code low[i]} to bin 0, at or above
 * {@code high[i]} to bin {@code bins[i] - 1} (so unbounded dimensions such as CartPole's velocities
 * can be given a practical interval). The observation is the row-major (mixed-radix) index of the
 * bins, dimension 0 most significant: {@code ((b0 * bins[1] + b1) * bins[2] + b2) ...}, a member of
 * {@code DiscreteSpace(bins[0] * bins[1] * ...)}. A NaN observation is an {@link IllegalStateException}.
 *
 * @param <A> the action type
 */
public final class DiscretizeObservation<A> extends ObservationWrapper<Integer, A, double[]> {

    private final int[] bins;
    private final double[] low;
    private final double[] high;
    private final DiscreteSpace observationSpace;

    /**
     * Discretizes over the bounds of the inner observation space, which must be finite.
     *
     * @param env  an environment with a bounded {@link BoxSpace} observation space
     * @param bins the number of bins of each dimension, each at least 1
     * @throws IllegalArgumentException if the observation space is not a bounded box, {@code bins} has the
     *                                  wrong length or a count below 1, or the product of the counts
     *                                  exceeds {@link Integer#MAX_VALUE}
     */
    public DiscretizeObservation(Environment<double[], A> env, int[] bins) {
        this(env, bins, boundedBox(env).low(), boundedBox(env).high());
    }

    /**
     * Discretizes over the given interval of each dimension (which may be narrower or wider than the
     * observation space).
     *
     * @param env  an environment with a {@link BoxSpace} observation space
     * @param bins the number of bins of each dimension, each at least 1
     * @param low  the finite lower end of each dimension's interval
     * @param high the finite upper end of each dimension's interval, greater than {@code low}
     * @throws IllegalArgumentException if the observation space is not a box, an array has the wrong
     *                                  length, a count is below 1, an interval is not finite with
     *                                  {@code low < high}, or the product of the counts exceeds
     *                                  {@link Integer#MAX_VALUE}
     */
    public DiscretizeObservation(Environment<double[], A> env, int[] bins, double[] low, double[] high) {
        super(env);
        int dimension = Boxes.requireBox(env.observationSpace(), "observation", "DiscretizeObservation").dimension();
        if (bins == null || low == null || high == null || bins.length != dimension || low.length != dimension
                || high.length != dimension) {
            throw new IllegalArgumentException("DiscretizeObservation bins " + Arrays.toString(bins) + ", low "
                    + Arrays.toString(low) + " and high " + Arrays.toString(high) + " must each have length "
                    + dimension + ", the observation dimension");
        }
        long size = 1;
        for (int i = 0; i < dimension; i++) {
            if (bins[i] < 1) {
                throw new IllegalArgumentException("DiscretizeObservation bins[" + i + "] = " + bins[i]
                        + "; expected at least 1");
            }
            if (!Double.isFinite(low[i]) || !Double.isFinite(high[i]) || !(low[i] < high[i])) {
                throw new IllegalArgumentException("DiscretizeObservation dimension " + i + " has interval ["
                        + low[i] + ", " + high[i] + "]; expected finite bounds with low < high");
            }
            size *= bins[i];
            if (size > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("DiscretizeObservation bins " + Arrays.toString(bins)
                        + " give more than " + Integer.MAX_VALUE + " states");
            }
        }
        this.bins = bins.clone();
        this.low = low.clone();
        this.high = high.clone();
        this.observationSpace = new DiscreteSpace((int) size);
    }

    private static BoxSpace boundedBox(Environment<double[], ?> env) {
        BoxSpace box = Boxes.requireBox(env.observationSpace(), "observation", "DiscretizeObservation");
        Boxes.requireBounded(box, "observation", "DiscretizeObservation");
        return box;
    }

    /** @return the space of bin indices, of size the product of the bin counts */
    @Override
    public DiscreteSpace observationSpace() {
        return observationSpace;
    }

    /**
     * @param dimension a dimension index
     * @param value     a value of that dimension
     * @return the bin of {@code value}, edge bins for values outside the interval
     * @throws IllegalStateException if {@code value} is NaN
     */
    public int bin(int dimension, double value) {
        if (Double.isNaN(value)) {
            throw new IllegalStateException("observation dimension " + dimension + " is NaN; cannot discretize it");
        }
        double scaled = (value - low[dimension]) / (high[dimension] - low[dimension]) * bins[dimension];
        if (!(scaled >= 0)) {
            return 0;
        }
        return (int) Math.min(Math.floor(scaled), bins[dimension] - 1);
    }

    /**
     * @return the bin index of {@code observation}
     * @throws IllegalStateException if the observation has the wrong length or a NaN
     */
    @Override
    protected Integer observation(double[] observation) {
        if (observation == null || observation.length != bins.length) {
            throw new IllegalStateException("observation " + Arrays.toString(observation) + " should have "
                    + bins.length + " components");
        }
        int index = 0;
        for (int i = 0; i < bins.length; i++) {
            index = index * bins[i] + bin(i, observation[i]);
        }
        return index;
    }
}
