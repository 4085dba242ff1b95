package dev.bellman.approx;

import dev.bellman.approx.features.Features;
import dev.bellman.core.StateValueFunction;

import java.util.Arrays;

/**
 * A linear state-value function {@code v̂(s, w) = φ(s)ᵀw}: a feature map and a snapshot of the
 * weights. Not thread-safe (it reuses one feature buffer); copy it per thread.
 *
 * @param <O> the observation type
 */
public final class LinearStateValues<O> implements StateValueFunction<O> {

    private final Features<O> features;
    private final double[] weights;
    private final FeatureVector buffer;

    /**
     * @param features the feature map φ
     * @param weights  the weights w, one per feature; copied
     * @throws IllegalArgumentException if either is null or the lengths differ
     */
    public LinearStateValues(Features<O> features, double[] weights) {
        this.features = Checks.notNull(features, "features");
        this.weights = Checks.weightsFor(weights, features.dimension());
        this.buffer = FeatureVector.of(features);
    }

    /**
     * @return {@code φ(observation)ᵀw}
     * @throws IllegalArgumentException if the features reject the observation
     */
    @Override
    public double value(O observation) {
        return buffer.load(features, observation).dot(weights);
    }

    /** @return a copy of the weights */
    public double[] weights() {
        return weights.clone();
    }

    /** @return the feature map */
    public Features<O> features() {
        return features;
    }

    @Override
    public String toString() {
        return "LinearStateValues(" + weights.length + " weights, " + Arrays.toString(Arrays.copyOf(weights, Math.min(8, weights.length)))
                + (weights.length > 8 ? "...)" : ")");
    }
}
