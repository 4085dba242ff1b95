package dev.bellman.deep.ac;

import java.util.Objects;

/** Argument checks the noises share. */
final class NoiseChecks {

    private NoiseChecks() {
    }

    static double sigma(double sigma) {
        if (!(sigma >= 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("noise sigma " + sigma + " must be a finite number >= 0");
        }
        return sigma;
    }

    static void length(double[] out, int dimension) {
        Objects.requireNonNull(out, "out");
        if (out.length != dimension) {
            throw new IllegalArgumentException("noise output has length " + out.length + "; expected " + dimension);
        }
    }
}
