package dev.bellman.tabular.td;

import dev.bellman.core.Policy;
import dev.bellman.core.checkpoint.StateReader;
import dev.bellman.core.checkpoint.StateWriter;
import dev.bellman.tabular.LearnerSettings;
import dev.bellman.tabular.TabularPredictionLearner;

import java.io.IOException;
import java.util.Arrays;

/**
 * n-step TD prediction (Sutton &amp; Barto Sec. 7.1): the state visited {@code n} steps ago moves
 * towards {@code G = r_{tau+1} + gamma r_{tau+2} + ... + gamma^{n-1} r_{tau+n} + gamma^n v(s_{tau+n})};
 * near the end of an episode the sum stops at the last reward, bootstrapping from the last state only
 * if the episode was truncated. {@code n = 1} is TD(0); {@code n} at least the episode length is
 * constant-alpha Monte Carlo.
 */
public final class NStepTd extends TabularPredictionLearner {

    private final int n;
    private int[] states = new int[64];
    /** {@code rewards[i]} is {@code r_i}, the reward that follows {@code states[i-1]}. */
    private double[] rewards = new double[65];
    private int steps;

    /**
     * @param settings the shared tabular settings
     * @param policy   the policy whose state values are learned
     * @param n        the number of rewards before bootstrapping, at least 1
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public NStepTd(LearnerSettings settings, Policy<Integer, Integer> policy, int n) {
        super(settings, policy);
        if (n < 1) {
            throw new IllegalArgumentException("n " + n + " must be at least 1");
        }
        this.n = n;
    }

    @Override
    protected void beginEpisode(Integer observation) {
        steps = 0;
    }

    @Override
    protected void update(Integer state, Integer action, double reward, Integer next, boolean terminated, boolean truncated) {
        if (steps + 2 > states.length) {
            states = Arrays.copyOf(states, states.length * 2);
            rewards = Arrays.copyOf(rewards, rewards.length * 2);
        }
        states[steps] = state;
        rewards[steps + 1] = reward;
        steps++;
        states[steps] = next;
        if (terminated || truncated) {
            for (int tau = Math.max(0, steps - n); tau < steps; tau++) {
                updateState(tau, !terminated);
            }
        } else if (steps - n >= 0) {
            updateState(steps - n, true);
        }
    }

    private void updateState(int tau, boolean bootstrap) {
        double target = NStepReturn.of(rewards, tau, steps, settings.gamma(), bootstrap ? v[states[steps]] : 0);
        int s = states[tau];
        v[s] += nextAlpha(s) * (target - v[s]);
    }

    /**
     * Adds {@code n}, which must match on loading. The reward buffers hold only the current
     * episode, and a checkpoint is never taken inside one.
     */
    @Override
    protected void writeLearnerState(StateWriter out) throws IOException {
        super.writeLearnerState(out);
        out.section("n-step-td");
        out.writeString(Integer.toString(n));
    }

    /** Reads what {@link #writeLearnerState} wrote. */
    @Override
    protected void readLearnerState(StateReader in) throws IOException {
        super.readLearnerState(in);
        in.section("n-step-td");
        in.expectString("n", Integer.toString(n));
    }
}
