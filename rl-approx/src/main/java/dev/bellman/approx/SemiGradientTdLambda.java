package dev.bellman.approx;

import dev.bellman.approx.features.Features;
import dev.bellman.core.Policy;
import dev.bellman.core.checkpoint.StateReader;
import dev.bellman.core.checkpoint.StateWriter;
import dev.bellman.tabular.LearnerSettings;

import java.io.IOException;
import java.util.Arrays;

/**
 * Semi-gradient TD(λ) with accumulating traces for estimating {@code v_π} with a linear function
 * (Sutton &amp; Barto §12.2, box p.293):
 * <pre>{@code
 * z ← γλ z + φ(S)
 * δ ← R + γ v̂(S', w) − v̂(S, w)        (v̂(S', w) = 0 if S' is terminal)
 * w ← w + α δ z
 * }</pre>
 * The trace starts at 0 in every episode. λ = 0 is semi-gradient TD(0); λ = 1 with γ = 1
 * approaches gradient Monte Carlo with updates spread over the episode. Each step costs
 * {@code O(dimension)} for the trace decay, whatever the features' sparsity.
 *
 * @param <O> the observation type
 * @param <A> the action type
 */
public final class SemiGradientTdLambda<O, A> extends LinearPredictionLearner<O, A> {

    private final double lambda;
    private final double[] trace;
    private final FeatureVector current;
    private final FeatureVector next;

    /**
     * @param settings gamma, alpha (per weight update), seed, initial weight value
     * @param features the feature map φ
     * @param policy   the policy π to evaluate
     * @param lambda   the trace-decay parameter λ in {@code [0, 1]}
     * @throws IllegalArgumentException if an argument is null or λ is outside {@code [0, 1]}
     */
    public SemiGradientTdLambda(LearnerSettings settings, Features<O> features, Policy<O, A> policy, double lambda) {
        super(settings, features, policy);
        this.lambda = Checks.lambda(lambda);
        this.trace = new double[features.dimension()];
        this.current = FeatureVector.of(features);
        this.next = FeatureVector.of(features);
    }

    /** @return λ */
    public double lambda() {
        return lambda;
    }

    @Override
    protected void beginEpisode(O observation) {
        Arrays.fill(trace, 0.0);
    }

    @Override
    protected void update(O observation, A action, double reward, O nextObservation, boolean terminated,
                          boolean truncated) {
        double gamma = settings.gamma();
        double decay = gamma * lambda;
        for (int i = 0; i < trace.length; i++) {
            trace[i] *= decay;
        }
        current.load(features, observation).addTo(trace, 1.0);
        double value = current.dot(weights);
        double nextValue = terminated ? 0.0 : next.load(features, nextObservation).dot(weights);
        double tdError = reward + gamma * nextValue - value;
        recordError(tdError);
        double step = nextAlpha() * tdError;
        for (int i = 0; i < weights.length; i++) {
            weights[i] += step * trace[i];
        }
    }

    /** Adds lambda, which must match on loading, and the trace. */
    @Override
    protected void writeLearnerState(StateWriter out) throws IOException {
        super.writeLearnerState(out);
        out.section("semi-gradient-td-lambda");
        out.writeString(Double.toString(lambda));
        out.writeDoubles(trace);
    }

    /** Reads what {@link #writeLearnerState} wrote. */
    @Override
    protected void readLearnerState(StateReader in) throws IOException {
        super.readLearnerState(in);
        in.section("semi-gradient-td-lambda");
        in.expectString("lambda", Double.toString(lambda));
        in.readDoubles(trace, "eligibility trace");
    }
}
