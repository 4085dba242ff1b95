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

    static double lambda(double lambda) {
        if (!(lambda >= 0 && lambda <= 1)) {
            throw new IllegalArgumentException("lambda " + lambda + " is outside [0, 1]");
        }
        return lambda;
    }
}
