package dev.bellman.approx;

import dev.bellman.approx.features.ActionFeatures;
import dev.bellman.tabular.LearnerSettings;

/**
 * Episodic semi-gradient Sarsa with a linear action-value function (Sutton &amp; Barto §10.1, box
 * p.244):
 * <pre>{@code
 * w ← w + α [R + γ q̂(S', A', w) − q̂(S, A, w)] ∇q̂(S, A, w),   ∇q̂(S, A, w) = x(S, A)
 * }</pre>
 * where {@code A'} is the ε-greedy action actually taken next, {@code q̂(S', A', w) = 0} when the
 * episode terminates in {@code S'}, and a truncated episode bootstraps from {@code S'} (an action is
 * drawn for it, then the next episode starts afresh). With one-hot state-action features and a
 * constant α it is tabular Sarsa ({@link dev.bellman.tabular.td.Sarsa}) exactly.
 *
 * <p>Cost per step: two feature evaluations plus the {@code actionCount} evaluations of the ε-greedy
 * choice, and {@code O(active)} for the update with sparse (tile-coded) features, {@code O(d)} with
 * dense ones. Nothing is allocated per step.
 *
 * @param <O> the observation type
 */
public final class SemiGradientSarsa<O> extends LinearControlLearner<O> {

    private final FeatureVector current;
    private int nextAction = -1;

    /**
     * @param settings gamma, alpha (per weight update), epsilon (per episode), seed, episode limit,
     *                 initial weight value
     * @param features the state-action features x(s, a)
     * @throws IllegalArgumentException if an argument is null
     */
    public SemiGradientSarsa(LearnerSettings settings, ActionFeatures<O> features) {
        super(settings, features);
        this.current = FeatureVector.of(features);
    }

    @Override
    protected void beginEpisode(O observation) {
        super.beginEpisode(observation);
        nextAction = -1;
    }

    /** The action chosen for this state by the previous update, or an ε-greedy one at an episode's start. */
    @Override
    protected Integer act(O observation) {
        return nextAction >= 0 ? nextAction : epsilonGreedy(observation);
    }

    @Override
    protected void update(O observation, Integer action, double reward, O next, boolean terminated,
                          boolean truncated) {
        double value = current.load(features, observation, action).dot(weights);
        double target = reward;
        nextAction = -1;
        if (!terminated) {
            int chosen = epsilonGreedy(next);
            target += settings.gamma() * value(next, chosen);
            // After a truncation the next episode starts elsewhere, so the chosen action is not taken.
            nextAction = truncated ? -1 : chosen;
        }
        double tdError = target - value;
        recordError(tdError);
        current.addTo(weights, nextAlpha() * tdError);
    }
}
