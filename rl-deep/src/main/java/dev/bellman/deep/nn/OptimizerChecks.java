package dev.bellman.deep.nn;

import java.util.Objects;

/** Argument checks shared by the optimizers. */
final class OptimizerChecks {

    private OptimizerChecks() {
    }

    static double positiveFinite(String name, double value) {
        if (!(value > 0.0 && Double.isFinite(value))) {
            throw new IllegalArgumentException(name + " must be positive and finite, got " + value);
        }
        return value;
    }

    static double inUnitInterval(String name, double value) {
        if (!(value >= 0.0 && value < 1.0)) {
            throw new IllegalArgumentException(name + " must be in [0, 1), got " + value);
        }
        return value;
    }

    /** Allocates {@code state} on first use; afterwards requires the same parameter count. */
    static float[] sized(float[] state, Mlp net, String optimizer) {
        Objects.requireNonNull(net, "net");
        int count = net.parameterCount();
        if (state == null) {
            return new float[count];
        }
        if (state.length != count) {
            throw new IllegalArgumentException(optimizer + " state is sized for " + state.length
                    + " parameters, but the network has " + count);
        }
        return state;
    }

    static float[] restored(float[] values, int expectedLength, String name) {
        Objects.requireNonNull(values, name);
        if (expectedLength >= 0 && values.length != expectedLength) {
            throw new IllegalArgumentException(name + " has length " + values.length + ", expected "
                    + expectedLength);
        }
        return values.clone();
    }
}
