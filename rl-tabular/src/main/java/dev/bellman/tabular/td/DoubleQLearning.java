package dev.bellman.tabular.td;

import dev.bellman.core.checkpoint.StateReader;
import dev.bellman.core.checkpoint.StateWriter;
import dev.bellman.tabular.LearnerSettings;
import dev.bellman.tabular.TabularControlLearner;

import java.io.IOException;

/**
 * Double Q-learning (Sutton &amp; Barto Sec. 6.7, van Hasselt 2010): two estimates; at each step one of
 * them, chosen by a fair coin, is updated towards {@code r + gamma q_other(s', argmax_a q_this(s', a))},
 * removing Q-learning's maximisation bias. Behaviour is epsilon-greedy on {@code q1 + q2}; the
 * reported {@link #actionValues()} are the average {@code (q1 + q2) / 2}.
 */
public final class DoubleQLearning extends TabularControlLearner {

    private double[] first;
    private double[] second;

    /** @param settings gamma, alpha, epsilon, seed, episode limit */
    public DoubleQLearning(LearnerSettings settings) {
        super(settings);
    }

    @Override
    protected void allocate(int states, int actions) {
        first = q.clone();
        second = q.clone();
    }

    @Override
    protected Integer act(Integer state) {
        return epsilonGreedy(state);
    }

    @Override
    protected void update(Integer state, Integer action, double reward, Integer next, boolean terminated, boolean truncated) {
        boolean updateFirst = random().nextBoolean();
        double[] updated = updateFirst ? first : second;
        double[] other = updateFirst ? second : first;
        double target = reward;
        if (!terminated) {
            target += settings.gamma() * other[index(next, greedyWithRandomTies(updated, next))];
        }
        int sa = index(state, action);
        updated[sa] += nextAlpha(sa) * (target - updated[sa]);
        // q is the average, so that behaviour, policy() and actionValues() all see both estimates.
        q[sa] = 0.5 * (first[sa] + second[sa]);
    }

    /** Adds both estimates to the shared state ({@code q} is their average). */
    @Override
    protected void writeLearnerState(StateWriter out) throws IOException {
        super.writeLearnerState(out);
        out.section("double-q-learning");
        out.writeDoubles(first);
        out.writeDoubles(second);
    }

    /** Reads what {@link #writeLearnerState} wrote. */
    @Override
    protected void readLearnerState(StateReader in) throws IOException {
        super.readLearnerState(in);
        in.section("double-q-learning");
        in.readDoubles(first, "action values of the first estimate");
        in.readDoubles(second, "action values of the second estimate");
    }
}
