package dev.bellman.core;

/**
 * Action values {@code q(s, a)} for every state and action of a finite MDP, stored row-major
 * ({@code s * actionCount + a}). Immutable.
 */
public final class TabularActionValues implements ActionValueFunction<Integer, Integer> {

    /** Action values closer than this count as tied; ties go to the lowest action index. */
    public static final double TIE_TOLERANCE = 1e-9;

    private final int stateCount;
    private final int actionCount;
    private final double[] values;

    /**
     * @param stateCount  the number of states, at least 1
     * @param actionCount the number of actions, at least 1
     * @param values      {@code q(s, a)} at index {@code s * actionCount + a}; copied
     * @throws IllegalArgumentException if the counts are below 1 or the array has the wrong length
     */
    public TabularActionValues(int stateCount, int actionCount, double[] values) {
        if (stateCount < 1 || actionCount < 1) {
            throw new IllegalArgumentException("action values need at least one state and one action, got "
                    + stateCount + " states and " + actionCount + " actions");
        }
        if (values.length != (long) stateCount * actionCount) {
            throw new IllegalArgumentException("action values have length " + values.length + "; expected "
                    + stateCount + " states x " + actionCount + " actions = " + (long) stateCount * actionCount);
        }
        this.stateCount = stateCount;
        this.actionCount = actionCount;
        this.values = values.clone();
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
     * @return {@code q(state, action)}
     * @throws IllegalArgumentException if the state or action is out of range
     */
    public double value(int state, int action) {
        check(state, action);
        return values[state * actionCount + action];
    }

    /**
     * @throws IllegalArgumentException if the state or action is {@code null} or out of range
     */
    @Override
    public double value(Integer state, Integer action) {
        if (state == null || action == null) {
            throw new IllegalArgumentException("state and action must not be null");
        }
        return value(state.intValue(), action.intValue());
    }

    /**
     * @param state a state
     * @return the action of highest value; among actions within {@value #TIE_TOLERANCE} of the
     *         highest, the lowest index
     * @throws IllegalArgumentException if the state is out of range
     */
    public int greedyAction(int state) {
        double best = maxValue(state);
        int row = state * actionCount;
        for (int a = 0; a < actionCount; a++) {
            if (values[row + a] >= best - TIE_TOLERANCE) {
                return a;
            }
        }
        throw new IllegalStateException("state " + state + " has a NaN action value");
    }

    /**
     * @param state the state, in [0, stateCount)
     * @return {@code max_a q(state, a)}
     * @throws IllegalArgumentException if the state is out of range
     */
    public double maxValue(int state) {
        check(state, 0);
        int row = state * actionCount;
        double best = values[row];
        for (int a = 1; a < actionCount; a++) {
            best = Math.max(best, values[row + a]);
        }
        return best;
    }

    /** @return a copy of the values, row-major: index {@code s * actionCount + a} */
    public double[] toArray() {
        return values.clone();
    }

    private void check(int state, int action) {
        if (state < 0 || state >= stateCount) {
            throw new IllegalArgumentException("state " + state + " is outside [0, " + (stateCount - 1) + "]");
        }
        if (action < 0 || action >= actionCount) {
            throw new IllegalArgumentException("action " + action + " is outside [0, " + (actionCount - 1) + "]");
        }
    }
}
