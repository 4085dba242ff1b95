package dev.bellman.env.toytext;

import dev.bellman.core.Environment;
import dev.bellman.core.FiniteMdp;
import dev.bellman.core.Step;
import dev.bellman.core.Transition;
import dev.bellman.core.checkpoint.Checkpointable;
import dev.bellman.core.checkpoint.StateReader;
import dev.bellman.core.checkpoint.StateWriter;
import dev.bellman.core.random.SplitMixRandom;
import dev.bellman.core.space.DiscreteSpace;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Sutton &amp; Barto's random walks: a row of {@code n} states between two terminal states, where
 * the environment alone drives the walk. Each step jumps {@code 1..maxJump} states left or right,
 * every one of the {@code 2 * maxJump} jumps equally likely; a jump that would pass an end lands in
 * the terminal state on that side, earning {@code rewardLeft} or {@code rewardRight}. Every other
 * step earns 0. Both a {@link FiniteMdp} (undiscounted: γ = 1) and an {@link Environment}.
 *
 * <p>States are {@code 0 .. n + 1}: {@code 0} is the left terminal, {@code 1 .. n} the walk's states
 * from left to right (the book's numbering; A..E are 1..5 in the five-state walk), {@code n + 1} the
 * right terminal. Episodes start in the middle state {@code (n + 1) / 2} (integer division). There
 * is one action, {@code 0}: the agent only watches.
 *
 * <ul>
 *   <li>{@link #fiveStates()}: Example 6.2, states A..E, start C, reward 0 on the left and +1 on the
 *   right; true values 1/6 .. 5/6.</li>
 *   <li>{@link #nineteenStates()}: Section 7.1 (Fig. 7.2), start 10, rewards −1 left and +1 right;
 *   true values −0.9 .. 0.9.</li>
 *   <li>{@link #thousandStates()}: Example 9.1, jumps of 1..100, start 500, rewards −1 and +1.</li>
 * </ul>
 */
public final class RandomWalk implements FiniteMdp, Environment<Integer, Integer>, Checkpointable {

    private final int n;
    private final int maxJump;
    private final double rewardLeft;
    private final double rewardRight;
    private final DiscreteSpace observationSpace;
    private final DiscreteSpace actionSpace = new DiscreteSpace(1);

    private SplitMixRandom rng = new SplitMixRandom(0);
    private int state = -1;
    private boolean done = true;

    /**
     * @param states      {@code n}, the number of non-terminal states, at least 1
     * @param maxJump     the largest jump, at least 1 (1: a step to a neighbour)
     * @param rewardLeft  the reward for terminating on the left
     * @param rewardRight the reward for terminating on the right
     * @throws IllegalArgumentException if {@code states} or {@code maxJump} is below 1, or a reward
     *                                  is not finite
     */
    public RandomWalk(int states, int maxJump, double rewardLeft, double rewardRight) {
        if (states < 1 || states > Integer.MAX_VALUE - 2) {
            throw new IllegalArgumentException("random walk with " + states + " states; expected at least 1");
        }
        if (maxJump < 1) {
            throw new IllegalArgumentException("maxJump " + maxJump + " is below 1; expected a jump of at least one state");
        }
        if (!Double.isFinite(rewardLeft) || !Double.isFinite(rewardRight)) {
            throw new IllegalArgumentException("rewards " + rewardLeft + " (left) and " + rewardRight
                    + " (right) must be finite");
        }
        this.n = states;
        this.maxJump = maxJump;
        this.rewardLeft = rewardLeft;
        this.rewardRight = rewardRight;
        this.observationSpace = new DiscreteSpace(states + 2);
    }

    /** @return Sutton &amp; Barto Example 6.2: states A..E (1..5), start C, rewards 0 left and +1 right */
    public static RandomWalk fiveStates() {
        return new RandomWalk(5, 1, 0, 1);
    }

    /** @return Sutton &amp; Barto Section 7.1: 19 states, start 10, rewards −1 left and +1 right */
    public static RandomWalk nineteenStates() {
        return new RandomWalk(19, 1, -1, 1);
    }

    /** @return Sutton &amp; Barto Example 9.1: 1000 states, jumps of 1..100, start 500, rewards −1 and +1 */
    public static RandomWalk thousandStates() {
        return new RandomWalk(1000, 100, -1, 1);
    }

    /** @return {@code n}, the number of non-terminal states */
    public int nonTerminalStates() {
        return n;
    }

    /** @return the largest jump, in states */
    public int maxJump() {
        return maxJump;
    }

    /** @return the reward for terminating on the left */
    public double rewardLeft() {
        return rewardLeft;
    }

    /** @return the reward for terminating on the right */
    public double rewardRight() {
        return rewardRight;
    }

    /** @return the state every episode starts in, {@code (n + 1) / 2} */
    public int startState() {
        return (n + 1) / 2;
    }

    /** @return the left terminal state, 0 */
    public int leftTerminal() {
        return 0;
    }

    /** @return the right terminal state, {@code n + 1} */
    public int rightTerminal() {
        return n + 1;
    }

    /** @return 1: the walk is undiscounted in the book */
    public double gamma() {
        return 1.0;
    }

    @Override
    public int stateCount() {
        return n + 2;
    }

    @Override
    public int actionCount() {
        return 1;
    }

    /**
     * @return {@code true} for the two terminal states {@code 0} and {@code n + 1}
     * @throws IllegalArgumentException if the state is outside {@code [0, n + 1]}
     */
    @Override
    public boolean isTerminal(int state) {
        observationSpace.require(state, "state");
        return state == 0 || state == n + 1;
    }

    /**
     * The jumps from {@code state}: each reachable non-terminal state with probability
     * {@code 1 / (2 maxJump)} and reward 0, and each terminal with the probability of all the jumps
     * that pass that end, earning its reward. A terminal state loops on itself with reward 0.
     *
     * @throws IllegalArgumentException if the state or action is out of range
     */
    @Override
    public List<Transition> transitions(int state, int action) {
        observationSpace.require(state, "state");
        actionSpace.require(action, "action");
        if (isTerminal(state)) {
            return List.of(new Transition(state, 1.0, 0.0));
        }
        double each = 1.0 / (2 * maxJump);
        // Jumps of size k = state .. maxJump (those reaching 0 or beyond) end on the left.
        int leftEnds = Math.max(0, maxJump - state + 1);
        int rightEnds = Math.max(0, maxJump - (n + 1 - state) + 1);
        List<Transition> outcomes = new ArrayList<>(2 * maxJump + 2);
        if (leftEnds > 0) {
            outcomes.add(new Transition(0, leftEnds * each, rewardLeft));
        }
        for (int next = Math.max(1, state - maxJump); next <= Math.min(n, state + maxJump); next++) {
            if (next != state) {
                outcomes.add(new Transition(next, each, 0.0));
            }
        }
        if (rightEnds > 0) {
            outcomes.add(new Transition(n + 1, rightEnds * each, rewardRight));
        }
        return Collections.unmodifiableList(outcomes);
    }

    /**
     * The true state values under γ = 1, terminals included (as 0), indexed by state. With
     * {@code maxJump = 1} they lie on the straight line from {@code rewardLeft} at state 0 to
     * {@code rewardRight} at state {@code n + 1} (the probability of ending on the right from state
     * {@code s} is {@code s / (n + 1)}); otherwise they come from solving the Bellman equation
     * {@code (I - P) v = r} exactly by banded Gaussian elimination, in {@code O(n maxJump^2)}.
     *
     * @return a new array of {@code n + 2} values
     */
    public double[] trueValues() {
        double[] values = new double[n + 2];
        if (maxJump == 1) {
            for (int s = 1; s <= n; s++) {
                double pRight = (double) s / (n + 1);
                values[s] = (1 - pRight) * rewardLeft + pRight * rewardRight;
            }
            return values;
        }
        // Unknowns v(1..n) at rows 0..n-1; band[i][j - i + m] holds A(i, j) for |i - j| <= m.
        int m = Math.min(maxJump, n - 1);
        double each = 1.0 / (2 * maxJump);
        double[][] band = new double[n][2 * m + 1];
        double[] rhs = new double[n];
        for (int i = 0; i < n; i++) {
            int s = i + 1;
            band[i][m] = 1.0;
            for (int j = Math.max(0, i - m); j <= Math.min(n - 1, i + m); j++) {
                if (j != i) {
                    band[i][j - i + m] = -each;
                }
            }
            rhs[i] = Math.max(0, maxJump - s + 1) * each * rewardLeft
                    + Math.max(0, maxJump - (n + 1 - s) + 1) * each * rewardRight;
        }
        // I - P is an irreducibly diagonally dominant M-matrix: elimination needs no pivoting and
        // keeps within the band.
        for (int k = 0; k < n; k++) {
            double pivot = band[k][m];
            for (int i = k + 1; i <= Math.min(n - 1, k + m); i++) {
                double factor = band[i][k - i + m] / pivot;
                if (factor == 0) {
                    continue;
                }
                for (int j = k; j <= Math.min(n - 1, k + m); j++) {
                    band[i][j - i + m] -= factor * band[k][j - k + m];
                }
                rhs[i] -= factor * rhs[k];
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            double sum = rhs[i];
            for (int j = i + 1; j <= Math.min(n - 1, i + m); j++) {
                sum -= band[i][j - i + m] * values[j + 1];
            }
            values[i + 1] = sum / band[i][m];
        }
        return values;
    }

    @Override
    public DiscreteSpace observationSpace() {
        return observationSpace;
    }

    @Override
    public DiscreteSpace actionSpace() {
        return actionSpace;
    }

    @Override
    public Integer reset(long seed) {
        rng = new SplitMixRandom(seed);
        return reset();
    }

    /** Starts an episode in the middle state; the walk's stream is not used. */
    @Override
    public Integer reset() {
        state = startState();
        done = false;
        return state;
    }

    /**
     * Jumps: one uniform draw among the {@code 2 maxJump} jumps decides direction and size.
     *
     * @param action {@code 0}, the only action
     * @throws IllegalArgumentException if the action is not {@code 0}
     * @throws IllegalStateException    if the episode has not been reset or has terminated
     */
    @Override
    public Step<Integer> step(Integer action) {
        if (done) {
            throw new IllegalStateException(state < 0
                    ? "step called before reset; call reset(seed) first"
                    : "step called after the episode terminated in state " + state + "; call reset() first");
        }
        actionSpace.require(action, "action");
        int draw = rng.nextInt(2 * maxJump);
        int jump = draw % maxJump + 1;
        int next = draw < maxJump ? state - jump : state + jump;
        double reward = 0;
        if (next <= 0) {
            next = 0;
            reward = rewardLeft;
        } else if (next >= n + 1) {
            next = n + 1;
            reward = rewardRight;
        }
        state = next;
        done = next == 0 || next == n + 1;
        return new Step<>(state, reward, done, false);
    }

    @Override
    public String toString() {
        return "RandomWalk(states=" + n + ", maxJump=" + maxJump + ", rewards " + rewardLeft + "/" + rewardRight + ")";
    }

    /** Writes the current state, whether the episode is over and the random stream's state. */
    @Override
    public void writeState(StateWriter out) throws IOException {
        out.section("RandomWalk");
        out.writeRandom(rng);
        out.writeInt(state);
        out.writeBoolean(done);
    }

    /** Restores what {@link #writeState} wrote. */
    @Override
    public void readState(StateReader in) throws IOException {
        in.section("RandomWalk");
        in.readRandom(rng);
        state = in.readInt();
        done = in.readBoolean();
    }
}
