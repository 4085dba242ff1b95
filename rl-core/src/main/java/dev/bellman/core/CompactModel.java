package dev.bellman.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A finite MDP stored for planning at scale: every state-action pair keeps only its expected
 * reward {@code r(s, a)} (a planner needs nothing else of the rewards), and its outcomes' next
 * states and probabilities in flat arrays. A <em>deterministic</em> model, where every pair has one
 * next state, stores no probabilities and no row offsets: a next state and a reward per pair.
 * Rewards and probabilities are double precision, or single ({@link Precision#FLOAT}) to halve
 * their memory.
 *
 * <p>Memory per state-action pair: deterministic, 8 bytes (float) or 12 (double); stochastic,
 * 4 + 4 + (4 or 8) + (8 or 12) bytes per outcome and pair; plus one byte per state for the terminal
 * flags. {@link #bytes()} reports the total. A 10⁷-state, 4-action deterministic model in float
 * takes about 330 MB.
 *
 * <p><b>Single precision's error.</b> A reward is rounded to the nearest float, an error of at most
 * {@code 2⁻²⁴ |r|} (none for integers up to 2²⁴); the values then differ from the exact model's by at
 * most {@code max |Δr| / (1 − γ)}. A probability is rounded the same way, and the rounded
 * probabilities of a pair may sum to 1 ± n·2⁻²⁴ for n outcomes. Values are always double.
 *
 * <p>Build a model with {@link #deterministic(int, int, Precision)} (pairs in any order) or
 * {@link #stochastic(int, int, Precision)} (pairs in order, streaming), convert one with
 * {@link #of(FiniteMdp, Precision)}, or read one with {@link CompactModelFiles}. Immutable once built.
 */
public final class CompactModel implements FiniteMdp {

    /** The storage type of rewards and probabilities. */
    public enum Precision {
        /** 8-byte doubles. */
        DOUBLE,
        /** 4-byte floats: half the memory, rounding as the class comment states. */
        FLOAT
    }

    private final int stateCount;
    private final int actionCount;
    private final Precision precision;
    private final boolean[] terminal;
    /** Null for a deterministic model; else outcome offsets of pair {@code s·A + a}, length pairs + 1. */
    private final int[] rowStart;
    private final int[] nextStates;
    private final double[] probabilitiesDouble;
    private final float[] probabilitiesFloat;
    private final double[] rewardsDouble;
    private final float[] rewardsFloat;

    private CompactModel(int stateCount, int actionCount, Precision precision, boolean[] terminal, int[] rowStart,
                         int[] nextStates, double[] probabilitiesDouble, float[] probabilitiesFloat, double[] rewardsDouble,
                         float[] rewardsFloat) {
        this.stateCount = stateCount;
        this.actionCount = actionCount;
        this.precision = precision;
        this.terminal = terminal;
        this.rowStart = rowStart;
        this.nextStates = nextStates;
        this.probabilitiesDouble = probabilitiesDouble;
        this.probabilitiesFloat = probabilitiesFloat;
        this.rewardsDouble = rewardsDouble;
        this.rewardsFloat = rewardsFloat;
    }

    private static int pairCount(int states, int actions) {
        if (states < 1 || actions < 1) {
            throw new IllegalArgumentException("an MDP needs at least one state and one action; got " + states
                    + " states and " + actions + " actions");
        }
        long pairs = (long) states * actions;
        if (pairs > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(states + " states × " + actions + " actions = " + pairs
                    + " pairs; at most " + (Integer.MAX_VALUE - 8) + " are supported");
        }
        return (int) pairs;
    }

    /**
     * Starts a deterministic model: every pair gets one next state and a reward, in any order.
     *
     * @param states    the number of states, at least 1
     * @param actions   the number of actions, at least 1
     * @param precision the storage of the rewards
     * @return the builder
     * @throws IllegalArgumentException if a count is below 1 or there are more than about 2³¹ pairs
     * @throws NullPointerException     if {@code precision} is null
     */
    public static DeterministicBuilder deterministic(int states, int actions, Precision precision) {
        return new DeterministicBuilder(states, actions, precision);
    }

    /**
     * Starts a stochastic model, streamed pair by pair in order {@code (0, 0), (0, 1), …}: for each
     * pair, {@link StochasticBuilder#outcome} once per next state, then
     * {@link StochasticBuilder#endPair}.
     *
     * @param states    the number of states, at least 1
     * @param actions   the number of actions, at least 1
     * @param precision the storage of the rewards and probabilities
     * @return the builder
     * @throws IllegalArgumentException if a count is below 1 or there are more than about 2³¹ pairs
     * @throws NullPointerException     if {@code precision} is null
     */
    public static StochasticBuilder stochastic(int states, int actions, Precision precision) {
        return new StochasticBuilder(states, actions, precision);
    }

    /**
     * Converts any finite MDP, validating it as {@link TabularModel#of} does; the rewards of a
     * pair's outcomes become their expectation. The result is deterministic when every pair has a
     * single outcome.
     *
     * @param mdp       the model to convert
     * @param precision whether probabilities and rewards are stored as doubles or floats
     * @return the compact copy of {@code mdp}
     * @throws IllegalArgumentException as {@link TabularModel#of} does
     * @throws NullPointerException     if {@code mdp} or {@code precision} is null
     */
    public static CompactModel of(FiniteMdp mdp, Precision precision) {
        Objects.requireNonNull(precision, "precision");
        TabularModel model = TabularModel.of(mdp);
        int states = model.stateCount();
        int actions = model.actionCount();
        boolean deterministic = model.transitionCount() == states * actions;
        if (deterministic) {
            DeterministicBuilder builder = deterministic(states, actions, precision);
            for (int s = 0; s < states; s++) {
                if (model.isTerminal(s)) {
                    builder.terminal(s);
                }
                for (int a = 0; a < actions; a++) {
                    builder.set(s, a, model.nextState(model.transitionStart(s, a)), model.expectedReward(s, a));
                }
            }
            return builder.build();
        }
        StochasticBuilder builder = stochastic(states, actions, precision);
        for (int s = 0; s < states; s++) {
            if (model.isTerminal(s)) {
                builder.terminal(s);
            }
            for (int a = 0; a < actions; a++) {
                for (int k = model.transitionStart(s, a); k < model.transitionEnd(s, a); k++) {
                    builder.outcome(model.nextState(k), model.probability(k));
                }
                builder.endPair(model.expectedReward(s, a));
            }
        }
        return builder.build();
    }

    @Override
    public int stateCount() {
        return stateCount;
    }

    @Override
    public int actionCount() {
        return actionCount;
    }

    /** @return the storage of rewards and probabilities */
    public Precision precision() {
        return precision;
    }

    /** @return whether every pair has exactly one next state (stored without probabilities) */
    public boolean isDeterministic() {
        return rowStart == null;
    }

    /** @return the number of stored outcomes: one per pair for a deterministic model */
    public int outcomeCount() {
        return nextStates.length;
    }

    /** @return the bytes of the model's arrays (object headers aside) */
    public long bytes() {
        long bytes = terminal.length + 4L * nextStates.length;
        if (rowStart != null) {
            bytes += 4L * rowStart.length;
        }
        bytes += probabilitiesDouble != null ? 8L * probabilitiesDouble.length : 0;
        bytes += probabilitiesFloat != null ? 4L * probabilitiesFloat.length : 0;
        bytes += rewardsDouble != null ? 8L * rewardsDouble.length : 4L * rewardsFloat.length;
        return bytes;
    }

    /** @return {@link #bytes()} per state-action pair */
    public double bytesPerStateAction() {
        return bytes() / ((double) stateCount * actionCount);
    }

    /**
     * @throws IllegalArgumentException if the state is out of range
     */
    @Override
    public boolean isTerminal(int state) {
        checkState(state);
        return terminal[state];
    }

    /**
     * @param state  the state, in [0, stateCount)
     * @param action the action, in [0, actionCount)
     * @return the index of the first outcome of {@code (state, action)}; outcomes run to
     *         {@link #outcomeEnd(int, int)}
     * @throws IllegalArgumentException if the state or action is out of range
     */
    public int outcomeStart(int state, int action) {
        int pair = pair(state, action);
        return rowStart == null ? pair : rowStart[pair];
    }

    /**
     * @param state  the state, in [0, stateCount)
     * @param action the action, in [0, actionCount)
     * @return one past the index of the last outcome of {@code (state, action)}
     * @throws IllegalArgumentException if the state or action is out of range
     */
    public int outcomeEnd(int state, int action) {
        int pair = pair(state, action);
        return rowStart == null ? pair + 1 : rowStart[pair + 1];
    }

    /**
     * @param k the outcome index, from {@link #outcomeStart} (inclusive) to {@link #outcomeEnd} (exclusive)
     * @return the next state of outcome {@code k}
     */
    public int nextState(int k) {
        return nextStates[k];
    }

    /**
     * @param k the outcome index, from {@link #outcomeStart} (inclusive) to {@link #outcomeEnd} (exclusive)
     * @return the probability of outcome {@code k} (1 in a deterministic model)
     * @throws IndexOutOfBoundsException if {@code k} is out of range
     */
    public double probability(int k) {
        if (rowStart == null) {
            Objects.checkIndex(k, nextStates.length);
            return 1.0;
        }
        return probabilitiesDouble != null ? probabilitiesDouble[k] : probabilitiesFloat[k];
    }

    /**
     * @param state  the state, in [0, stateCount)
     * @param action the action, in [0, actionCount)
     * @return the expected reward {@code r(s, a)}
     * @throws IllegalArgumentException if the state or action is out of range
     */
    public double reward(int state, int action) {
        int pair = pair(state, action);
        return rewardsDouble != null ? rewardsDouble[pair] : rewardsFloat[pair];
    }

    /**
     * The action value {@code r(s, a) + γ Σ p(s'|s, a) v(s')}, unchecked for speed: the caller
     * guarantees the ranges.
     *
     * @param state  a state in range
     * @param action an action in range
     * @param gamma  the discount factor
     * @param values one value per state
     * @return the backed-up value
     */
    public double backup(int state, int action, double gamma, double[] values) {
        int pair = state * actionCount + action;
        double reward = rewardsDouble != null ? rewardsDouble[pair] : rewardsFloat[pair];
        if (rowStart == null) {
            return reward + gamma * values[nextStates[pair]];
        }
        double expected = 0;
        int end = rowStart[pair + 1];
        if (probabilitiesDouble != null) {
            for (int k = rowStart[pair]; k < end; k++) {
                expected += probabilitiesDouble[k] * values[nextStates[k]];
            }
        } else {
            for (int k = rowStart[pair]; k < end; k++) {
                expected += probabilitiesFloat[k] * values[nextStates[k]];
            }
        }
        return reward + gamma * expected;
    }

    /**
     * {@code max_a backup(state, a)}, unchecked for speed; 0 for a terminal state.
     *
     * @param state  a state in range
     * @param gamma  the discount factor
     * @param values one value per state
     * @return the optimal backup of {@code state}
     */
    public double optimalBackup(int state, double gamma, double[] values) {
        if (terminal[state]) {
            return 0.0;
        }
        double best = backup(state, 0, gamma, values);
        for (int a = 1; a < actionCount; a++) {
            best = Math.max(best, backup(state, a, gamma, values));
        }
        return best;
    }

    /**
     * The first action of highest backup (ties within 1e-12 go to the lowest index, so that
     * rounding does not pick among equal actions), unchecked for speed; 0 for a terminal state.
     *
     * @param state  the state, in [0, stateCount); not checked
     * @param gamma  the discount factor in [0, 1]
     * @param values the state values {@code v(s')}, one per state
     * @return the greedy action: the lowest index among those whose backup
     *         {@code r(s, a) + gamma * sum p(s'|s, a) v(s')} is within 1e-12 of the highest
     */
    public int greedyAction(int state, double gamma, double[] values) {
        if (terminal[state]) {
            return 0;
        }
        int bestAction = 0;
        double best = backup(state, 0, gamma, values);
        for (int a = 1; a < actionCount; a++) {
            double value = backup(state, a, gamma, values);
            if (value > best + 1e-12) {
                best = value;
                bestAction = a;
            }
        }
        return bestAction;
    }

    /**
     * The outcomes of a pair, each with the pair's expected reward: the rewards of individual
     * outcomes are not stored.
     *
     * @throws IllegalArgumentException if the state or action is out of range
     */
    @Override
    public List<Transition> transitions(int state, int action) {
        double reward = reward(state, action);
        int end = outcomeEnd(state, action);
        List<Transition> outcomes = new ArrayList<>(end - outcomeStart(state, action));
        for (int k = outcomeStart(state, action); k < end; k++) {
            outcomes.add(new Transition(nextStates[k], probability(k), reward));
        }
        return outcomes;
    }

    private int pair(int state, int action) {
        checkState(state);
        if (action < 0 || action >= actionCount) {
            throw new IllegalArgumentException("action " + action + " is outside [0, " + (actionCount - 1) + "]");
        }
        return state * actionCount + action;
    }

    private void checkState(int state) {
        if (state < 0 || state >= stateCount) {
            throw new IllegalArgumentException("state " + state + " is outside [0, " + (stateCount - 1) + "]");
        }
    }

    private static void checkReward(int state, int action, double reward, Precision precision) {
        if (!Double.isFinite(reward)) {
            throw new IllegalArgumentException("state " + state + ", action " + action + ": reward " + reward
                    + " is not finite");
        }
        if (precision == Precision.FLOAT && !Float.isFinite((float) reward)) {
            throw new IllegalArgumentException("state " + state + ", action " + action + ": reward " + reward
                    + " overflows single precision (|r| > " + Float.MAX_VALUE + ")");
        }
    }

    /**
     * How far a pair's probabilities may sum from 1: {@link TabularModel#PROBABILITY_TOLERANCE}, widened
     * in single precision by the rounding of each of its {@code outcomes} probabilities (2⁻²⁴ each), so
     * that probabilities already rounded to float (as a file in float precision holds them) pass.
     */
    private static double probabilityTolerance(Precision precision, int outcomes) {
        return precision == Precision.FLOAT
                ? TabularModel.PROBABILITY_TOLERANCE + outcomes * 0x1p-24
                : TabularModel.PROBABILITY_TOLERANCE;
    }

    /** Builds a deterministic {@link CompactModel}; every pair must be set before {@link #build()}. */
    public static final class DeterministicBuilder {
        private final int states;
        private final int actions;
        private final Precision precision;
        private final int[] next;
        private final double[] rewardsDouble;
        private final float[] rewardsFloat;
        private final boolean[] terminal;
        private boolean built;

        private DeterministicBuilder(int states, int actions, Precision precision) {
            Objects.requireNonNull(precision, "precision");
            int pairs = pairCount(states, actions);
            this.states = states;
            this.actions = actions;
            this.precision = precision;
            this.next = new int[pairs];
            Arrays.fill(next, -1);
            this.rewardsDouble = precision == Precision.DOUBLE ? new double[pairs] : null;
            this.rewardsFloat = precision == Precision.FLOAT ? new float[pairs] : null;
            this.terminal = new boolean[states];
        }

        /**
         * Sets pair {@code (state, action)}: it moves to {@code nextState} and earns {@code reward}.
         *
         * @param state     the state, in [0, stateCount)
         * @param action    the action, in [0, actionCount)
         * @param nextState the state it moves to, in [0, stateCount)
         * @param reward    the reward it earns, a finite number
         * @return this builder
         * @throws IllegalArgumentException if a state or the action is out of range, or the reward is not finite
         *                                  (or overflows single precision)
         * @throws IllegalStateException    after {@link #build()}
         */
        public DeterministicBuilder set(int state, int action, int nextState, double reward) {
            requireOpen();
            checkIndex("state", state, states);
            checkIndex("action", action, actions);
            if (nextState < 0 || nextState >= states) {
                throw new IllegalArgumentException("state " + state + ", action " + action + ": next state " + nextState
                        + " is outside [0, " + (states - 1) + "]");
            }
            checkReward(state, action, reward, precision);
            int pair = state * actions + action;
            next[pair] = nextState;
            if (rewardsDouble != null) {
                rewardsDouble[pair] = reward;
            } else {
                rewardsFloat[pair] = (float) reward;
            }
            return this;
        }

        /**
         * Marks {@code state} terminal: its value is 0 and planners do not back it up.
         *
         * @param state the state, in [0, stateCount)
         * @return this builder
         * @throws IllegalArgumentException if the state is out of range
         */
        public DeterministicBuilder terminal(int state) {
            requireOpen();
            checkIndex("state", state, states);
            terminal[state] = true;
            return this;
        }

        /**
         * @return the model; the builder cannot be used afterwards (the model takes its arrays)
         * @throws IllegalArgumentException naming the first pair that was never set
         */
        public CompactModel build() {
            requireOpen();
            for (int pair = 0; pair < next.length; pair++) {
                if (next[pair] < 0) {
                    throw new IllegalArgumentException("state " + pair / actions + ", action " + pair % actions
                            + " was never set; a deterministic model needs every pair");
                }
            }
            built = true;
            return new CompactModel(states, actions, precision, terminal, null, next, null, null, rewardsDouble,
                    rewardsFloat);
        }

        private void requireOpen() {
            if (built) {
                throw new IllegalStateException("this builder has built its model already");
            }
        }
    }

    /** Builds a stochastic {@link CompactModel} pair by pair, in state-major order. */
    public static final class StochasticBuilder {
        private final int states;
        private final int actions;
        private final Precision precision;
        private final int[] rowStart;
        private final double[] rewardsDouble;
        private final float[] rewardsFloat;
        private final boolean[] terminal;
        private int[] next;
        private double[] probabilitiesDouble;
        private float[] probabilitiesFloat;
        private int count;
        private int pair;
        private double pairSum;
        private boolean built;

        private StochasticBuilder(int states, int actions, Precision precision) {
            Objects.requireNonNull(precision, "precision");
            int pairs = pairCount(states, actions);
            this.states = states;
            this.actions = actions;
            this.precision = precision;
            this.rowStart = new int[pairs + 1];
            this.rewardsDouble = precision == Precision.DOUBLE ? new double[pairs] : null;
            this.rewardsFloat = precision == Precision.FLOAT ? new float[pairs] : null;
            this.terminal = new boolean[states];
            int capacity = Math.max(16, pairs);
            this.next = new int[capacity];
            if (precision == Precision.DOUBLE) {
                probabilitiesDouble = new double[capacity];
            } else {
                probabilitiesFloat = new float[capacity];
            }
        }

        /**
         * Adds an outcome of the current pair.
         *
         * @param nextState   the outcome's next state, in [0, stateCount)
         * @param probability the outcome's probability, in [0, 1]
         * @return this builder
         * @throws IllegalArgumentException if the next state is out of range or the probability is
         *                                  not a finite number in [0, 1]
         * @throws IllegalStateException    if every pair has been ended, or after {@link #build()}
         */
        public StochasticBuilder outcome(int nextState, double probability) {
            requirePairOpen();
            if (nextState < 0 || nextState >= states) {
                throw new IllegalArgumentException("state " + pair / actions + ", action " + pair % actions + ": next state "
                        + nextState + " is outside [0, " + (states - 1) + "]");
            }
            if (!(probability >= 0 && probability <= 1)) {
                throw new IllegalArgumentException("state " + pair / actions + ", action " + pair % actions + ": probability "
                        + probability + " of next state " + nextState + " is not a number in [0, 1]");
            }
            if (count == next.length) {
                int grown = (int) Math.min(Integer.MAX_VALUE - 8, 2L * next.length);
                if (grown == count) {
                    throw new IllegalArgumentException("more than " + count + " outcomes; at most "
                            + (Integer.MAX_VALUE - 8) + " are supported");
                }
                next = Arrays.copyOf(next, grown);
                if (probabilitiesDouble != null) {
                    probabilitiesDouble = Arrays.copyOf(probabilitiesDouble, grown);
                } else {
                    probabilitiesFloat = Arrays.copyOf(probabilitiesFloat, grown);
                }
            }
            next[count] = nextState;
            if (probabilitiesDouble != null) {
                probabilitiesDouble[count] = probability;
            } else {
                probabilitiesFloat[count] = (float) probability;
            }
            count++;
            pairSum += probability;
            return this;
        }

        /**
         * Ends the current pair with its expected reward {@code r(s, a)}; the next pair begins.
         *
         * @param reward the expected reward {@code r(s, a)} of the pair, a finite number
         * @return this builder
         * @throws IllegalArgumentException if the pair has no outcome, its probabilities do not sum
         *                                  to 1 within {@value TabularModel#PROBABILITY_TOLERANCE} (plus
         *                                  2⁻²⁴ per outcome in single precision), or the reward is not
         *                                  finite (or overflows single precision)
         * @throws IllegalStateException    if every pair has been ended, or after {@link #build()}
         */
        public StochasticBuilder endPair(double reward) {
            requirePairOpen();
            int state = pair / actions;
            int action = pair % actions;
            if (count == rowStart[pair]) {
                throw new IllegalArgumentException("state " + state + ", action " + action
                        + " has no outcomes; expected at least one");
            }
            double tolerance = probabilityTolerance(precision, count - rowStart[pair]);
            if (!(Math.abs(pairSum - 1.0) <= tolerance)) {
                throw new IllegalArgumentException("state " + state + ", action " + action + ": probabilities sum to "
                        + pairSum + "; expected 1 within " + tolerance);
            }
            checkReward(state, action, reward, precision);
            if (rewardsDouble != null) {
                rewardsDouble[pair] = reward;
            } else {
                rewardsFloat[pair] = (float) reward;
            }
            pair++;
            rowStart[pair] = count;
            pairSum = 0;
            return this;
        }

        /**
         * Marks {@code state} terminal: its value is 0 and planners do not back it up. Any time before
         * {@link #build()}.
         *
         * @param state the state, in [0, stateCount)
         * @return this builder
         * @throws IllegalArgumentException if the state is out of range
         */
        public StochasticBuilder terminal(int state) {
            if (built) {
                throw new IllegalStateException("this builder has built its model already");
            }
            checkIndex("state", state, states);
            terminal[state] = true;
            return this;
        }

        /**
         * @return the model
         * @throws IllegalArgumentException if some pair was not ended, naming the first
         */
        public CompactModel build() {
            if (built) {
                throw new IllegalStateException("this builder has built its model already");
            }
            if (pair < rowStart.length - 1) {
                throw new IllegalArgumentException("state " + pair / actions + ", action " + pair % actions
                        + " was never ended; a model needs every pair (" + (rowStart.length - 1) + ")");
            }
            built = true;
            return new CompactModel(states, actions, precision, terminal, rowStart, Arrays.copyOf(next, count),
                    probabilitiesDouble == null ? null : Arrays.copyOf(probabilitiesDouble, count),
                    probabilitiesFloat == null ? null : Arrays.copyOf(probabilitiesFloat, count), rewardsDouble,
                    rewardsFloat);
        }

        private void requirePairOpen() {
            if (built) {
                throw new IllegalStateException("this builder has built its model already");
            }
            if (pair == rowStart.length - 1) {
                throw new IllegalStateException("all " + pair + " pairs have been ended");
            }
        }
    }

    private static void checkIndex(String name, int index, int size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException(name + " " + index + " is outside [0, " + (size - 1) + "]");
        }
    }
}
