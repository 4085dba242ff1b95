package dev.bellman.tabular.dp;

import java.util.Arrays;

/** The max-norm change of each iteration of a planner, in a growable primitive array. */
final class ResidualLog {

    private double[] residuals = new double[64];
    private int size;

    void add(double residual) {
        if (size == residuals.length) {
            residuals = Arrays.copyOf(residuals, size * 2);
        }
        residuals[size++] = residual;
    }

    int size() {
        return size;
    }

    double[] toArray() {
        return Arrays.copyOf(residuals, size);
    }
}
