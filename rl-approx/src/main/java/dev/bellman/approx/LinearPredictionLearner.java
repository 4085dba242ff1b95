package dev.bellman.approx;

import dev.bellman.approx.features.FeatureStates;
import dev.bellman.approx.features.Features;
import dev.bellman.core.Environment;
import dev.bellman.core.EpisodicLearner;
import dev.bellman.core.Policy;
import dev.bellman.core.checkpoint.InvalidCheckpointException;
import dev.bellman.core.checkpoint.StateReader;
import dev.bellman.core.checkpoint.StateWriter;
import dev.bellman.tabular.LearnerSettings;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;

/**
 * The shared part of the linear prediction methods: they estimate {@code v_π} of a fixed policy
 * as {@code v̂(s, w) = φ(s)ᵀw}, following the policy in the environment.
 *
 * <p>Settings: {@code gamma}; {@code alpha} as a function of the number of weight updates so far
 * (1, 2, ...), so that a decaying schedule decays over the whole run; {@code initialValue} is the
 * value every weight starts at; {@code seed} seeds the policy's random choices and the
 * environment's first reset; {@code epsilon} is not used. After every episode the root mean square
 * of the episode's TD errors (or Monte Carlo errors) is reported to the listeners under
 * {@link #METRIC_ERROR}.
 *
 * <p>Checkpoints hold the settings and the feature map's class and dimension (checked on loading;
 * the caller rebuilds the feature map and the policy, as it does the settings), the weights, the
 * update count, the error sums of an episode a step budget cut short, and the feature map's own
 * state where it has one ({@link FeatureStates}). An error that is NaN or infinite stops training
 * with a {@link dev.bellman.core.TrainingDivergedException}.
 *
 * @param <O> the observation type
 * @param <A> the action type
 */
public abstract class LinearPredictionLearner<O, A> extends EpisodicLearner<O, A> {

    /** Metric key of the root mean square error of the updates in the episode just ended. */
    public static final String METRIC_ERROR = "error_rms";

    /** The settings. */
    protected final LearnerSettings settings;
    /** The feature map φ. */
    protected final Features<O> features;
    /** The weights w, one per feature. */
    protected final double[] weights;
    private final Policy<O, A> policy;
    private long updates;
    private final ErrorMeter errors = new ErrorMeter();

    /**
     * @param settings the settings (see the class comment)
     * @param features the feature map φ
     * @param policy   the policy π whose values are estimated
     * @throws IllegalArgumentException if an argument is null
     */
    protected LinearPredictionLearner(LearnerSettings settings, Features<O> features, Policy<O, A> policy) {
        super(Checks.notNull(settings, "settings").seed(), settings.maxEpisodeLength());
        this.settings = settings;
        this.features = Checks.notNull(features, "features");
        this.policy = Checks.notNull(policy, "policy");
        this.weights = new double[features.dimension()];
        Arrays.fill(weights, settings.initialValue());
    }

    @Override
    protected void prepare(Environment<O, A> env) {
        // The feature map validates every observation it is given; nothing to size beforehand.
    }

    @Override
    protected A act(O observation) {
        return policy.act(observation, random());
    }

    /** @return the step size of the next weight update, counting it */
    protected final double nextAlpha() {
        return settings.alphaAt(++updates);
    }

    /**
     * Records one update's error for the episode's {@link #METRIC_ERROR}.
     *
     * @param error the update's error, its target minus the current estimate (the TD error, or
     *              {@code G − v̂} for Monte Carlo)
     * @throws dev.bellman.core.TrainingDivergedException if the error is NaN or infinite: the
     *                                                    weights have diverged
     */
    protected final void recordError(double error) {
        if (!Double.isFinite(error)) {
            throw diverged("the update error", error, "the weights have diverged; try a smaller alpha");
        }
        errors.record(error);
    }

    @Override
    protected void endEpisode() {
        if (errors.hasErrors()) {
            reportMetrics(Map.of(METRIC_ERROR, errors.takeRms()));
        }
    }

    /** @return the current estimate {@code v̂(·, w)}, a snapshot */
    public LinearStateValues<O> stateValues() {
        return new LinearStateValues<>(features, weights);
    }

    /** @return a copy of the weights */
    public double[] weights() {
        return weights.clone();
    }

    /** @return the policy being evaluated */
    @Override
    public Policy<O, A> policy() {
        return policy;
    }

    /**
     * Writes the settings, the feature map's class and dimension, the weights, the update count,
     * the error sums and the feature map's own state; a subclass with state of its own overrides
     * this and calls it first.
     *
     * @throws IOException if writing fails
     */
    @Override
    protected void writeLearnerState(StateWriter out) throws IOException {
        out.section("linear-prediction");
        settings.writeTo(out);
        out.writeString(features.getClass().getName());
        out.writeLong(features.dimension());
        out.writeDoubles(weights);
        out.writeLong(updates);
        errors.writeState(out);
        LinearCheckpoints.writeFeatureState(out, features);
    }

    /**
     * Reads what {@link #writeLearnerState} wrote.
     *
     * @throws InvalidCheckpointException if the settings, the feature map's class or dimension, or
     *                                    the weight count differ
     * @throws IOException                if reading fails
     */
    @Override
    protected void readLearnerState(StateReader in) throws IOException {
        in.section("linear-prediction");
        settings.expectIn(in);
        in.expectString("features", features.getClass().getName());
        in.expectLong("feature dimension", features.dimension());
        in.readDoubles(weights, "weights");
        updates = in.readLong();
        errors.readState(in);
        LinearCheckpoints.readFeatureState(in, features);
    }
}
