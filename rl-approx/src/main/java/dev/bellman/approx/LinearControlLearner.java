package dev.bellman.approx;

import dev.bellman.approx.features.ActionFeatures;
import dev.bellman.approx.features.FeatureStates;
import dev.bellman.core.Environment;
import dev.bellman.core.EpisodicLearner;
import dev.bellman.core.Policy;
import dev.bellman.core.checkpoint.InvalidCheckpointException;
import dev.bellman.core.checkpoint.StateReader;
import dev.bellman.core.checkpoint.StateWriter;
import dev.bellman.core.space.DiscreteSpace;
import dev.bellman.tabular.LearnerSettings;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;

/**
 * The shared part of the linear control methods: action values {@code q̂(s, a, w) = x(s, a)ᵀw}
 * over a {@link DiscreteSpace} of actions, an ε-greedy behaviour policy with random tie-breaking,
 * and the learned greedy policy.
 *
 * <p>Settings: {@code gamma}; {@code alpha} as a function of the number of weight updates so far
 * (1, 2, ...); {@code epsilon} as a function of the episode number; {@code initialValue} is the
 * value every weight starts at (with tile coding, an initial weight {@code c} gives every action the
 * value {@code c × tilings}: 0 is optimistic when every reward is −1, as in Mountain Car);
 * {@code seed} seeds exploration and the environment's first reset. After every episode the root
 * mean square of the episode's TD errors is reported under {@link #METRIC_ERROR}.
 *
 * <p>Checkpoints hold the settings and the feature map's class and sizes (checked on loading; the
 * caller rebuilds the feature map, as it does the settings), the weights, the update and episode
 * counts, epsilon, the error sums of an episode a step budget cut short, and the feature map's own
 * state where it has one (the tile coder's index table, {@link FeatureStates}). A TD error or
 * action value that is NaN or infinite stops training with a
 * {@link dev.bellman.core.TrainingDivergedException}.
 *
 * @param <O> the observation type
 */
public abstract class LinearControlLearner<O> extends EpisodicLearner<O, Integer> {

    /** Metric key of the root mean square TD error in the episode just ended. */
    public static final String METRIC_ERROR = "td_error_rms";

    /** The settings. */
    protected final LearnerSettings settings;
    /** The feature map x(s, a). */
    protected final ActionFeatures<O> features;
    /** The weights w, one per feature. */
    protected final double[] weights;
    private final FeatureVector scratch;
    private final double[] actionValues;
    private long updates;
    private long episode;
    private double epsilon;
    private final ErrorMeter errors = new ErrorMeter();

    /**
     * @param settings the settings (see the class comment)
     * @param features the feature map x(s, a)
     * @throws IllegalArgumentException if an argument is null
     */
    protected LinearControlLearner(LearnerSettings settings, ActionFeatures<O> features) {
        super(Checks.notNull(settings, "settings").seed(), settings.maxEpisodeLength());
        this.settings = settings;
        this.features = Checks.notNull(features, "features");
        this.weights = new double[features.dimension()];
        Arrays.fill(weights, settings.initialValue());
        this.scratch = FeatureVector.of(features);
        this.actionValues = new double[features.actionCount()];
    }

    /** @throws IllegalArgumentException if the environment's actions are not {@code Discrete(actionCount)} */
    @Override
    protected void prepare(Environment<O, Integer> env) {
        if (!(env.actionSpace() instanceof DiscreteSpace discrete) || discrete.n() != features.actionCount()) {
            throw new IllegalArgumentException("the environment's action space is " + env.actionSpace()
                    + "; the features expect Discrete(" + features.actionCount() + ")");
        }
    }

    @Override
    protected void beginEpisode(O observation) {
        episode++;
        epsilon = settings.epsilonAt(episode);
    }

    /** @return the exploration rate of the current episode */
    protected final double epsilon() {
        return epsilon;
    }

    /** @return the number of actions */
    public final int actionCount() {
        return features.actionCount();
    }

    /**
     * @param observation the observation whose features are evaluated
     * @param action      the action, in [0, actionCount)
     * @return {@code q̂(observation, action, w)}
     */
    protected final double value(O observation, int action) {
        return scratch.load(features, observation, action).dot(weights);
    }

    /**
     * Fills {@code out[a] = q̂(observation, a, w)} for every action.
     *
     * @param observation the observation whose features are evaluated
     * @param out         receives one value per action; its length is the action count
     */
    protected final void values(O observation, double[] out) {
        for (int a = 0; a < out.length; a++) {
            out[a] = value(observation, a);
        }
    }

    /**
     * @param observation the observation whose features are evaluated
     * @return a greedy action, ties broken uniformly at random
     * @throws dev.bellman.core.TrainingDivergedException if an action value is NaN
     */
    protected final int greedy(O observation) {
        values(observation, actionValues);
        for (double value : actionValues) {
            if (Double.isNaN(value)) {
                throw diverged("an action value", value, "the weights have diverged (try a smaller alpha)");
            }
        }
        return LinearActionValues.argmaxWithRandomTies(actionValues, random());
    }

    /**
     * @param observation the observation whose features are evaluated
     * @return an ε-greedy action: uniform with probability ε, else {@link #greedy}
     */
    protected final int epsilonGreedy(O observation) {
        if (epsilon > 0 && random().nextDouble() < epsilon) {
            return random().nextInt(actionValues.length);
        }
        return greedy(observation);
    }

    /**
     * @param observation the observation whose features are evaluated
     * @return {@code max_a q̂(observation, a, w)}
     */
    protected final double maxValue(O observation) {
        values(observation, actionValues);
        double best = Double.NEGATIVE_INFINITY;
        for (double value : actionValues) {
            best = Math.max(best, value);
        }
        return best;
    }

    /** @return the step size of the next weight update, counting it */
    protected final double nextAlpha() {
        return settings.alphaAt(++updates);
    }

    /**
     * Records one update's TD error for the episode's {@link #METRIC_ERROR}.
     *
     * @param tdError the update's TD error {@code delta}
     * @throws dev.bellman.core.TrainingDivergedException if the error is NaN or infinite: the
     *                                                    weights have diverged
     */
    protected final void recordError(double tdError) {
        if (!Double.isFinite(tdError)) {
            throw diverged("the update error", tdError, "the weights have diverged; try a smaller alpha");
        }
        errors.record(tdError);
    }

    @Override
    protected void endEpisode() {
        if (errors.hasErrors()) {
            reportMetrics(Map.of(METRIC_ERROR, errors.takeRms()));
        }
    }

    /** @return the current estimate {@code q̂(·, ·, w)}, a snapshot */
    public LinearActionValues<O> actionValues() {
        return new LinearActionValues<>(features, weights);
    }

    /** @return a copy of the weights */
    public double[] weights() {
        return weights.clone();
    }

    /** @return the greedy policy of the current weights (a snapshot; ties broken at random) */
    @Override
    public Policy<O, Integer> policy() {
        return actionValues().greedyPolicy();
    }

    /**
     * Writes the settings, the feature map's class and sizes, the weights, the counters, epsilon,
     * the error sums and the feature map's own state; a subclass with state of its own overrides
     * this and calls it first.
     *
     * @throws IOException if writing fails
     */
    @Override
    protected void writeLearnerState(StateWriter out) throws IOException {
        out.section("linear-control");
        settings.writeTo(out);
        out.writeString(features.getClass().getName());
        out.writeLong(features.dimension());
        out.writeLong(features.actionCount());
        out.writeDoubles(weights);
        out.writeLong(updates);
        out.writeLong(episode);
        out.writeDouble(epsilon);
        errors.writeState(out);
        LinearCheckpoints.writeFeatureState(out, features);
    }

    /**
     * Reads what {@link #writeLearnerState} wrote.
     *
     * @throws InvalidCheckpointException if the settings, the feature map's class or sizes, or the
     *                                    weight count differ
     * @throws IOException                if reading fails
     */
    @Override
    protected void readLearnerState(StateReader in) throws IOException {
        in.section("linear-control");
        settings.expectIn(in);
        in.expectString("features", features.getClass().getName());
        in.expectLong("feature dimension", features.dimension());
        in.expectLong("action count", features.actionCount());
        in.readDoubles(weights, "weights");
        updates = in.readLong();
        episode = in.readLong();
        epsilon = in.readDouble();
        errors.readState(in);
        LinearCheckpoints.readFeatureState(in, features);
    }
}
