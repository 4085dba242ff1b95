package dev.bellman.core.checkpoint;

import dev.bellman.core.Environment;
import dev.bellman.core.EpisodicLearner;
import dev.bellman.core.Policy;
import dev.bellman.core.space.DiscreteSpace;

import java.io.IOException;

/**
 * A small Q-learner for the checkpoint tests of rl-core, which has no learners of its own: ε-greedy
 * with random ties from the learner's stream, and a ballast array that makes its checkpoint large
 * enough for a kill to land in the middle of a write.
 */
final class TableLearner extends EpisodicLearner<Integer, Integer> {

    private final double alpha;
    private final double gamma;
    private final double epsilon;
    private final int ballast;
    private double[] q;
    private double[] visits;
    private int actions;

    TableLearner(long seed, int ballast) {
        super(seed, 100);
        this.alpha = 0.1;
        this.gamma = 0.9;
        this.epsilon = 0.2;
        this.ballast = ballast;
    }

    double[] table() {
        return q.clone();
    }

    @Override
    protected void prepare(Environment<Integer, Integer> env) {
        if (q == null) {
            int states = ((DiscreteSpace) env.observationSpace()).n();
            actions = ((DiscreteSpace) env.actionSpace()).n();
            q = new double[states * actions];
            visits = new double[states + ballast];
        }
    }

    @Override
    protected Integer act(Integer state) {
        if (random().nextDouble() < epsilon) {
            return random().nextInt(actions);
        }
        int best = 0;
        int ties = 1;
        for (int a = 1; a < actions; a++) {
            double value = q[state * actions + a];
            double top = q[state * actions + best];
            if (value > top) {
                best = a;
                ties = 1;
            } else if (value == top && random().nextInt(++ties) == 0) {
                best = a;
            }
        }
        return best;
    }

    @Override
    protected void update(Integer state, Integer action, double reward, Integer next, boolean terminated, boolean truncated) {
        double max = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < actions; a++) {
            max = Math.max(max, q[next * actions + a]);
        }
        int index = state * actions + action;
        q[index] += alpha * (reward + (terminated ? 0 : gamma * max) - q[index]);
        visits[state]++;
    }

    @Override
    public Policy<Integer, Integer> policy() {
        throw new UnsupportedOperationException("not needed by the tests");
    }

    @Override
    protected void writeLearnerState(StateWriter out) throws IOException {
        out.writeDoubles(q);
        out.writeDoubles(visits);
    }

    @Override
    protected void readLearnerState(StateReader in) throws IOException {
        in.readDoubles(q, "action values");
        in.readDoubles(visits, "visit counts");
    }
}
