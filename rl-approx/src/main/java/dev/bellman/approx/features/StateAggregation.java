package dev.bellman.approx.features;

import java.util.Arrays;

/**
 * State aggregation (Sutton &amp; Barto §9.3, Example 9.1): {@code n} states in {@code groups}
 * consecutive groups; φ(s) is one-hot on the group of {@code s}.
 *
 * <p>State {@code i} belongs to group {@code floor(i * groups / n)}. When {@code groups} divides
 * {@code n} this is {@code floor(i / (n / groups))}: Example 9.1's 1000 states in 10 groups of 100
 * put states 0..99 in group 0 and 900..999 in group 9. Otherwise the group sizes are
 * {@code floor(n / groups)} or {@code ceil(n / groups)} (10 states in 3 groups: 0..3, 4..6, 7..9).
 */
public final class StateAggregation implements SparseFeatures<Integer> {

    private final int stateCount;
    private final int groups;

    /**
     * @param stateCount the number of states {@code n}, at least 1
     * @param groups     the number of groups, in {@code [1, n]}
     * @throws IllegalArgumentException if a count is not positive or there are more groups than states
     */
    public StateAggregation(int stateCount, int groups) {
        this.stateCount = Checks.positive(stateCount, "stateCount");
        this.groups = Checks.positive(groups, "groups");
        if (groups > stateCount) {
            throw new IllegalArgumentException("groups " + groups + " exceeds stateCount " + stateCount
                    + "; expected at most one group per state");
        }
    }

    /** @return the number of states */
    public int stateCount() {
        return stateCount;
    }

    /**
     * @param state a state in {@code [0, n)}
     * @return its group, {@code floor(state * groups / n)}
     * @throws IllegalArgumentException if the state is out of range
     */
    public int group(int state) {
        if (state < 0 || state >= stateCount) {
            throw new IllegalArgumentException("state " + state + " is outside [0, " + stateCount + ")");
        }
        // long arithmetic: state * groups can exceed an int.
        return (int) ((long) state * groups / stateCount);
    }

    /** @return the number of groups, which is also the dimension */
    @Override
    public int dimension() {
        return groups;
    }

    @Override
    public int activeCount() {
        return 1;
    }

    @Override
    public void activeIndices(Integer observation, int[] out) {
        Checks.buffer(out, 1, "out");
        out[0] = group(Checks.state(observation, stateCount));
    }

    @Override
    public void write(Integer observation, double[] out) {
        Checks.buffer(out, groups, "out");
        int group = group(Checks.state(observation, stateCount));
        Arrays.fill(out, 0, groups, 0.0);
        out[group] = 1.0;
    }

    @Override
    public String toString() {
        return "StateAggregation[" + stateCount + " states into " + groups + " groups]";
    }
}
