package dev.bellman.tabular.mc;

import java.util.Arrays;

/**
 * One episode as the Monte Carlo methods keep it until it ends: {@code S_0, A_0, R_1, ...,
 * S_{T-1}, A_{T-1}, R_T}, then the last observation {@code S_T} and whether a time limit cut the
 * episode there (rather than a terminal state ending it). The arrays grow as needed and are reused
 * from episode to episode, so recording allocates nothing once they are large enough.
 */
final class Episode {

    private int[] states = new int[64];
    private int[] actions = new int[64];
    /** {@code rewards[t]} is {@code R_{t+1}}, the reward that follows {@code (S_t, A_t)}. */
    private double[] rewards = new double[64];
    private boolean[] firstVisit = new boolean[64];
    /** {@code seenIn[key]} is the stamp of the last episode in which the key occurred. */
    private int[] seenIn = new int[0];
    private int stamp;
    private int length;
    private int lastState = -1;
    private boolean truncated;

    /** Forgets the previous episode. */
    void clear() {
        length = 0;
        lastState = -1;
        truncated = false;
    }

    /** Appends {@code (S_t, A_t, R_{t+1})}. */
    void add(int state, int action, double reward) {
        if (length == states.length) {
            int grown = states.length * 2;
            states = Arrays.copyOf(states, grown);
            actions = Arrays.copyOf(actions, grown);
            rewards = Arrays.copyOf(rewards, grown);
            firstVisit = Arrays.copyOf(firstVisit, grown);
        }
        states[length] = state;
        actions[length] = action;
        rewards[length] = reward;
        length++;
    }

    /**
     * Records how the episode ended.
     *
     * @param lastState {@code S_T}
     * @param truncated {@code true} if a time limit cut the episode, {@code false} if {@code S_T} is terminal
     */
    void finish(int lastState, boolean truncated) {
        this.lastState = lastState;
        this.truncated = truncated;
    }

    /** @return {@code T}, the number of steps */
    int length() {
        return length;
    }

    /** @return {@code S_t} */
    int state(int t) {
        return states[t];
    }

    /** @return {@code A_t} */
    int action(int t) {
        return actions[t];
    }

    /** @return {@code R_{t+1}}, the reward of step {@code t} */
    double reward(int t) {
        return rewards[t];
    }

    /** @return {@code S_T} */
    int lastState() {
        return lastState;
    }

    /** @return {@code true} if a time limit cut the episode, so that {@code S_T} still has a value */
    boolean truncated() {
        return truncated;
    }

    /** Marks the steps at which the state {@code S_t} occurs for the first time in this episode. */
    /** Receives one visited pair and the return that followed it. */
    @FunctionalInterface
    interface ReturnVisitor {
        void visit(int state, int action, double episodeReturn);
    }

    /**
     * Computes the returns backwards, {@code G_t = r_{t+1} + gamma G_{t+1}} from {@code G_T = tail},
     * and hands each visited pair (only its first visit, if asked) with its return to {@code visitor}.
     */
    void visitPairReturns(double gamma, double tail, boolean firstVisitsOnly, int stateCount, int actionCount,
                          ReturnVisitor visitor) {
        if (firstVisitsOnly) {
            markFirstVisitsOfPairs(stateCount, actionCount);
        }
        double g = tail;
        for (int t = length - 1; t >= 0; t--) {
            g = reward(t) + gamma * g;
            if (!firstVisitsOnly || firstVisit(t)) {
                visitor.visit(state(t), action(t), g);
            }
        }
    }

    void markFirstVisitsOfStates(int stateCount) {
        mark(stateCount, 0);
    }

    /** Marks the steps at which the pair {@code (S_t, A_t)} occurs for the first time in this episode. */
    void markFirstVisitsOfPairs(int stateCount, int actionCount) {
        mark(stateCount * actionCount, actionCount);
    }

    /** @return whether step {@code t} was marked by the last {@code markFirstVisits...} call */
    boolean firstVisit(int t) {
        return firstVisit[t];
    }

    private void mark(int keyCount, int actionCount) {
        if (seenIn.length != keyCount) {
            seenIn = new int[keyCount];
            stamp = 0;
        }
        if (stamp == Integer.MAX_VALUE) {
            Arrays.fill(seenIn, 0);
            stamp = 0;
        }
        stamp++;
        for (int t = 0; t < length; t++) {
            int key = actionCount == 0 ? states[t] : states[t] * actionCount + actions[t];
            firstVisit[t] = seenIn[key] != stamp;
            seenIn[key] = stamp;
        }
    }
}
