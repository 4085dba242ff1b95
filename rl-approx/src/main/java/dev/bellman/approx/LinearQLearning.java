package dev.bellman.approx;

import dev.bellman.approx.features.ActionFeatures;
import dev.bellman.tabular.LearnerSettings;

/**
 * Q-learning with a linear action-value function (Watkins 1989; Sutton &amp; Barto §6.5 and §10.1,
 * the semi-gradient form of the tabular rule):
 * <pre>{@code
 * w ← w + α [R + γ max_a q̂(S', a, w) − q̂(S, A, w)] x(S, A)
 * }</pre>
 * with the max taken as 0 when the episode terminates in {@code S'}, and kept when it is only
 * truncated. The behaviour is ε-greedy with respect to the current weights. With one-hot
 * state-action features and a constant α it is tabular Q-learning
 * ({@link dev.bellman.tabular.td.QLearning}) exactly. Off-policy bootstrapping with function
 * approximation can diverge (the deadly triad, Sutton &amp; Barto §11.3); divergence is reported by
 * an {@link IllegalStateException} as soon as a TD error stops being finite.
 *
 * <p>Cost per step: {@code actionCount + 1} feature evaluations for the target and as many for the
 * ε-greedy choice, and {@code O(active)} for the update with sparse features, {@code O(d)} with
 * dense ones. Nothing is allocated per step.
 *
 * @param <O> the observation type
 */
public final class LinearQLearning<O> extends LinearControlLearner<O> {

    private final FeatureVector current;

    /**
     * @param settings gamma, alpha (per weight update), epsilon (per episode), seed, episode limit,
     *                 initial weight value
     * @param features the state-action features x(s, a)
     * @throws IllegalArgumentException if an argument is null
     */
    public LinearQLearning(LearnerSettings settings, ActionFeatures<O> features) {
        super(settings, features);
        this.current = FeatureVector.of(features);
    }

    @Override
    protected Integer act(O observation) {
        return epsilonGreedy(observation);
    }

    @Override
    protected void update(O observation, Integer action, double reward, O next, boolean terminated,
                          boolean truncated) {
        double target = terminated ? reward : reward + settings.gamma() * maxValue(next);
        double tdError = target - current.load(features, observation, action).dot(weights);
        recordError(tdError);
        current.addTo(weights, nextAlpha() * tdError);
    }
}
