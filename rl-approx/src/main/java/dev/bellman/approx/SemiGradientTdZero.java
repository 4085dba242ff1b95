package dev.bellman.approx;

import dev.bellman.approx.features.Features;
import dev.bellman.core.Policy;
import dev.bellman.tabular.LearnerSettings;

/**
 * Semi-gradient TD(0) for estimating {@code v_π} with a linear function (Sutton &amp; Barto §9.3,
 * box p.203; Zhao's "TD-Linear", Chapter 8):
 * {@code w ← w + α [R + γ v̂(S', w) − v̂(S, w)] φ(S)}, with {@code v̂(S', w) = 0} when the episode
 * terminates in {@code S'} and a bootstrap from {@code S'} when it is truncated. With one-hot
 * features and a constant α it is tabular TD(0) exactly.
 *
 * @param <O> the observation type
 * @param <A> the action type
 */
public final class SemiGradientTdZero<O, A> extends LinearPredictionLearner<O, A> {

    private final FeatureVector current;
    private final FeatureVector next;

    /**
     * @param settings gamma, alpha (per weight update), seed, initial weight value
     * @param features the feature map φ
     * @param policy   the policy π to evaluate
     * @throws IllegalArgumentException if an argument is null
     */
    public SemiGradientTdZero(LearnerSettings settings, Features<O> features, Policy<O, A> policy) {
        super(settings, features, policy);
        this.current = FeatureVector.of(features);
        this.next = FeatureVector.of(features);
    }

    @Override
    protected void update(O observation, A action, double reward, O nextObservation, boolean terminated,
                          boolean truncated) {
        double value = current.load(features, observation).dot(weights);
        double nextValue = terminated ? 0.0 : next.load(features, nextObservation).dot(weights);
        double tdError = reward + settings.gamma() * nextValue - value;
        recordError(tdError);
        current.addTo(weights, nextAlpha() * tdError);
    }
}
