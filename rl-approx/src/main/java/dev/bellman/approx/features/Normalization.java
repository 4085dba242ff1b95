package dev.bellman.approx.features;

/**
 * How a bounded feature map rescales each coordinate from its declared bounds {@code [low, high]}
 * before computing features.
 */
public enum Normalization {

    /** {@code (x - low) / (high - low)}, in {@code [0, 1]}: Zhao's grid coordinates, Konidaris et al.'s Fourier basis. */
    UNIT_INTERVAL,

    /** {@code 2 (x - low) / (high - low) - 1}, in {@code [-1, 1]}: centred, so odd and even powers stay distinct. */
    SYMMETRIC;

    /** @return the unit-interval coordinate {@code u ∈ [0, 1]} mapped to this normalisation's interval */
    double apply(double unit) {
        return this == UNIT_INTERVAL ? unit : 2.0 * unit - 1.0;
    }
}
