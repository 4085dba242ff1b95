package dev.bellman.deep.nn;

/**
 * Element-wise activation function of a layer of an {@link Mlp}.
 *
 * <p>The derivatives are expressed through the activation's own output, so that the backward pass
 * needs to keep only the activated values: {@code relu'(z) = [a > 0]}, {@code tanh'(z) = 1 - a²},
 * {@code identity'(z) = 1}.
 */
public enum Activation {
    /** Rectified linear unit {@code max(0, z)}; its derivative at 0 is taken as 0, as in PyTorch. */
    RELU,
    /** Hyperbolic tangent, range (−1, 1). */
    TANH,
    /** No activation: the layer is linear. */
    IDENTITY;

    /** Applies this activation in place to {@code values[0, length)}. */
    void apply(float[] values, int length) {
        switch (this) {
            case RELU -> {
                for (int i = 0; i < length; i++) {
                    values[i] = Math.max(values[i], 0f);
                }
            }
            case TANH -> {
                for (int i = 0; i < length; i++) {
                    values[i] = tanh(values[i]);
                }
            }
            case IDENTITY -> {
                // Nothing to do: the linear output is the activation.
            }
        }
    }

    /**
     * Multiplies {@code gradient[0, length)} in place by this activation's derivative, given the
     * activated values {@code activated[0, length)} of the same positions.
     */
    void multiplyByDerivative(float[] gradient, float[] activated, int length) {
        switch (this) {
            case RELU -> {
                // The derivative as min(1, a · 2^254): 0 for a = 0, 1 for every positive float (even
                // the smallest subnormal), NaN for NaN. Branch-free, so C2 vectorises it: the branch
                // on a > 0 mispredicted half the time and took 400 µs for a 256×400 layer, this 60 µs.
                // A zero gradient may come out as −0, which sums as 0.
                for (int i = 0; i < length; i++) {
                    gradient[i] *= Math.min(1f, activated[i] * 0x1p127f * 0x1p127f);
                }
            }
            case TANH -> {
                for (int i = 0; i < length; i++) {
                    float a = activated[i];
                    gradient[i] *= 1f - a * a;
                }
            }
            case IDENTITY -> {
                // The derivative is 1.
            }
        }
    }

    /**
     * tanh through one exponential: {@code 1 − 2 / (e^{2z} + 1)}. Measured about 5× faster than
     * {@link Math#tanh} on this JVM and within 2e-7 of it; saturates to ±1 for large |z| because
     * the exponential overflows to infinity (or underflows to 0) in double before the division.
     */
    static float tanh(float z) {
        double e = Math.exp(2.0 * z);
        return (float) (1.0 - 2.0 / (e + 1.0));
    }
}
