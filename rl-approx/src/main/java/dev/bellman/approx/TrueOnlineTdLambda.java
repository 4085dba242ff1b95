package dev.bellman.approx;

import dev.bellman.approx.features.Features;
import dev.bellman.core.Policy;
import dev.bellman.core.checkpoint.StateReader;
import dev.bellman.core.checkpoint.StateWriter;
import dev.bellman.tabular.LearnerSettings;

import java.io.IOException;

/**
 * True online TD(λ) for estimating {@code v_π} with a linear function (van Seijen &amp; Sutton
 * 2014; Sutton &amp; Barto §12.5, box p.300), with dutch traces:
 * <pre>{@code
 * x ← φ(S), x' ← φ(S')  (x' = 0 if S' is terminal)
 * V ← wᵀx,  V' ← wᵀx',  δ ← R + γV' − V
 * z ← γλ z + (1 − αγλ zᵀx) x
 * w ← w + α (δ + V − V_old) z − α (V − V_old) x
 * V_old ← V'
 * }</pre>
 * {@code z} and {@code V_old} start at 0 in every episode. Its weights after each step equal those
 * of the online λ-return algorithm, exactly; with λ = 0 it is semi-gradient TD(0).
 *
 * @param <O> the observation type
 * @param <A> the action type
 */
public final class TrueOnlineTdLambda<O, A> extends LinearPredictionLearner<O, A> {

    private final double lambda;
    private final DutchTrace trace;
    private final FeatureVector current;
    private final FeatureVector next;
    private double oldValue;

    /**
     * @param settings gamma, alpha (per weight update), seed, initial weight value
     * @param features the feature map φ
     * @param policy   the policy π to evaluate
     * @param lambda   the trace-decay parameter λ in {@code [0, 1]}
     * @throws IllegalArgumentException if an argument is null or λ is outside {@code [0, 1]}
     */
    public TrueOnlineTdLambda(LearnerSettings settings, Features<O> features, Policy<O, A> policy, double lambda) {
        super(settings, features, policy);
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
        trace.reset();
        oldValue = 0.0;
    }

    @Override
    protected void update(O observation, A action, double reward, O nextObservation, boolean terminated,
                          boolean truncated) {
        double gamma = settings.gamma();
        double alpha = nextAlpha();
        current.load(features, observation);
        double value = current.dot(weights);
        double nextValue = terminated ? 0.0 : next.load(features, nextObservation).dot(weights);
        double tdError = reward + gamma * nextValue - value;
        recordError(tdError);

        trace.update(weights, current, alpha, gamma * lambda, tdError, value, oldValue);
        oldValue = nextValue;
    }

    /** Adds lambda, which must match on loading, the dutch trace and {@code V_old}. */
    @Override
    protected void writeLearnerState(StateWriter out) throws IOException {
        super.writeLearnerState(out);
        out.section("true-online-td-lambda");
        out.writeString(Double.toString(lambda));
        trace.writeState(out);
        out.writeDouble(oldValue);
    }

    /** Reads what {@link #writeLearnerState} wrote. */
    @Override
    protected void readLearnerState(StateReader in) throws IOException {
        super.readLearnerState(in);
        in.section("true-online-td-lambda");
        in.expectString("lambda", Double.toString(lambda));
        trace.readState(in);
        oldValue = in.readDouble();
    }
}
