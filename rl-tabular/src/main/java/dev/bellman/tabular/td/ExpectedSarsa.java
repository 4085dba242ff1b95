package dev.bellman.tabular.td;

import dev.bellman.tabular.LearnerSettings;
import dev.bellman.tabular.TabularControlLearner;

/**
 * Expected Sarsa (Zhao Ch. 7.3; Sutton &amp; Barto Sec. 6.6):
 * {@code q(s,a) <- q(s,a) + alpha [r + gamma sum_a' pi(a'|s') q(s',a') - q(s,a)]} with {@code pi}
 * the current epsilon-greedy policy; the sum is 0 when {@code s'} is terminal.
 */
public final class ExpectedSarsa extends TabularControlLearner {

    /** @param settings gamma, alpha, epsilon, seed, episode limit */
    public ExpectedSarsa(LearnerSettings settings) {
        super(settings);
    }

    @Override
    protected Integer act(Integer state) {
        return epsilonGreedy(state);
    }

    @Override
    protected void update(Integer state, Integer action, double reward, Integer next, boolean terminated, boolean truncated) {
        double target = terminated ? reward : reward + settings.gamma() * epsilonGreedyExpectation(next);
        int sa = index(state, action);
        q[sa] += nextAlpha(sa) * (target - q[sa]);
    }
}
