package dev.bellman.tabular.td;

import dev.bellman.core.checkpoint.StateReader;
import dev.bellman.core.checkpoint.StateWriter;
import dev.bellman.tabular.LearnerSettings;
import dev.bellman.tabular.TabularControlLearner;

import java.io.IOException;
import java.util.Arrays;

/**
 * n-step Sarsa (Zhao Ch. 7.2; Sutton &amp; Barto Sec. 7.2): the pair visited {@code n} steps ago moves
 * towards {@code G = r_{tau+1} + gamma r_{tau+2} + ... + gamma^{n-1} r_{tau+n} + gamma^n q(s_{tau+n}, a_{tau+n})};
 * near the end of an episode the sum stops at the last reward, bootstrapping from the last state
 * only if the episode was truncated. {@code n = 1} is Sarsa.
 */
public final class NStepSarsa extends TabularControlLearner {

    private final int n;
    private int[] states = new int[64];
    private int[] actions = new int[64];
    /** {@code rewards[i]} is {@code r_i}, the reward that follows {@code (states[i-1], actions[i-1])}. */
    private double[] rewards = new double[65];
    private int steps;
    private int nextAction = -1;

    /**
     * @param settings the shared tabular settings
     * @param n        the number of rewards before bootstrapping, at least 1
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public NStepSarsa(LearnerSettings settings, int n) {
        super(settings);
        if (n < 1) {
            throw new IllegalArgumentException("n " + n + " must be at least 1");
        }
        this.n = n;
    }

    @Override
    protected void beginEpisode(Integer observation) {
        super.beginEpisode(observation);
        steps = 0;
        nextAction = -1;
    }

    @Override
    protected Integer act(Integer state) {
        return nextAction >= 0 ? nextAction : epsilonGreedy(state);
    }

    @Override
    protected void update(Integer state, Integer action, double reward, Integer next, boolean terminated, boolean truncated) {
        if (steps + 2 > states.length) {
            states = Arrays.copyOf(states, states.length * 2);
            actions = Arrays.copyOf(actions, actions.length * 2);
            rewards = Arrays.copyOf(rewards, rewards.length * 2);
        }
        states[steps] = state;
        actions[steps] = action;
        rewards[steps + 1] = reward;
        steps++;
        nextAction = -1;
        if (!terminated) {
            int chosen = epsilonGreedy(next);
            states[steps] = next;
            actions[steps] = chosen;
            nextAction = truncated ? -1 : chosen;
        }
        if (terminated || truncated) {
            for (int tau = Math.max(0, steps - n); tau < steps; tau++) {
                updatePair(tau, !terminated);
            }
        } else if (steps - n >= 0) {
            updatePair(steps - n, true);
        }
    }

    /** Updates the pair of time {@code tau} with the rewards up to now and, if asked, the last pair's value. */
    private void updatePair(int tau, boolean bootstrap) {
        double tail = bootstrap ? q[index(states[steps], actions[steps])] : 0;
        double target = NStepReturn.of(rewards, tau, steps, settings.gamma(), tail);
        int sa = index(states[tau], actions[tau]);
        q[sa] += nextAlpha(sa) * (target - q[sa]);
    }

    /**
     * Adds {@code n}, which must match on loading. The reward buffers hold only the current
     * episode, and a checkpoint is never taken inside one.
     */
    @Override
    protected void writeLearnerState(StateWriter out) throws IOException {
        super.writeLearnerState(out);
        out.section("n-step-sarsa");
        out.writeString(Integer.toString(n));
    }

    /** Reads what {@link #writeLearnerState} wrote. */
    @Override
    protected void readLearnerState(StateReader in) throws IOException {
        super.readLearnerState(in);
        in.section("n-step-sarsa");
        in.expectString("n", Integer.toString(n));
    }
}
