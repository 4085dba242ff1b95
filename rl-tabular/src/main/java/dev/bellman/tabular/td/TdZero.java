package dev.bellman.tabular.td;

import dev.bellman.core.Policy;
import dev.bellman.tabular.LearnerSettings;
import dev.bellman.tabular.TabularPredictionLearner;

/**
 * TD(0) prediction (Zhao Ch. 7.1; Sutton &amp; Barto Sec. 6.1):
 * {@code v(s) <- v(s) + alpha [r + gamma v(s') - v(s)]}, with {@code v(s') = 0} for terminal {@code s'}.
 */
public final class TdZero extends TabularPredictionLearner {

    /**
     * @param settings gamma, alpha, seed, episode limit, initial value
     * @param policy   the policy to evaluate
     */
    public TdZero(LearnerSettings settings, Policy<Integer, Integer> policy) {
        super(settings, policy);
    }

    @Override
    protected void update(Integer state, Integer action, double reward, Integer next, boolean terminated, boolean truncated) {
        double target = terminated ? reward : reward + settings.gamma() * v[next];
        v[state] += nextAlpha(state) * (target - v[state]);
    }
}
