package dev.bellman.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The validated, compiled form of a {@link FiniteMdp} that planners iterate: the outcomes of every
 * state-action pair stored contiguously in flat arrays (compressed-row layout), with the expected
 * reward of each pair precomputed. Immutable; building it asks the source model for every
 * state-action pair once.
 *
 * <p>Outcome {@code k} of pair {@code (s, a)} runs over
 * {@code transitionStart(s, a) <= k < transitionEnd(s, a)} and is read with {@link #nextState(int)},
 * {@link #probability(int)} and {@link #reward(int)}.
 */
public final class TabularModel implements FiniteMdp {

    /** How far the probabilities of one state-action pair may sum from 1. */
    public static final double PROBABILITY_TOLERANCE = 1e-9;

    private final int stateCount;
    private final int actionCount;
    private final int[] rowStart;
    private final int[] nextStates;
    private final double[] probabilities;
    private final double[] rewards;
    private final double[] expectedRewards;
    private final boolean[] terminal;

    private TabularModel(int stateCount, int actionCount, int[] rowStart, int[] nextStates,
                         double[] probabilities, double[] rewards, double[] expectedRewards, boolean[] terminal) {
        this.stateCount = stateCount;
        this.actionCount = actionCount;
        this.rowStart = rowStart;
        this.nextStates = nextStates;
        this.probabilities = probabilities;
        this.rewards = rewards;
        this.expectedRewards = expectedRewards;
        this.terminal = terminal;
    }

    /**
     * Validates and compiles {@code mdp}. A model that is already a {@code TabularModel} is returned
     * as it is.
     *
     * @param mdp the model to compile
     * @return the compiled model
     * @throws IllegalArgumentException naming the state and action, if a pair has no outcome, a
     *                                  probability is negative or not finite, the probabilities do not
     *                                  sum to 1 within {@value #PROBABILITY_TOLERANCE}, a next state is
     *                                  out of range or a reward is not finite; or if the model has no
     *                                  state or no action
     */
    public static TabularModel of(FiniteMdp mdp) {
        if (mdp instanceof TabularModel compiled) {
            return compiled;
        }
        int states = mdp.stateCount();
        int actions = mdp.actionCount();
        if (states < 1 || actions < 1) {
            throw new IllegalArgumentException("MDP has " + states + " states and " + actions
                    + " actions; expected at least one of each");
        }
        long pairs = (long) states * actions;
        if (pairs >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException("MDP has " + pairs + " state-action pairs; at most "
                    + (Integer.MAX_VALUE - 1) + " are supported");
        }
        int[] rowStart = new int[(int) pairs + 1];
        double[] expected = new double[(int) pairs];
        boolean[] terminal = new boolean[states];
        int capacity = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(16, pairs));
        int[] next = new int[capacity];
        double[] prob = new double[capacity];
        double[] reward = new double[capacity];
        int count = 0;
        for (int s = 0; s < states; s++) {
            terminal[s] = mdp.isTerminal(s);
            for (int a = 0; a < actions; a++) {
                int sa = s * actions + a;
                rowStart[sa] = count;
                List<Transition> outcomes = mdp.transitions(s, a);
                if (outcomes == null || outcomes.isEmpty()) {
                    throw new IllegalArgumentException("state " + s + ", action " + a
                            + " has no transitions; expected at least one outcome");
                }
                double sum = 0;
                double expectedReward = 0;
                for (Transition t : outcomes) {
                    if (t.nextState() < 0 || t.nextState() >= states) {
                        throw new IllegalArgumentException("state " + s + ", action " + a + ": next state "
                                + t.nextState() + " is outside [0, " + (states - 1) + "]");
                    }
                    if (!(t.probability() >= 0) || !Double.isFinite(t.probability())) {
                        throw new IllegalArgumentException("state " + s + ", action " + a + ": probability "
                                + t.probability() + " of next state " + t.nextState()
                                + " is not a finite non-negative number");
                    }
                    if (!Double.isFinite(t.reward())) {
                        throw new IllegalArgumentException("state " + s + ", action " + a + ": reward "
                                + t.reward() + " of next state " + t.nextState() + " is not finite");
                    }
                    if (count == next.length) {
                        int grown = (int) Math.min(Integer.MAX_VALUE - 8, 2L * next.length);
                        next = Arrays.copyOf(next, grown);
                        prob = Arrays.copyOf(prob, grown);
                        reward = Arrays.copyOf(reward, grown);
                    }
                    next[count] = t.nextState();
                    prob[count] = t.probability();
                    reward[count] = t.reward();
                    count++;
                    sum += t.probability();
                    expectedReward += t.probability() * t.reward();
                }
                if (Math.abs(sum - 1.0) > PROBABILITY_TOLERANCE) {
                    throw new IllegalArgumentException("state " + s + ", action " + a + ": probabilities sum to "
                            + sum + "; expected 1 within " + PROBABILITY_TOLERANCE);
                }
                expected[sa] = expectedReward;
            }
        }
        rowStart[(int) pairs] = count;
        return new TabularModel(states, actions, rowStart, Arrays.copyOf(next, count), Arrays.copyOf(prob, count),
                Arrays.copyOf(reward, count), expected, terminal);
    }

    @Override
    public int stateCount() {
        return stateCount;
    }

    @Override
    public int actionCount() {
        return actionCount;
    }

    /** @return the total number of stored outcomes over all state-action pairs */
    public int transitionCount() {
        return nextStates.length;
    }

    /**
     * @throws IllegalArgumentException if the state is out of range
     */
    @Override
    public boolean isTerminal(int state) {
        if (state < 0 || state >= stateCount) {
            checkState(state);
        }
        return terminal[state];
    }

    /**
     * @param state  the state, in [0, stateCount)
     * @param action the action, in [0, actionCount)
     * @return the index of the first outcome of {@code (state, action)}
     */
    public int transitionStart(int state, int action) {
        return rowStart[state * actionCount + action];
    }

    /**
     * @param state  the state, in [0, stateCount)
     * @param action the action, in [0, actionCount)
     * @return one past the index of the last outcome of {@code (state, action)}
     */
    public int transitionEnd(int state, int action) {
        return rowStart[state * actionCount + action + 1];
    }

    /**
     * @param k the outcome index, from {@link #transitionStart} (inclusive) to {@link #transitionEnd}
     *          (exclusive)
     * @return the next state of outcome {@code k}
     */
    public int nextState(int k) {
        return nextStates[k];
    }

    /**
     * @param k the outcome index, from {@link #transitionStart} (inclusive) to {@link #transitionEnd}
     *          (exclusive)
     * @return the probability of outcome {@code k}
     */
    public double probability(int k) {
        return probabilities[k];
    }

    /**
     * @param k the outcome index, from {@link #transitionStart} (inclusive) to {@link #transitionEnd}
     *          (exclusive)
     * @return the reward of outcome {@code k}
     */
    public double reward(int k) {
        return rewards[k];
    }

    /**
     * @param state  the state, in [0, stateCount)
     * @param action the action, in [0, actionCount)
     * @return {@code r(s, a)}, the expected immediate reward of taking {@code action} in {@code state}
     */
    public double expectedReward(int state, int action) {
        return expectedRewards[state * actionCount + action];
    }

    /**
     * One Bellman backup: {@code q(s, a) = r(s, a) + gamma * sum_s' p(s'|s, a) v(s')}.
     *
     * @param state  the state
     * @param action the action
     * @param gamma  the discount factor
     * @param values the state values {@code v}, one per state
     * @return the action value under {@code values}
     */
    public double backup(int state, int action, double gamma, double[] values) {
        int sa = state * actionCount + action;
        double expectedNext = 0;
        for (int k = rowStart[sa], end = rowStart[sa + 1]; k < end; k++) {
            expectedNext += probabilities[k] * values[nextStates[k]];
        }
        return expectedRewards[sa] + gamma * expectedNext;
    }

    /**
     * The outcomes of {@code (state, action)} as records, for inspection; planners use the arrays.
     *
     * @throws IllegalArgumentException if the state or action is out of range
     */
    @Override
    public List<Transition> transitions(int state, int action) {
        checkState(state);
        checkAction(action);
        List<Transition> list = new ArrayList<>();
        for (int k = transitionStart(state, action), end = transitionEnd(state, action); k < end; k++) {
            list.add(new Transition(nextStates[k], probabilities[k], rewards[k]));
        }
        return Collections.unmodifiableList(list);
    }

    /**
     * Finds a state from which no terminal state can be reached, whatever the actions: with
     * {@code gamma = 1} such a state can make values infinite.
     *
     * @param allowed {@code allowed[s][a]} tells whether action {@code a} may be taken in state
     *                {@code s}; {@code null} allows every action
     * @return the smallest such state, or {@code -1} if every state reaches a terminal state
     */
    public int firstStateNotReachingTerminal(boolean[][] allowed) {
        // Reverse search from the terminal states over edges that have positive probability.
        int[] reverseCount = new int[stateCount + 1];
        for (int s = 0; s < stateCount; s++) {
            for (int a = 0; a < actionCount; a++) {
                if (allowed != null && !allowed[s][a]) {
                    continue;
                }
                for (int k = transitionStart(s, a), end = transitionEnd(s, a); k < end; k++) {
                    if (probabilities[k] > 0) {
                        reverseCount[nextStates[k] + 1]++;
                    }
                }
            }
        }
        for (int s = 0; s < stateCount; s++) {
            reverseCount[s + 1] += reverseCount[s];
        }
        int[] predecessors = new int[reverseCount[stateCount]];
        int[] fill = Arrays.copyOf(reverseCount, stateCount);
        for (int s = 0; s < stateCount; s++) {
            for (int a = 0; a < actionCount; a++) {
                if (allowed != null && !allowed[s][a]) {
                    continue;
                }
                for (int k = transitionStart(s, a), end = transitionEnd(s, a); k < end; k++) {
                    if (probabilities[k] > 0) {
                        predecessors[fill[nextStates[k]]++] = s;
                    }
                }
            }
        }
        boolean[] reaches = new boolean[stateCount];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int s = 0; s < stateCount; s++) {
            if (terminal[s]) {
                reaches[s] = true;
                queue.add(s);
            }
        }
        while (!queue.isEmpty()) {
            int s = queue.poll();
            for (int k = reverseCount[s]; k < reverseCount[s + 1]; k++) {
                int p = predecessors[k];
                if (!reaches[p]) {
                    reaches[p] = true;
                    queue.add(p);
                }
            }
        }
        for (int s = 0; s < stateCount; s++) {
            if (!reaches[s]) {
                return s;
            }
        }
        return -1;
    }

    /**
     * @param state the state index to check
     * @throws IllegalArgumentException if {@code state} is outside {@code [0, stateCount)}
     */
    public void checkState(int state) {
        if (state < 0 || state >= stateCount) {
            throw new IllegalArgumentException("state " + state + " is outside [0, " + (stateCount - 1) + "]");
        }
    }

    /**
     * @param action the action index to check
     * @throws IllegalArgumentException if {@code action} is outside {@code [0, actionCount)}
     */
    public void checkAction(int action) {
        if (action < 0 || action >= actionCount) {
            throw new IllegalArgumentException("action " + action + " is outside [0, " + (actionCount - 1) + "]");
        }
    }

    /** @return the bytes the compiled arrays occupy, roughly, for memory planning */
    public long memoryBytes() {
        return 4L * rowStart.length + 16L * nextStates.length + 4L * nextStates.length
                + 8L * expectedRewards.length + terminal.length;
    }
}
