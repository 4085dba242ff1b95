package dev.bellman.tabular;

import dev.bellman.core.Environment;
import dev.bellman.core.EpisodicLearner;
import dev.bellman.core.Policy;
import dev.bellman.core.TabularStateValues;
import dev.bellman.core.checkpoint.StateReader;
import dev.bellman.core.checkpoint.StateWriter;

import java.io.IOException;
import java.util.Arrays;

/**
 * What every tabular prediction method shares: it follows a given policy and estimates that
 * policy's state values {@code v_pi(s)} in a table, with a count of updates per state for
 * step-size schedules. The epsilon of the settings is not used.
 *
 * <p>Checkpoints hold the settings (checked on loading), {@code v} and the update counts; the
 * policy is the caller's configuration, like the settings, and is not saved.
 */
public abstract class TabularPredictionLearner extends EpisodicLearner<Integer, Integer> {

    /** The settings this learner was built with. */
    protected final LearnerSettings settings;
    /** {@code v(s)}; allocated on the first {@link #train} call. */
    protected double[] v;
    private final Policy<Integer, Integer> policy;
    private long[] updateCounts;

    /**
     * @param settings gamma, alpha, seed, episode limit, initial value
     * @param policy   the policy whose values are estimated; it chooses every action
     * @throws IllegalArgumentException if an argument is null
     */
    protected TabularPredictionLearner(LearnerSettings settings, Policy<Integer, Integer> policy) {
        super(requireNonNull(settings, "settings").seed(), settings.maxEpisodeLength());
        this.settings = settings;
        this.policy = requireNonNull(policy, "policy");
    }

    private static <T> T requireNonNull(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }

    /**
     * @throws IllegalArgumentException if a space is not discrete or the state count changed
     */
    @Override
    protected void prepare(Environment<Integer, Integer> env) {
        int states = TabularSpaces.size(env.observationSpace(), "observation", env);
        TabularSpaces.size(env.actionSpace(), "action", env);
        if (v == null) {
            v = new double[states];
            Arrays.fill(v, settings.initialValue());
            updateCounts = new long[states];
            allocate(states);
        } else if (v.length != states) {
            throw new IllegalArgumentException("this learner was trained on " + v.length + " states; the environment has " + states);
        }
    }

    /**
     * Allocates tables of the subclass's own; called once, after {@link #v} exists.
     *
     * @param states the number of states of the environment
     */
    protected void allocate(int states) {
    }

    /**
     * Writes the settings, {@code v} and the update counts; a subclass with state of its own
     * overrides this and calls it first.
     *
     * @throws IOException if writing fails
     */
    @Override
    protected void writeLearnerState(StateWriter out) throws IOException {
        out.section("tabular-prediction");
        settings.writeTo(out);
        out.writeDoubles(v);
        out.writeLongs(updateCounts);
    }

    /**
     * Reads what {@link #writeLearnerState} wrote.
     *
     * @throws dev.bellman.core.checkpoint.InvalidCheckpointException if the settings or the state count differ
     * @throws IOException                                            if reading fails
     */
    @Override
    protected void readLearnerState(StateReader in) throws IOException {
        in.section("tabular-prediction");
        settings.expectIn(in);
        in.readDoubles(v, "state values");
        in.readLongs(updateCounts, "update counts");
    }

    /** Follows the given policy. */
    @Override
    protected Integer act(Integer state) {
        return policy.act(state, random());
    }

    /**
     * @param state the state about to be updated
     * @return the step size for the next update of {@code state}'s value, counting that update
     * @throws IllegalStateException if the alpha schedule gives a value outside {@code (0, 1]}
     */
    protected final double nextAlpha(int state) {
        return settings.alphaAt(++updateCounts[state]);
    }

    /**
     * @return a copy of the estimated state values
     * @throws IllegalStateException before the first {@link #train}
     */
    public TabularStateValues stateValues() {
        if (v == null) {
            throw new IllegalStateException("the learner has not been trained yet; call train first");
        }
        return new TabularStateValues(v);
    }

    /** @return the policy being evaluated */
    @Override
    public Policy<Integer, Integer> policy() {
        return policy;
    }
}
