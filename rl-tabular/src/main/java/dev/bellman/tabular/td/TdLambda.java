package dev.bellman.tabular.td;

import dev.bellman.core.Policy;
import dev.bellman.core.checkpoint.StateReader;
import dev.bellman.core.checkpoint.StateWriter;
import dev.bellman.tabular.LearnerSettings;
import dev.bellman.tabular.TabularPredictionLearner;

import java.io.IOException;

/**
 * Tabular TD(lambda) prediction with eligibility traces (Sutton &amp; Barto Sec. 12.2, backward view):
 * {@code delta = r + gamma v(s') - v(s)}; the visited state's trace grows (accumulating or
 * replacing); then for every state {@code v(x) <- v(x) + alpha delta e(x)} and
 * {@code e(x) <- gamma lambda e(x)}. Traces are cleared at the start of each episode. The step
 * size is that of the visited state's update count. {@code lambda = 0} is TD(0);
 * {@code lambda = 1} with accumulating traces approaches every-visit Monte Carlo.
 */
public final class TdLambda extends TabularPredictionLearner {

    private final double lambda;
    private final Traces traces;
    private double[] eligibility;

    /**
     * @param settings the shared tabular settings
     * @param policy   the policy whose state values are learned
     * @param lambda   the trace decay in {@code [0, 1]}
     * @param traces   accumulating or replacing
     * @throws IllegalArgumentException if lambda is outside {@code [0, 1]} or traces is null
     */
    public TdLambda(LearnerSettings settings, Policy<Integer, Integer> policy, double lambda, Traces traces) {
        super(settings, policy);
        this.lambda = requireLambda(lambda);
        if (traces == null) {
            throw new IllegalArgumentException("traces must not be null; expected ACCUMULATING or REPLACING");
        }
        this.traces = traces;
    }

    static double requireLambda(double lambda) {
        if (!(lambda >= 0 && lambda <= 1)) {
            throw new IllegalArgumentException("lambda " + lambda + " is outside [0, 1]");
        }
        return lambda;
    }

    @Override
    protected void allocate(int states) {
        eligibility = new double[states];
    }

    @Override
    protected void beginEpisode(Integer observation) {
        java.util.Arrays.fill(eligibility, 0);
    }

    @Override
    protected void update(Integer state, Integer action, double reward, Integer next, boolean terminated, boolean truncated) {
        double delta = (terminated ? reward : reward + settings.gamma() * v[next]) - v[state];
        eligibility[state] = traces == Traces.ACCUMULATING ? eligibility[state] + 1 : 1;
        double alpha = nextAlpha(state);
        double decay = settings.gamma() * lambda;
        for (int x = 0; x < v.length; x++) {
            if (eligibility[x] != 0) {
                v[x] += alpha * delta * eligibility[x];
                eligibility[x] *= decay;
            }
        }
    }

    /** Adds lambda and the kind of traces, which must match on loading, and the traces. */
    @Override
    protected void writeLearnerState(StateWriter out) throws IOException {
        super.writeLearnerState(out);
        out.section("td-lambda");
        out.writeString(Double.toString(lambda));
        out.writeString(traces.name());
        out.writeDoubles(eligibility);
    }

    /** Reads what {@link #writeLearnerState} wrote. */
    @Override
    protected void readLearnerState(StateReader in) throws IOException {
        super.readLearnerState(in);
        in.section("td-lambda");
        in.expectString("lambda", Double.toString(lambda));
        in.expectString("traces", traces.name());
        in.readDoubles(eligibility, "traces of the states");
    }
}
