package dev.bellman.tabular.td;

import dev.bellman.core.checkpoint.StateReader;
import dev.bellman.core.checkpoint.StateWriter;
import dev.bellman.tabular.LearnerSettings;
import dev.bellman.tabular.TabularControlLearner;

import java.io.IOException;
import java.util.Arrays;

/**
 * Tabular Sarsa(lambda) (Sutton &amp; Barto Sec. 12.7, backward view):
 * {@code delta = r + gamma q(s',a') - q(s,a)} with {@code a'} the epsilon-greedy action taken next;
 * the visited pair's trace grows (accumulating, or replacing with the state's other actions
 * cleared); then every pair moves {@code q(x) <- q(x) + alpha delta e(x)} and its trace decays by
 * {@code gamma lambda}. Traces are cleared at the start of each episode; the step size is that of the
 * visited pair's update count.
 */
public final class SarsaLambda extends TabularControlLearner {

    private final double lambda;
    private final Traces traces;
    private double[] eligibility;
    private int nextAction = -1;

    /**
     * @param settings the shared tabular settings
     * @param lambda   the trace decay in {@code [0, 1]}
     * @param traces   accumulating or replacing
     * @throws IllegalArgumentException if lambda is outside {@code [0, 1]} or traces is null
     */
    public SarsaLambda(LearnerSettings settings, double lambda, Traces traces) {
        super(settings);
        this.lambda = TdLambda.requireLambda(lambda);
        if (traces == null) {
            throw new IllegalArgumentException("traces must not be null; expected ACCUMULATING or REPLACING");
        }
        this.traces = traces;
    }

    @Override
    protected void allocate(int states, int actions) {
        eligibility = new double[states * actions];
    }

    @Override
    protected void beginEpisode(Integer observation) {
        super.beginEpisode(observation);
        Arrays.fill(eligibility, 0);
        nextAction = -1;
    }

    @Override
    protected Integer act(Integer state) {
        return nextAction >= 0 ? nextAction : epsilonGreedy(state);
    }

    @Override
    protected void update(Integer state, Integer action, double reward, Integer next, boolean terminated, boolean truncated) {
        int sa = index(state, action);
        double target = reward;
        nextAction = -1;
        if (!terminated) {
            int chosen = epsilonGreedy(next);
            target += settings.gamma() * q[index(next, chosen)];
            nextAction = truncated ? -1 : chosen;
        }
        double delta = target - q[sa];
        if (traces == Traces.REPLACING) {
            Arrays.fill(eligibility, index(state, 0), index(state, 0) + actionCount(), 0);
            eligibility[sa] = 1;
        } else {
            eligibility[sa] += 1;
        }
        double alpha = nextAlpha(sa);
        double decay = settings.gamma() * lambda;
        for (int x = 0; x < q.length; x++) {
            if (eligibility[x] != 0) {
                q[x] += alpha * delta * eligibility[x];
                eligibility[x] *= decay;
            }
        }
    }

    /** Adds lambda and the kind of traces, which must match on loading, and the traces. */
    @Override
    protected void writeLearnerState(StateWriter out) throws IOException {
        super.writeLearnerState(out);
        out.section("sarsa-lambda");
        out.writeString(Double.toString(lambda));
        out.writeString(traces.name());
        out.writeDoubles(eligibility);
    }

    /** Reads what {@link #writeLearnerState} wrote. */
    @Override
    protected void readLearnerState(StateReader in) throws IOException {
        super.readLearnerState(in);
        in.section("sarsa-lambda");
        in.expectString("lambda", Double.toString(lambda));
        in.expectString("traces", traces.name());
        in.readDoubles(eligibility, "traces of the state-action pairs");
    }
}
