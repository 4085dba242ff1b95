package dev.bellman.approx.features;

import dev.bellman.core.checkpoint.Checkpointable;

/**
 * Finds the mutable state inside a feature map, for the learners' checkpoints. Most feature maps are
 * pure functions; tile coding is not: its {@link IndexHashTable} hands out indices in the order tiles
 * are first seen, so weights saved without the table would be read against other indices.
 */
public final class FeatureStates {

    private FeatureStates() {
    }

    /**
     * @param features a feature map ({@link Features}, {@link ActionFeatures} or a sparse form)
     * @return the state a checkpoint must hold for the map to give the same features after
     *         loading, or {@code null} if the map has none
     * @throws IllegalArgumentException if {@code features} is null
     */
    public static Checkpointable of(Object features) {
        Checks.notNull(features, "features");
        if (features instanceof StackedActionFeatures<?> stacked) {
            return of(stacked.base());
        }
        if (features instanceof TileCoder coder) {
            return coder.table();
        }
        if (features instanceof TileCoder.Actions actions) {
            return actions.table();
        }
        return null;
    }
}
