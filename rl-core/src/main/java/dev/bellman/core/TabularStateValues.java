package dev.bellman.core;

import java.util.Arrays;

/**
 * State values {@code v(s)}, one per state of a finite MDP. Immutable.
 */
public final class TabularStateValues implements StateValueFunction<Integer> {

    private final double[] values;

    /**
     * @param values the value of each state; copied
     * @throws IllegalArgumentException if the array is empty
     */
    public TabularStateValues(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("state values need at least one state");
        }
        this.values = values.clone();
    }

    /** @return the number of states */
    public int stateCount() {
        return values.length;
    }

    /**
     * @param state a state in {@code [0, stateCount())}
     * @return its value
     * @throws IllegalArgumentException if the state is out of range
     */
    public double value(int state) {
        if (state < 0 || state >= values.length) {
            throw new IllegalArgumentException("state " + state + " is outside [0, " + (values.length - 1) + "]");
        }
        return values[state];
    }

    /**
     * @throws IllegalArgumentException if the state is {@code null} or out of range
     */
    @Override
    public double value(Integer state) {
        if (state == null) {
            throw new IllegalArgumentException("state must not be null");
        }
        return value(state.intValue());
    }

    /** @return a copy of the values, indexed by state */
    public double[] toArray() {
        return values.clone();
    }

    /**
     * @param other values over the same states
     * @return {@code max_s |v(s) - other(s)|}
     * @throws IllegalArgumentException if the state counts differ
     */
    public double maxAbsDifference(TabularStateValues other) {
        if (other.values.length != values.length) {
            throw new IllegalArgumentException("state counts differ: " + values.length + " vs " + other.values.length);
        }
        double max = 0;
        for (int s = 0; s < values.length; s++) {
            max = Math.max(max, Math.abs(values[s] - other.values[s]));
        }
        return max;
    }

    @Override
    public String toString() {
        return "TabularStateValues" + Arrays.toString(values);
    }
}
