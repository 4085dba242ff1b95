package dev.bellman.core;

import java.util.random.RandomGenerator;

/**
 * A stochastic policy {@code pi(a|s)} over the states and actions of a finite MDP, stored as a full
 * table of probabilities. Immutable. Deterministic policies are the special case with one action of
 * probability 1 per state.
 */
public final class TabularPolicy implements Policy<Integer, Integer> {

    /** How far the probabilities of one state may sum from 1. */
    public static final double PROBABILITY_TOLERANCE = 1e-9;

    private final int stateCount;
    private final int actionCount;
    private final double[] probabilities;

    private TabularPolicy(int stateCount, int actionCount, double[] probabilities) {
        this.stateCount = stateCount;
        this.actionCount = actionCount;
        this.probabilities = probabilities;
    }

    /**
     * A policy from a table of probabilities.
     *
     * @param probabilities {@code probabilities[s][a] = pi(a|s)}; copied
     * @return the policy
     * @throws IllegalArgumentException naming the state, if a row is empty or ragged, holds a negative
     *                                  or non-finite entry, or does not sum to 1 within
     *                                  {@value #PROBABILITY_TOLERANCE}
     */
    public static TabularPolicy of(double[][] probabilities) {
        if (probabilities.length == 0 || probabilities[0].length == 0) {
            throw new IllegalArgumentException("a policy needs at least one state and one action");
        }
        int states = probabilities.length;
        int actions = probabilities[0].length;
        double[] flat = new double[states * actions];
        for (int s = 0; s < states; s++) {
            if (probabilities[s].length != actions) {
                throw new IllegalArgumentException("state " + s + " has " + probabilities[s].length
                        + " action probabilities; expected " + actions + " as in state 0");
            }
            double sum = 0;
            for (int a = 0; a < actions; a++) {
                double p = probabilities[s][a];
                if (!(p >= 0) || !Double.isFinite(p)) {
                    throw new IllegalArgumentException("state " + s + ", action " + a + ": probability " + p
                            + " is not a finite non-negative number");
                }
                flat[s * actions + a] = p;
                sum += p;
            }
            if (Math.abs(sum - 1) > PROBABILITY_TOLERANCE) {
                throw new IllegalArgumentException("state " + s + ": action probabilities sum to " + sum
                        + "; expected 1 within " + PROBABILITY_TOLERANCE);
            }
        }
        return new TabularPolicy(states, actions, flat);
    }

    /**
     * The uniform random policy: every action with probability {@code 1 / actionCount}.
     *
     * @param stateCount  the number of states, at least 1
     * @param actionCount the number of actions, at least 1
     * @return the uniform random policy over {@code actionCount} actions in every state
     * @throws IllegalArgumentException if a count is below 1
     */
    public static TabularPolicy uniform(int stateCount, int actionCount) {
        requireCounts(stateCount, actionCount);
        double[] flat = new double[stateCount * actionCount];
        java.util.Arrays.fill(flat, 1.0 / actionCount);
        return new TabularPolicy(stateCount, actionCount, flat);
    }

    /**
     * The deterministic policy taking {@code actions[s]} in state {@code s}, over
     * {@code actionCount} actions.
     *
     * @param actions     the action of each state, indexed by state
     * @param actionCount the number of actions, at least 1
     * @return the deterministic policy; the array is copied
     * @throws IllegalArgumentException if {@code actionCount < 1}, {@code actions} is empty, or an
     *                                  action is outside {@code [0, actionCount)} (the message names
     *                                  the state)
     */
    public static TabularPolicy deterministic(int[] actions, int actionCount) {
        return epsilonGreedy(actions, actionCount, 0.0);
    }

    /**
     * The deterministic policy taking {@code actions[s]} in state {@code s}. The number of actions is
     * taken as {@code max(actions) + 1}; use {@link #deterministic(int[], int)} to state it.
     *
     * @param actions the action of each state, indexed by state
     * @return the deterministic policy over {@code max(actions) + 1} actions; the array is copied
     * @throws IllegalArgumentException if {@code actions} is empty or holds a negative action
     */
    public static TabularPolicy deterministic(int[] actions) {
        int max = 0;
        for (int a : actions) {
            max = Math.max(max, a);
        }
        return deterministic(actions, max + 1);
    }

    /**
     * Zhao's epsilon-greedy form of a deterministic policy: in state {@code s}, {@code actions[s]}
     * has probability {@code 1 - epsilon (|A| - 1) / |A|} and every other action
     * {@code epsilon / |A|}.
     *
     * @param actions     the greedy action of each state
     * @param actionCount {@code |A|}, at least 1
     * @param epsilon     the exploration rate in {@code [0, 1]}
     * @return the epsilon-greedy policy; with {@code epsilon = 0} it is deterministic
     * @throws IllegalArgumentException if {@code epsilon} is outside {@code [0, 1]}, or an action is
     *                                  out of range
     */
    public static TabularPolicy epsilonGreedy(int[] actions, int actionCount, double epsilon) {
        requireCounts(actions.length, actionCount);
        requireEpsilon(epsilon);
        double other = epsilon / actionCount;
        double greedy = 1 - epsilon * (actionCount - 1) / actionCount;
        double[] flat = new double[actions.length * actionCount];
        for (int s = 0; s < actions.length; s++) {
            if (actions[s] < 0 || actions[s] >= actionCount) {
                throw new IllegalArgumentException("state " + s + ": action " + actions[s] + " is outside [0, "
                        + (actionCount - 1) + "]");
            }
            for (int a = 0; a < actionCount; a++) {
                flat[s * actionCount + a] = a == actions[s] ? greedy : other;
            }
        }
        return new TabularPolicy(actions.length, actionCount, flat);
    }

    /**
     * The greedy policy of {@code actionValues}: in each state the action of highest value, ties
     * (within {@link TabularActionValues#TIE_TOLERANCE}) going to the lowest action index.
     *
     * @param actionValues the action values {@code q(s, a)} to act greedily on
     * @return the deterministic greedy policy
     */
    public static TabularPolicy greedy(TabularActionValues actionValues) {
        return deterministic(greedyActions(actionValues), actionValues.actionCount());
    }

    /**
     * Zhao's epsilon-greedy policy of {@code actionValues}: the greedy action (ties to the lowest
     * index) keeps {@code 1 - epsilon (|A| - 1) / |A|}, every other action gets {@code epsilon / |A|}.
     *
     * @param actionValues the action values {@code q(s, a)} whose greedy action is favoured
     * @param epsilon      the exploration rate in {@code [0, 1]}
     * @return the epsilon-greedy policy
     * @throws IllegalArgumentException if {@code epsilon} is outside {@code [0, 1]}
     */
    public static TabularPolicy epsilonGreedy(TabularActionValues actionValues, double epsilon) {
        return epsilonGreedy(greedyActions(actionValues), actionValues.actionCount(), epsilon);
    }

    private static int[] greedyActions(TabularActionValues actionValues) {
        int[] actions = new int[actionValues.stateCount()];
        for (int s = 0; s < actions.length; s++) {
            actions[s] = actionValues.greedyAction(s);
        }
        return actions;
    }

    /** @return the number of states */
    public int stateCount() {
        return stateCount;
    }

    /** @return the number of actions */
    public int actionCount() {
        return actionCount;
    }

    /**
     * @param state  the state, in [0, stateCount)
     * @param action the action, in [0, actionCount)
     * @return {@code pi(action | state)}
     * @throws IllegalArgumentException if the state or action is out of range
     */
    public double probability(int state, int action) {
        checkState(state);
        if (action < 0 || action >= actionCount) {
            throw new IllegalArgumentException("action " + action + " is outside [0, " + (actionCount - 1) + "]");
        }
        return probabilities[state * actionCount + action];
    }

    /**
     * @param state the state, in [0, stateCount)
     * @return the action of highest probability in {@code state}, the lowest index among ties
     * @throws IllegalArgumentException if the state is out of range
     */
    public int mostProbableAction(int state) {
        checkState(state);
        int best = 0;
        for (int a = 1; a < actionCount; a++) {
            if (probabilities[state * actionCount + a] > probabilities[state * actionCount + best] + PROBABILITY_TOLERANCE) {
                best = a;
            }
        }
        return best;
    }

    /** @return {@code true} if every state has one action of probability 1 */
    public boolean isDeterministic() {
        for (int s = 0; s < stateCount; s++) {
            if (probabilities[s * actionCount + mostProbableAction(s)] < 1 - PROBABILITY_TOLERANCE) {
                return false;
            }
        }
        return true;
    }

    /**
     * Samples an action from {@code pi(.|state)} with one uniform draw.
     *
     * @throws IllegalArgumentException if the state is {@code null} or out of range
     */
    @Override
    public Integer act(Integer state, RandomGenerator rng) {
        if (state == null) {
            throw new IllegalArgumentException("state must not be null");
        }
        checkState(state);
        double u = rng.nextDouble();
        int row = state * actionCount;
        double cumulative = 0;
        int last = 0;
        for (int a = 0; a < actionCount; a++) {
            double p = probabilities[row + a];
            if (p > 0) {
                cumulative += p;
                last = a;
                if (u < cumulative) {
                    return a;
                }
            }
        }
        // Rounding can leave the cumulative sum a hair below 1.
        return last;
    }

    /** @return a copy of the probabilities, row-major: index {@code s * actionCount + a} */
    public double[] toArray() {
        return probabilities.clone();
    }

    private void checkState(int state) {
        if (state < 0 || state >= stateCount) {
            throw new IllegalArgumentException("state " + state + " is outside [0, " + (stateCount - 1) + "]");
        }
    }

    private static void requireCounts(int stateCount, int actionCount) {
        if (stateCount < 1 || actionCount < 1) {
            throw new IllegalArgumentException("a policy needs at least one state and one action, got "
                    + stateCount + " states and " + actionCount + " actions");
        }
    }

    private static void requireEpsilon(double epsilon) {
        if (!(epsilon >= 0 && epsilon <= 1)) {
            throw new IllegalArgumentException("epsilon " + epsilon + " is outside [0, 1]");
        }
    }
}
