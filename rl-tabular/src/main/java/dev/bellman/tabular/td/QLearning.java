package dev.bellman.tabular.td;

import dev.bellman.core.Policy;
import dev.bellman.core.checkpoint.StateReader;
import dev.bellman.core.checkpoint.StateWriter;
import dev.bellman.tabular.LearnerSettings;
import dev.bellman.tabular.TabularControlLearner;

import java.io.IOException;

/**
 * Q-learning (Zhao Ch. 7.4; Sutton &amp; Barto Sec. 6.5):
 * {@code q(s,a) <- q(s,a) + alpha [r + gamma max_a' q(s',a') - q(s,a)]}, the max being 0 when
 * {@code s'} is terminal. On-policy form: the data come from the learner's own epsilon-greedy
 * policy. Off-policy form ({@link #offPolicy}): a fixed behaviour policy generates the data and the
 * learner only updates its estimate, as in Zhao's Fig. 7.4 where a uniform behaviour policy
 * explores and the greedy policy of the learned values is optimal.
 */
public final class QLearning extends TabularControlLearner {

    private final Policy<Integer, Integer> behaviour;

    private QLearning(LearnerSettings settings, Policy<Integer, Integer> behaviour) {
        super(settings);
        this.behaviour = behaviour;
    }

    /**
     * On-policy Q-learning: acts epsilon-greedily with respect to its own estimate.
     *
     * @param settings gamma, alpha, epsilon, seed, episode limit
     */
    public QLearning(LearnerSettings settings) {
        this(settings, null);
    }

    /**
     * Off-policy Q-learning: {@code behaviour} chooses every action (its randomness drawn from the
     * learner's stream); epsilon is not used.
     *
     * @param settings  the shared tabular settings; epsilon is ignored
     * @param behaviour the behaviour policy that chooses every action
     * @return an off-policy Q-learning learner
     * @throws IllegalArgumentException if {@code behaviour} is null
     */
    public static QLearning offPolicy(LearnerSettings settings, Policy<Integer, Integer> behaviour) {
        if (behaviour == null) {
            throw new IllegalArgumentException("behaviour policy must not be null");
        }
        return new QLearning(settings, behaviour);
    }

    @Override
    protected Integer act(Integer state) {
        return behaviour == null ? epsilonGreedy(state) : behaviour.act(state, random());
    }

    @Override
    protected void update(Integer state, Integer action, double reward, Integer next, boolean terminated, boolean truncated) {
        double target = terminated ? reward : reward + settings.gamma() * maxValue(next);
        int sa = index(state, action);
        q[sa] += nextAlpha(sa) * (target - q[sa]);
    }

    /** Adds whether the learner is on- or off-policy, which must match on loading. */
    @Override
    protected void writeLearnerState(StateWriter out) throws IOException {
        super.writeLearnerState(out);
        out.section("q-learning");
        out.writeString(behaviourDescription());
    }

    /** Reads what {@link #writeLearnerState} wrote. */
    @Override
    protected void readLearnerState(StateReader in) throws IOException {
        super.readLearnerState(in);
        in.section("q-learning");
        in.expectString("the behaviour", behaviourDescription());
    }

    private String behaviourDescription() {
        return behaviour == null ? "epsilon-greedy (on-policy)" : "a fixed behaviour policy (off-policy)";
    }
}
