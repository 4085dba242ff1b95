package dev.bellman.approx;

import dev.bellman.approx.features.ActionFeatures;
import dev.bellman.approx.features.Features;
import dev.bellman.approx.features.SparseActionFeatures;
import dev.bellman.approx.features.SparseFeatures;

/**
 * One feature vector φ, held densely or as the active indices of binary features, with the two
 * operations linear methods need — {@code φᵀw} and {@code w += c φ} — at the cost of the active
 * entries only. The buffers are allocated once; loading allocates nothing.
 */
final class FeatureVector {

    private final int dimension;
    private final double[] dense;
    private final int[] active;

    private FeatureVector(int dimension, boolean sparse, int activeCount) {
        this.dimension = dimension;
        this.dense = sparse ? null : new double[dimension];
        this.active = sparse ? new int[activeCount] : null;
    }

    /** @return a buffer shaped for {@code features} (sparse if they are {@link SparseFeatures}) */
    static FeatureVector of(Features<?> features) {
        return features instanceof SparseFeatures<?> sparse
                ? new FeatureVector(features.dimension(), true, sparse.activeCount())
                : new FeatureVector(features.dimension(), false, 0);
    }

    /** @return a buffer shaped for {@code features} (sparse if they are {@link SparseActionFeatures}) */
    static FeatureVector of(ActionFeatures<?> features) {
        return features instanceof SparseActionFeatures<?> sparse
                ? new FeatureVector(features.dimension(), true, sparse.activeCount())
                : new FeatureVector(features.dimension(), false, 0);
    }

    /** Loads φ(observation); {@code features} must be the map this buffer was shaped for. */
    <O> FeatureVector load(Features<O> features, O observation) {
        if (active != null) {
            ((SparseFeatures<O>) features).activeIndices(observation, active);
        } else {
            features.write(observation, dense);
        }
        return this;
    }

    /** Loads x(observation, action); {@code features} must be the map this buffer was shaped for. */
    <O> FeatureVector load(ActionFeatures<O> features, O observation, int action) {
        if (active != null) {
            ((SparseActionFeatures<O>) features).activeIndices(observation, action, active);
        } else {
            features.write(observation, action, dense);
        }
        return this;
    }

    /** @return {@code φᵀw} */
    double dot(double[] weights) {
        double sum = 0;
        if (active != null) {
            for (int index : active) {
                sum += weights[index];
            }
        } else {
            for (int i = 0; i < dimension; i++) {
                sum += dense[i] * weights[i];
            }
        }
        return sum;
    }

    /** {@code target += scale φ} */
    void addTo(double[] target, double scale) {
        if (active != null) {
            for (int index : active) {
                target[index] += scale;
            }
        } else {
            for (int i = 0; i < dimension; i++) {
                target[i] += scale * dense[i];
            }
        }
    }

    /** @return {@code φᵀφ}, the squared norm */
    double squaredNorm() {
        if (active != null) {
            return active.length;
        }
        double sum = 0;
        for (int i = 0; i < dimension; i++) {
            sum += dense[i] * dense[i];
        }
        return sum;
    }

    /** Writes the dense form of φ into {@code out[0, dimension)}. */
    void copyDenseTo(double[] out) {
        if (active != null) {
            java.util.Arrays.fill(out, 0, dimension, 0.0);
            for (int index : active) {
                out[index] += 1.0;
            }
        } else {
            System.arraycopy(dense, 0, out, 0, dimension);
        }
    }

    /** Copies φ from {@code other}, a buffer of the same shape. */
    void copyFrom(FeatureVector other) {
        if (active != null) {
            System.arraycopy(other.active, 0, active, 0, active.length);
        } else {
            System.arraycopy(other.dense, 0, dense, 0, dimension);
        }
    }

    /** @return the number of features */
    int dimension() {
        return dimension;
    }
}
