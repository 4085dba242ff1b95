package dev.bellman.approx;

import dev.bellman.approx.features.ActionFeatures;
import dev.bellman.core.checkpoint.StateReader;
import dev.bellman.core.checkpoint.StateWriter;
import dev.bellman.tabular.LearnerSettings;

import java.io.IOException;


/**
 * True online Sarsa(λ) with a linear action-value function and dutch traces (van Seijen, Mahmood,
 * Pilarski, Machado &amp; Sutton 2016; Sutton &amp; Barto §12.8, box p.307). Each step, with
 * {@code A'} the ε-greedy action taken next:
 * <pre>{@code
 * x' ← x(S', A')                     (x' = 0 if S' is terminal)
 * Q ← wᵀx,  Q' ← wᵀx'
 * δ ← R + γQ' − Q
 * z ← γλ z + (1 − αγλ zᵀx) x
 * w ← w + α (δ + Q − Q_old) z − α (Q − Q_old) x
 * Q_old ← Q',  x ← x'
 * }</pre>
 * {@code z} and {@code Q_old} start at 0 in every episode, and {@code x} at x(S₀, A₀). A truncated
 * episode bootstraps from {@code S'} with an action drawn for it. With λ = 0 the update is that of
 * {@link SemiGradientSarsa} (up to rounding).
 *
 * <p>Cost per step: the feature evaluations of {@link SemiGradientSarsa}, {@code O(active)} for
 * {@code zᵀx}, {@code wᵀx'} and the two {@code x} terms when the features are sparse (tile coding),
 * and two passes over the {@code d} entries of the trace, which is kept dense: one to decay it, one
 * to add it to the weights. The trace becomes non-zero wherever the episode has been, so only a
 * sparse trace with a list of touched entries could do better, at {@code O(entries touched this
 * episode)}. Nothing is allocated per step.
 *
 * @param <O> the observation type
 */
public final class TrueOnlineSarsaLambda<O> extends LinearControlLearner<O> {

    private final double lambda;
    /** The dutch trace z, one entry per weight. */
    private final DutchTrace trace;
    private FeatureVector current;
    private FeatureVector next;
    private double oldValue;
    private boolean currentLoaded;
    private int nextAction = -1;

    /**
     * @param settings gamma, alpha (per weight update), epsilon (per episode), seed, episode limit,
     *                 initial weight value
     * @param features the state-action features x(s, a)
     * @param lambda   the trace-decay parameter λ in {@code [0, 1]}
     * @throws IllegalArgumentException if an argument is null or λ is outside {@code [0, 1]}
     */
    public TrueOnlineSarsaLambda(LearnerSettings settings, ActionFeatures<O> features, double lambda) {
        super(settings, features);
        this.lambda = Checks.lambda(lambda);
        this.trace = new DutchTrace(features.dimension());
        this.current = FeatureVector.of(features);
        this.next = FeatureVector.of(features);
    }

    /** @return λ */
    public double lambda() {
        return lambda;
    }

    @Override
    protected void beginEpisode(O observation) {
        super.beginEpisode(observation);
        trace.reset();
        oldValue = 0.0;
        currentLoaded = false;
        nextAction = -1;
    }

    /** The action chosen for this state by the previous update, or an ε-greedy one at an episode's start. */
    @Override
    protected Integer act(O observation) {
        return nextAction >= 0 ? nextAction : epsilonGreedy(observation);
    }

    @Override
    protected void update(O observation, Integer action, double reward, O nextObservation, boolean terminated,
                          boolean truncated) {
        double gamma = settings.gamma();
        double alpha = nextAlpha();
        if (!currentLoaded) {
            current.load(features, observation, action);
            currentLoaded = true;
        }
        nextAction = -1;
        double nextValue = 0.0;
        if (!terminated) {
            int chosen = epsilonGreedy(nextObservation);
            nextValue = next.load(features, nextObservation, chosen).dot(weights);
            // After a truncation the next episode starts elsewhere, so the chosen action is not taken.
            nextAction = truncated ? -1 : chosen;
        }
        double value = current.dot(weights);
        double tdError = reward + gamma * nextValue - value;
        recordError(tdError);

        trace.update(weights, current, alpha, gamma * lambda, tdError, value, oldValue);

        oldValue = nextValue;
        FeatureVector swap = current;
        current = next;
        next = swap;
    }

    /**
     * Adds lambda, which must match on loading, the dutch trace and {@code V_old}. The feature
     * buffers hold only the current episode, and a checkpoint is never taken inside one.
     */
    @Override
    protected void writeLearnerState(StateWriter out) throws IOException {
        super.writeLearnerState(out);
        out.section("true-online-sarsa-lambda");
        out.writeString(Double.toString(lambda));
        trace.writeState(out);
        out.writeDouble(oldValue);
    }

    /** Reads what {@link #writeLearnerState} wrote. */
    @Override
    protected void readLearnerState(StateReader in) throws IOException {
        super.readLearnerState(in);
        in.section("true-online-sarsa-lambda");
        in.expectString("lambda", Double.toString(lambda));
        trace.readState(in);
        oldValue = in.readDouble();
    }
}
