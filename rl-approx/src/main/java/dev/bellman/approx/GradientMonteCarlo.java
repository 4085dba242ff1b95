package dev.bellman.approx;

import dev.bellman.approx.features.Features;
import dev.bellman.core.Policy;
import dev.bellman.tabular.LearnerSettings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Gradient Monte Carlo for estimating {@code v_π} with a linear function (Sutton &amp; Barto §9.3,
 * box p.202): after each episode, for {@code t = 0, 1, ..., T−1} in order,
 * {@code w ← w + α [G_t − v̂(S_t, w)] φ(S_t)}, where {@code G_t} is the discounted return from
 * {@code t}.
 *
 * <p>An episode cut off by a time limit has no complete returns; its returns are completed with
 * the current estimate of the last observation, {@code γ^(T−t) v̂(S_T, w)} — the bootstrap a
 * truncated episode calls for — rather than silently treating the cut as termination. The
 * observations of the running episode are kept until it ends.
 *
 * @param <O> the observation type
 * @param <A> the action type
 */
public final class GradientMonteCarlo<O, A> extends LinearPredictionLearner<O, A> {

    private final List<O> observations = new ArrayList<>();
    private double[] rewards = new double[64];
    private final FeatureVector buffer;

    /**
     * @param settings gamma, alpha (per weight update), seed, initial weight value
     * @param features the feature map φ
     * @param policy   the policy π to evaluate
     * @throws IllegalArgumentException if an argument is null
     */
    public GradientMonteCarlo(LearnerSettings settings, Features<O> features, Policy<O, A> policy) {
        super(settings, features, policy);
        this.buffer = FeatureVector.of(features);
    }

    @Override
    protected void beginEpisode(O observation) {
        observations.clear();
    }

    @Override
    protected void update(O observation, A action, double reward, O nextObservation, boolean terminated,
                          boolean truncated) {
        int t = observations.size();
        if (t == rewards.length) {
            rewards = Arrays.copyOf(rewards, 2 * t);
        }
        observations.add(observation);
        rewards[t] = reward;
        if (terminated || truncated) {
            double tail = terminated ? 0.0 : buffer.load(features, nextObservation).dot(weights);
            learnFromEpisode(tail);
        }
    }

    private void learnFromEpisode(double tail) {
        int length = observations.size();
        double gamma = settings.gamma();
        double[] returns = new double[length];
        double g = tail;
        for (int t = length - 1; t >= 0; t--) {
            g = rewards[t] + gamma * g;
            returns[t] = g;
        }
        for (int t = 0; t < length; t++) {
            double error = returns[t] - buffer.load(features, observations.get(t)).dot(weights);
            recordError(error);
            buffer.addTo(weights, nextAlpha() * error);
        }
        observations.clear();
    }
}
