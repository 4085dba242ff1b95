package dev.bellman.tabular.td;

import dev.bellman.tabular.LearnerSettings;
import dev.bellman.tabular.TabularControlLearner;

/**
 * Sarsa (Zhao Ch. 7.2; Sutton &amp; Barto Sec. 6.4): on-policy TD control.
 * {@code q(s,a) <- q(s,a) + alpha [r + gamma q(s',a') - q(s,a)]}, where {@code a'} is the
 * epsilon-greedy action actually taken next; {@code q(s',a')} is 0 when {@code s'} is terminal.
 */
public final class Sarsa extends TabularControlLearner {

    private int nextAction = -1;

    /** @param settings gamma, alpha, epsilon, seed, episode limit */
    public Sarsa(LearnerSettings settings) {
        super(settings);
    }

    @Override
    protected void beginEpisode(Integer observation) {
        super.beginEpisode(observation);
        nextAction = -1;
    }

    @Override
    protected Integer act(Integer state) {
        return nextAction >= 0 ? nextAction : epsilonGreedy(state);
    }

    @Override
    protected void update(Integer state, Integer action, double reward, Integer next, boolean terminated, boolean truncated) {
        double target = reward;
        nextAction = -1;
        if (!terminated) {
            int chosen = epsilonGreedy(next);
            target += settings.gamma() * q[index(next, chosen)];
            nextAction = truncated ? -1 : chosen;
        }
        int sa = index(state, action);
        q[sa] += nextAlpha(sa) * (target - q[sa]);
    }
}
