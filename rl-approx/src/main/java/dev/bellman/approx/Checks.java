package dev.bellman.approx;

/** Argument checks of the linear methods; every message names the value and what was expected. */
final class Checks {

    private Checks() {
    }

    static <T> T notNull(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }

    /** @return a copy of {@code weights}, checked to hold one weight per feature */
    static double[] weightsFor(double[] weights, int dimension) {
        if (weights == null) {
            throw new IllegalArgumentException("weights must not be null; expected " + dimension + " values");
        }
        if (weights.length != dimension) {
            throw new IllegalArgumentException("got " + weights.length + " weights; expected one per feature, " + dimension);
        }
        return weights.clone();
    }

    static double lambda(double lambda) {
        if (!(lambda >= 0 && lambda <= 1)) {
            throw new IllegalArgumentException("lambda " + lambda + " is outside [0, 1]");
        }
        return lambda;
    }
}
