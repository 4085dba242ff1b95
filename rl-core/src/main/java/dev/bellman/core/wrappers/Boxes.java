package dev.bellman.core.wrappers;

import dev.bellman.core.space.BoxSpace;
import dev.bellman.core.space.Space;

import java.util.Arrays;

/** Argument checks shared by the wrappers that work on {@link BoxSpace}s. */
final class Boxes {

    private Boxes() {
    }

    /**
     * @return {@code space} as a box
     * @throws IllegalArgumentException naming the space if it is not a {@link BoxSpace}
     */
    static BoxSpace requireBox(Space<?> space, String what, String wrapper) {
        if (!(space instanceof BoxSpace box)) {
            throw new IllegalArgumentException(wrapper + " needs a BoxSpace " + what + " space; got " + space);
        }
        return box;
    }

    /**
     * @throws IllegalArgumentException naming the box if some bound is infinite
     */
    static void requireBounded(BoxSpace box, String what, String wrapper) {
        double[] low = box.low();
        double[] high = box.high();
        for (int i = 0; i < low.length; i++) {
            if (!Double.isFinite(low[i]) || !Double.isFinite(high[i])) {
                throw new IllegalArgumentException(wrapper + " needs a bounded " + what + " space; dimension " + i
                        + " of " + box + " has bounds [" + low[i] + ", " + high[i] + "]");
            }
        }
    }

    /**
     * Checks an array against the shape of a box: not null, the right length, no NaN.
     *
     * @throws IllegalArgumentException naming the value and the space otherwise
     */
    static void requireShape(double[] value, BoxSpace space, String what) {
        if (value == null || value.length != space.dimension()) {
            throw new IllegalArgumentException(what + " " + (value == null ? "null" : Arrays.toString(value))
                    + " has the wrong shape for " + space + " (expected " + space.dimension() + " components)");
        }
        for (int i = 0; i < value.length; i++) {
            if (Double.isNaN(value[i])) {
                throw new IllegalArgumentException(what + " " + Arrays.toString(value) + " has NaN at index " + i
                        + "; expected a member of " + space);
            }
        }
    }

    /** @return an array of {@code n} copies of {@code value} */
    static double[] filled(int n, double value) {
        double[] array = new double[n];
        Arrays.fill(array, value);
        return array;
    }
}
