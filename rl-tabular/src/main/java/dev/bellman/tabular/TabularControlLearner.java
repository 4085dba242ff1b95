package dev.bellman.tabular;

import dev.bellman.core.Environment;
import dev.bellman.core.EpisodicLearner;
import dev.bellman.core.TabularActionValues;
import dev.bellman.core.TabularPolicy;
import dev.bellman.core.TabularStateValues;
import dev.bellman.core.checkpoint.StateReader;
import dev.bellman.core.checkpoint.StateWriter;

import java.io.IOException;
import java.util.Arrays;

/**
 * What every tabular control method shares: the action-value table {@code q(s, a)}, the count of
 * updates of each entry (for step-size schedules), epsilon-greedy behaviour and the greedy policy.
 * A subclass supplies its update rule.
 *
 * <p>Behaviour is epsilon-greedy as in both books: with probability epsilon a uniformly random action,
 * otherwise a greedy one, ties broken uniformly at random from the learner's stream. The learned
 * {@link #policy()} is greedy with ties to the lowest action index, so it is reproducible.
 *
 * <p>Checkpoints hold the settings (checked on loading), the table sizes, {@code q}, the update
 * counts, the episode count and the current epsilon; subclasses add their own tables.
 */
public abstract class TabularControlLearner extends EpisodicLearner<Integer, Integer> {

    /** The settings this learner was built with. */
    protected final LearnerSettings settings;
    /** {@code q(s, a)} at {@code s * actionCount + a}; allocated on the first {@link #train} call. */
    protected double[] q;
    private long[] updateCounts;
    private int stateCount;
    private int actionCount;
    private long episode;
    private double epsilon;

    /** @param settings the shared settings */
    protected TabularControlLearner(LearnerSettings settings) {
        super(requireSettings(settings).seed(), settings.maxEpisodeLength());
        this.settings = settings;
    }

    private static LearnerSettings requireSettings(LearnerSettings settings) {
        if (settings == null) {
            throw new IllegalArgumentException("settings must not be null");
        }
        return settings;
    }

    /**
     * Sizes the table from the environment's discrete spaces on the first call; later calls must
     * bring an environment of the same sizes.
     *
     * @throws IllegalArgumentException if a space is not discrete or the sizes changed
     */
    @Override
    protected void prepare(Environment<Integer, Integer> env) {
        int states = TabularSpaces.size(env.observationSpace(), "observation", env);
        int actions = TabularSpaces.size(env.actionSpace(), "action", env);
        if (q == null) {
            stateCount = states;
            actionCount = actions;
            q = new double[states * actions];
            Arrays.fill(q, settings.initialValue());
            updateCounts = new long[states * actions];
            allocate(states, actions);
        } else if (states != stateCount || actions != actionCount) {
            throw new IllegalArgumentException("this learner was trained on " + stateCount + " states and " + actionCount
                    + " actions; the environment has " + states + " and " + actions);
        }
    }

    /**
     * Allocates tables of the subclass's own; called once, after {@link #q} exists.
     *
     * @param states  the number of states of the environment
     * @param actions the number of actions of the environment
     */
    protected void allocate(int states, int actions) {
    }

    /** Advances the episode count and fixes this episode's epsilon; subclasses that override call it. */
    @Override
    protected void beginEpisode(Integer observation) {
        episode++;
        epsilon = settings.epsilonAt(episode);
    }

    /**
     * Writes the settings, the sizes, {@code q}, the update counts, the episode count and epsilon;
     * a subclass with state of its own overrides this and calls it first.
     *
     * @throws IOException if writing fails
     */
    @Override
    protected void writeLearnerState(StateWriter out) throws IOException {
        out.section("tabular-control");
        settings.writeTo(out);
        out.writeLong(stateCount);
        out.writeLong(actionCount);
        out.writeDoubles(q);
        out.writeLongs(updateCounts);
        out.writeLong(episode);
        out.writeDouble(epsilon);
    }

    /**
     * Reads what {@link #writeLearnerState} wrote.
     *
     * @throws dev.bellman.core.checkpoint.InvalidCheckpointException if the settings or sizes differ
     * @throws IOException                                            if reading fails
     */
    @Override
    protected void readLearnerState(StateReader in) throws IOException {
        in.section("tabular-control");
        settings.expectIn(in);
        in.expectLong("states", stateCount);
        in.expectLong("actions", actionCount);
        in.readDoubles(q, "action values");
        in.readLongs(updateCounts, "update counts");
        episode = in.readLong();
        epsilon = in.readDouble();
    }

    /** @return the exploration rate of the current episode */
    protected final double epsilon() {
        return epsilon;
    }

    /** @return the number of actions */
    public final int actionCount() {
        return actionCount;
    }

    /** @return the number of states */
    public final int stateCount() {
        return stateCount;
    }

    /**
     * @param state  the state, in [0, stateCount)
     * @param action the action, in [0, actionCount)
     * @return the index of {@code q(state, action)} in {@link #q}
     */
    protected final int index(int state, int action) {
        return state * actionCount + action;
    }

    /**
     * @param index the entry's index in {@link #q}, as {@link #index} gives it
     * @return the step size for the next update of entry {@code index}, counting that update
     * @throws IllegalStateException if the alpha schedule gives a value outside {@code (0, 1]}
     */
    protected final double nextAlpha(int index) {
        return settings.alphaAt(++updateCounts[index]);
    }

    /**
     * The epsilon-greedy action of {@code state} under the current epsilon.
     *
     * @param state the state, in [0, stateCount)
     * @return a uniformly random action with probability epsilon, else a greedy action with ties broken at
     *         random
     */
    protected final int epsilonGreedy(int state) {
        if (epsilon > 0 && random().nextDouble() < epsilon) {
            return random().nextInt(actionCount);
        }
        return greedyWithRandomTies(q, state);
    }

    /**
     * An action of highest value in {@code table} for {@code state}, ties broken at random.
     *
     * @param table the values, at index {@code state * actionCount + action}
     * @param state the state, in [0, stateCount)
     * @return a greedy action; each of tied actions with equal probability
     * @throws dev.bellman.core.TrainingDivergedException if a value of the state is NaN
     */
    protected final int greedyWithRandomTies(double[] table, int state) {
        int row = state * actionCount;
        double best = table[row];
        int ties = 1;
        for (int a = 1; a < actionCount; a++) {
            double value = table[row + a];
            if (value > best) {
                best = value;
                ties = 1;
            } else if (value == best) {
                ties++;
            }
        }
        int pick = ties == 1 ? 0 : random().nextInt(ties);
        for (int a = 0; a < actionCount; a++) {
            if (table[row + a] == best && pick-- == 0) {
                return a;
            }
        }
        throw diverged("an action value of state " + state, Double.NaN,
                "state " + state + " has a NaN action value; try a smaller alpha");
    }

    /**
     * The deterministic greedy action the Monte Carlo control methods improve their policies with:
     * the lowest-index action within {@link dev.bellman.core.TabularActionValues#TIE_TOLERANCE} of
     * the highest value, as {@link dev.bellman.core.TabularPolicy#greedy} breaks ties.
     *
     * @param table the values, at index {@code state * actionCount + action}
     * @param state the state, in [0, stateCount)
     * @return the greedy action
     * @throws dev.bellman.core.TrainingDivergedException if a value of the state is NaN
     */
    protected final int greedyLowestTie(double[] table, int state) {
        int row = state * actionCount;
        double best = table[row];
        for (int a = 1; a < actionCount; a++) {
            best = Math.max(best, table[row + a]);
        }
        for (int a = 0; a < actionCount; a++) {
            if (table[row + a] >= best - dev.bellman.core.TabularActionValues.TIE_TOLERANCE) {
                return a;
            }
        }
        // Math.max carries a NaN through, and no value compares >= NaN.
        throw diverged("an action value of state " + state, Double.NaN,
                "state " + state + " has a NaN action value; check the rewards for NaN");
    }

    /**
     * @param state the state, in [0, stateCount)
     * @return {@code max_a q(state, a)}
     */
    protected final double maxValue(int state) {
        int row = state * actionCount;
        double best = q[row];
        for (int a = 1; a < actionCount; a++) {
            best = Math.max(best, q[row + a]);
        }
        return best;
    }

    /**
     * The expected action value of {@code state} under the current epsilon-greedy policy (ties
     * share the greedy probability): Expected Sarsa's target.
     *
     * @param state the state, in [0, stateCount)
     * @return {@code sum_a pi(a|state) q(state, a)} for the epsilon-greedy policy {@code pi}
     */
    protected final double epsilonGreedyExpectation(int state) {
        // However the greedy probability is shared among tied maxima, it buys the same value.
        int row = state * actionCount;
        double sum = 0;
        for (int a = 0; a < actionCount; a++) {
            sum += q[row + a];
        }
        return epsilon / actionCount * sum + (1 - epsilon) * maxValue(state);
    }

    /** @throws IllegalStateException if the learner has not been trained yet */
    private void requireTrained() {
        if (q == null) {
            throw new IllegalStateException("the learner has not been trained yet; call train first");
        }
    }

    /**
     * @return a copy of the learned action values
     * @throws IllegalStateException before the first {@link #train}
     */
    public TabularActionValues actionValues() {
        requireTrained();
        return new TabularActionValues(stateCount, actionCount, q);
    }

    /**
     * @return {@code max_a q(s, a)} for every state: the values of the greedy policy as estimated
     * @throws IllegalStateException before the first {@link #train}
     */
    public TabularStateValues stateValues() {
        requireTrained();
        double[] values = new double[stateCount];
        for (int s = 0; s < stateCount; s++) {
            values[s] = maxValue(s);
        }
        return new TabularStateValues(values);
    }

    /**
     * @return the greedy policy of the learned action values, ties to the lowest action index
     * @throws IllegalStateException before the first {@link #train}
     */
    @Override
    public TabularPolicy policy() {
        return TabularPolicy.greedy(actionValues());
    }
}
