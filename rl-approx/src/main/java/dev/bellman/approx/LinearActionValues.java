package dev.bellman.approx;

import dev.bellman.approx.features.ActionFeatures;
import dev.bellman.core.ActionValueFunction;
import dev.bellman.core.Policy;

import java.util.random.RandomGenerator;

/**
 * A linear action-value function {@code q̂(s, a, w) = x(s, a)ᵀw} over integer actions: a feature
 * map and a snapshot of the weights. Not thread-safe (it reuses one feature buffer).
 *
 * @param <O> the observation type
 */
public final class LinearActionValues<O> implements ActionValueFunction<O, Integer> {

    private final ActionFeatures<O> features;
    private final double[] weights;
    private final FeatureVector buffer;

    /**
     * @param features the feature map x(s, a)
     * @param weights  the weights w, one per feature; copied
     * @throws IllegalArgumentException if either is null or the lengths differ
     */
    public LinearActionValues(ActionFeatures<O> features, double[] weights) {
        this.features = Checks.notNull(features, "features");
        this.weights = Checks.weightsFor(weights, features.dimension());
        this.buffer = FeatureVector.of(features);
    }

    /**
     * @return {@code x(observation, action)ᵀw}
     * @throws IllegalArgumentException if the action is null or outside {@code [0, actionCount())},
     *                                  or the features reject the observation
     */
    @Override
    public double value(O observation, Integer action) {
        if (action == null) {
            throw new IllegalArgumentException("action is null; expected an integer in [0, " + features.actionCount() + ")");
        }
        return buffer.load(features, observation, action).dot(weights);
    }

    /** @return the number of actions */
    public int actionCount() {
        return features.actionCount();
    }

    /** @return a copy of the weights */
    public double[] weights() {
        return weights.clone();
    }

    /**
     * The greedy policy: the action of highest value, ties broken uniformly at random with the
     * generator passed to {@code act}.
     *
     * @return the greedy policy over these values
     */
    public Policy<O, Integer> greedyPolicy() {
        LinearActionValues<O> own = new LinearActionValues<>(features, weights);
        double[] values = new double[features.actionCount()];
        return (observation, rng) -> {
            for (int a = 0; a < values.length; a++) {
                values[a] = own.value(observation, a);
            }
            return argmaxWithRandomTies(values, rng);
        };
    }

    /**
     * @return an index of the largest value, each tied maximum equally likely
     * @throws IllegalStateException if a value is NaN
     */
    static int argmaxWithRandomTies(double[] values, RandomGenerator rng) {
        double best = Double.NEGATIVE_INFINITY;
        int ties = 0;
        for (double value : values) {
            if (Double.isNaN(value)) {
                throw new IllegalStateException("an action value is NaN; the weights have diverged (try a smaller alpha)");
            }
            if (value > best) {
                best = value;
                ties = 1;
            } else if (value == best) {
                ties++;
            }
        }
        int pick = ties == 1 ? 0 : rng.nextInt(ties);
        for (int a = 0; a < values.length; a++) {
            if (values[a] == best && pick-- == 0) {
                return a;
            }
        }
        throw new IllegalStateException("no maximum among " + values.length + " action values");
    }
}
