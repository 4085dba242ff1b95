package dev.bellman.approx;

import dev.bellman.approx.features.ActionFeatures;
import dev.bellman.core.checkpoint.StateReader;
import dev.bellman.core.checkpoint.StateWriter;
import dev.bellman.tabular.LearnerSettings;

import java.io.IOException;

/**
 * Episodic semi-gradient n-step Sarsa with a linear action-value function (Sutton &amp; Barto
 * §10.2, box p.247): once {@code n} rewards have followed the pair of time {@code τ},
 * <pre>{@code
 * G ← Σ_{i=τ+1}^{min(τ+n, T)} γ^{i−τ−1} R_i
 * if τ + n < T:  G ← G + γⁿ q̂(S_{τ+n}, A_{τ+n}, w)
 * w ← w + α [G − q̂(S_τ, A_τ, w)] x(S_τ, A_τ)
 * }</pre>
 * where the actions are the ε-greedy ones actually taken. When the episode ends the last
 * {@code min(n, T)} pairs are updated in order, each with the weights left by the one before; after
 * a termination their returns stop at the last reward, after a truncation they bootstrap from the
 * last observation and an action drawn for it. {@code n = 1} is {@link SemiGradientSarsa}, step for
 * step.
 *
 * <p>The pairs are remembered as feature vectors, not observations: a ring of {@code n + 1}
 * buffers allocated once, so an environment may reuse its observation objects and nothing is
 * allocated per step. Cost per step: two feature evaluations plus the ε-greedy choice, {@code O(n)}
 * for the return and {@code O(active)} (sparse features) or {@code O(d)} (dense) for the update.
 *
 * @param <O> the observation type
 */
public final class NStepSemiGradientSarsa<O> extends LinearControlLearner<O> {

    private final int n;
    /** {@code pairs[t % (n + 1)]} holds x(S_t, A_t) for the last n + 1 times t. */
    private final FeatureVector[] pairs;
    /** {@code rewards[t % (n + 1)]} holds R_t, the reward that follows (S_{t−1}, A_{t−1}). */
    private final double[] rewards;
    /** The number of steps taken in the current episode. */
    private long steps;
    private int nextAction = -1;

    /**
     * @param settings gamma, alpha (per weight update), epsilon (per episode), seed, episode limit,
     *                 initial weight value
     * @param features the state-action features x(s, a)
     * @param n        the number of rewards before bootstrapping, at least 1
     * @throws IllegalArgumentException if an argument is null or {@code n < 1}
     */
    public NStepSemiGradientSarsa(LearnerSettings settings, ActionFeatures<O> features, int n) {
        super(settings, features);
        if (n < 1) {
            throw new IllegalArgumentException("n " + n + " is not allowed; expected at least 1 (1 is one-step Sarsa)");
        }
        this.n = n;
        this.pairs = new FeatureVector[n + 1];
        for (int i = 0; i <= n; i++) {
            pairs[i] = FeatureVector.of(features);
        }
        this.rewards = new double[n + 1];
    }

    /** @return n, the number of rewards before bootstrapping */
    public int n() {
        return n;
    }

    @Override
    protected void beginEpisode(O observation) {
        super.beginEpisode(observation);
        steps = 0;
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
        long t = steps++;
        if (t == 0) {
            // Later pairs were loaded when their action was chosen, one step earlier.
            pair(t).load(features, observation, action);
        }
        rewards[slot(t + 1)] = reward;
        nextAction = -1;
        if (!terminated) {
            int chosen = epsilonGreedy(next);
            pair(t + 1).load(features, next, chosen);
            // After a truncation the next episode starts elsewhere, so the chosen action is not taken.
            nextAction = truncated ? -1 : chosen;
        }
        long last = t + 1;
        if (terminated || truncated) {
            for (long tau = Math.max(0, last - n); tau < last; tau++) {
                updatePair(tau, last, !terminated);
            }
        } else if (last - n >= 0) {
            updatePair(last - n, last, true);
        }
    }

    /**
     * The box's update of time τ: the return of the rewards {@code R_{τ+1} .. R_last}, plus, if
     * {@code bootstrap}, {@code γ^(last−τ)} times the value of the pair of time {@code last}
     * ({@code last − τ = n} except at an episode's end).
     */
    private void updatePair(long tau, long last, boolean bootstrap) {
        double gamma = settings.gamma();
        double target = 0;
        double discount = 1;
        for (long i = tau + 1; i <= last; i++) {
            target += discount * rewards[slot(i)];
            discount *= gamma;
        }
        if (bootstrap) {
            target += discount * pair(last).dot(weights);
        }
        FeatureVector updated = pair(tau);
        double tdError = target - updated.dot(weights);
        recordError(tdError);
        updated.addTo(weights, nextAlpha() * tdError);
    }

    private FeatureVector pair(long t) {
        return pairs[slot(t)];
    }

    private int slot(long t) {
        return (int) (t % (n + 1));
    }

    /**
     * Adds {@code n}, which must match on loading. The buffers of pairs and rewards hold only the
     * current episode, and a checkpoint is never taken inside one.
     */
    @Override
    protected void writeLearnerState(StateWriter out) throws IOException {
        super.writeLearnerState(out);
        out.section("n-step-semi-gradient-sarsa");
        out.writeString(Integer.toString(n));
    }

    /** Reads what {@link #writeLearnerState} wrote. */
    @Override
    protected void readLearnerState(StateReader in) throws IOException {
        super.readLearnerState(in);
        in.section("n-step-semi-gradient-sarsa");
        in.expectString("n", Integer.toString(n));
    }
}
