package dev.bellman.deep.nn;

import java.util.Arrays;
import java.util.Objects;

/**
 * Shape of a multilayer perceptron.
 *
 * <p>{@code layerSizes} lists the widths from input to output, both included: {@code {4, 256, 256,
 * 2}} is a network with 4 inputs, two hidden layers of 256 units and 2 outputs. Hidden layers use
 * {@code hidden}; the output layer uses {@code output}.
 *
 * <p>With {@code dueling} (Wang et al. 2016, "Dueling Network Architectures for Deep Reinforcement
 * Learning", eq. 9) the last hidden layer feeds two linear heads, a state value {@code V} (one
 * output) and advantages {@code A} (one per output), combined as {@code Q = V + A − mean(A)}. The
 * output activation must then be {@link Activation#IDENTITY}, and at least one hidden layer is
 * required (three or more sizes).
 *
 * <p>The array is copied on construction and by {@link #layerSizes()}, so a config is immutable.
 *
 * @param layerSizes widths from input to output, at least two, each at least 1
 * @param hidden     activation of every hidden layer
 * @param output     activation of the output layer
 * @param dueling    whether the output is a dueling {@code V + A − mean(A)} head
 */
public record MlpConfig(int[] layerSizes, Activation hidden, Activation output, boolean dueling) {

    /**
     * Validates and copies the configuration.
     *
     * @param layerSizes widths from input to output, at least two, each at least 1
     * @param hidden     activation of every hidden layer
     * @param output     activation of the output layer
     * @param dueling    whether the output is a dueling {@code V + A − mean(A)} head
     * @throws NullPointerException     if {@code layerSizes}, {@code hidden} or {@code output} is
     *                                  null
     * @throws IllegalArgumentException if fewer than two sizes are given, a size is below 1, or a
     *                                  dueling network has no hidden layer or a non-identity output
     */
    public MlpConfig {
        Objects.requireNonNull(layerSizes, "layerSizes");
        Objects.requireNonNull(hidden, "hidden");
        Objects.requireNonNull(output, "output");
        if (layerSizes.length < 2) {
            throw new IllegalArgumentException("layerSizes needs at least an input and an output size, got "
                    + Arrays.toString(layerSizes));
        }
        for (int i = 0; i < layerSizes.length; i++) {
            if (layerSizes[i] < 1) {
                throw new IllegalArgumentException("layerSizes[" + i + "] = " + layerSizes[i]
                        + " must be at least 1 in " + Arrays.toString(layerSizes));
            }
        }
        if (dueling && output != Activation.IDENTITY) {
            throw new IllegalArgumentException("a dueling network's output activation must be IDENTITY, got "
                    + output);
        }
        if (dueling && layerSizes.length < 3) {
            throw new IllegalArgumentException("a dueling network needs at least one hidden layer, got layerSizes "
                    + Arrays.toString(layerSizes));
        }
        layerSizes = layerSizes.clone();
    }

    /**
     * A plain (non-dueling) network.
     *
     * @param layerSizes widths from input to output, at least two, each at least 1
     * @param hidden     activation of every hidden layer
     * @param output     activation of the output layer
     * @see #MlpConfig(int[], Activation, Activation, boolean)
     */
    public MlpConfig(int[] layerSizes, Activation hidden, Activation output) {
        this(layerSizes, hidden, output, false);
    }

    /**
     * Returns a copy of the widths from input to output.
     *
     * @return a copy of the widths from input to output
     */
    @Override
    public int[] layerSizes() {
        return layerSizes.clone();
    }

    /**
     * Number of inputs, {@code layerSizes[0]}.
     *
     * @return the number of inputs, {@code layerSizes[0]}
     */
    public int inputSize() {
        return layerSizes[0];
    }

    /**
     * Number of outputs, the last of {@code layerSizes}.
     *
     * @return the number of outputs, the last of {@code layerSizes}
     */
    public int outputSize() {
        return layerSizes[layerSizes.length - 1];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MlpConfig that
                && Arrays.equals(layerSizes, that.layerSizes)
                && hidden == that.hidden
                && output == that.output
                && dueling == that.dueling;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(layerSizes), hidden, output, dueling);
    }

    @Override
    public String toString() {
        return "MlpConfig[layerSizes=" + Arrays.toString(layerSizes) + ", hidden=" + hidden
                + ", output=" + output + ", dueling=" + dueling + "]";
    }
}
