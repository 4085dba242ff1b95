package dev.bellman.approx.features;

import java.util.Arrays;

/**
 * One-hot (tabular) features of {@code n} states: φ(s) = e_s, the unit vector with a 1 at index
 * {@code s}. With them a linear method is exactly its tabular counterpart (Sutton &amp; Barto
 * Exercise 9.1, Zhao Box 8.2: {@code v̂(s, w) = e_sᵀw = w(s)}), which is what makes tabular results
 * the reference for the linear learners.
 */
public final class OneHotFeatures implements SparseFeatures<Integer> {

    private final int stateCount;

    /**
     * @param stateCount the number of states {@code n}, at least 1
     * @throws IllegalArgumentException if {@code stateCount < 1}
     */
    public OneHotFeatures(int stateCount) {
        this.stateCount = Checks.positive(stateCount, "stateCount");
    }

    /** @return the number of states, which is also the dimension */
    public int stateCount() {
        return stateCount;
    }

    @Override
    public int dimension() {
        return stateCount;
    }

    @Override
    public int activeCount() {
        return 1;
    }

    /**
     * @param observation a state in {@code [0, n)}
     * @param out         receives {@code s} at index 0
     * @throws IllegalArgumentException if the state is null or out of range, or {@code out} is empty
     */
    @Override
    public void activeIndices(Integer observation, int[] out) {
        Checks.buffer(out, 1, "out");
        out[0] = Checks.state(observation, stateCount);
    }

    /**
     * @param observation a state in {@code [0, n)}
     * @param out         receives e_s in {@code out[0, n)}
     * @throws IllegalArgumentException if the state is null or out of range, or {@code out} is shorter than n
     */
    @Override
    public void write(Integer observation, double[] out) {
        Checks.buffer(out, stateCount, "out");
        int s = Checks.state(observation, stateCount);
        Arrays.fill(out, 0, stateCount, 0.0);
        out[s] = 1.0;
    }

    @Override
    public String toString() {
        return "OneHotFeatures[" + stateCount + " states]";
    }
}
