package dev.bellman.approx.features;

/** Argument checks shared by the feature constructors; every message names the value and what was expected. */
final class Checks {

    /** The largest number of features a constructor accepts; beyond it the tables would not fit in memory. */
    static final int MAX_DIMENSION = 1 << 24;

    private Checks() {
    }

    static void buffer(double[] out, int required, String name) {
        if (out == null) {
            throw new IllegalArgumentException(name + " buffer is null; expected a double[] of length at least " + required);
        }
        if (out.length < required) {
            throw new IllegalArgumentException(name + " buffer has length " + out.length + "; expected at least " + required);
        }
    }

    static void buffer(int[] out, int required, String name) {
        if (out == null) {
            throw new IllegalArgumentException(name + " buffer is null; expected an int[] of length at least " + required);
        }
        if (out.length < required) {
            throw new IllegalArgumentException(name + " buffer has length " + out.length + "; expected at least " + required);
        }
    }

    static void action(int action, int actionCount) {
        if (action < 0 || action >= actionCount) {
            throw new IllegalArgumentException("action " + action + " is outside [0, " + actionCount + ")");
        }
    }

    static int state(Integer state, int stateCount) {
        if (state == null) {
            throw new IllegalArgumentException("state is null; expected an integer in [0, " + stateCount + ")");
        }
        return state(state.intValue(), stateCount);
    }

    /** The primitive form, so that callers holding an int do not box it. */
    static int state(int state, int stateCount) {
        if (state < 0 || state >= stateCount) {
            throw new IllegalArgumentException("state " + state + " is outside [0, " + stateCount + ")");
        }
        return state;
    }

    static int positive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " " + value + " is not positive; expected at least 1");
        }
        return value;
    }

    static int order(int order) {
        if (order < 0) {
            throw new IllegalArgumentException("order " + order + " is negative; expected 0 or more");
        }
        return order;
    }

    static <T> T notNull(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is null");
        }
        return value;
    }

    /** @return {@code dimension}, or an exception if it exceeds {@link #MAX_DIMENSION} */
    static int dimension(long dimension, String what) {
        if (dimension > MAX_DIMENSION) {
            throw new IllegalArgumentException(what + " gives " + dimension + " features; expected at most "
                    + MAX_DIMENSION);
        }
        return (int) dimension;
    }

    /** @return {@code a * b}, or an exception naming what overflowed */
    static int product(int a, int b, String what) {
        long product = (long) a * b;
        if (product > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(what + " " + a + " x " + b + " = " + product + " exceeds "
                    + Integer.MAX_VALUE);
        }
        return (int) product;
    }
}
