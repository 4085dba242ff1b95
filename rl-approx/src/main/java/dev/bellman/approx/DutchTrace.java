package dev.bellman.approx;

import dev.bellman.core.checkpoint.StateReader;
import dev.bellman.core.checkpoint.StateWriter;

import java.io.IOException;
import java.util.Arrays;

/**
 * The eligibility trace of the true online methods (van Seijen et al. 2016; Sutton &amp; Barto
 * §12.5 and §12.8), and the weight update that goes with it:
 * <pre>{@code
 * z ← γλ z + (1 − αγλ zᵀx) x
 * w ← w + α (δ + V − V_old) z − α (V − V_old) x
 * }</pre>
 * Each step costs two passes over the dimension, whatever the features' sparsity.
 */
final class DutchTrace {

    private final double[] trace;

    DutchTrace(int dimension) {
        this.trace = new double[dimension];
    }

    /** Clears the trace, at the start of an episode. */
    void reset() {
        Arrays.fill(trace, 0.0);
    }

    /**
     * Decays the trace by {@code γλ}, adds the dutch-trace term for {@code x}, then updates the
     * weights.
     *
     * @param x        the features of the state (or pair) just left
     * @param value    {@code V = wᵀx} before this update
     * @param oldValue {@code V_old}, the previous step's {@code V'}
     */
    void update(double[] weights, FeatureVector x, double alpha, double decay, double tdError, double value,
                double oldValue) {
        double traceDotX = x.dot(trace);
        for (int i = 0; i < trace.length; i++) {
            trace[i] *= decay;
        }
        x.addTo(trace, 1.0 - alpha * decay * traceDotX);
        double traceStep = alpha * (tdError + value - oldValue);
        for (int i = 0; i < weights.length; i++) {
            weights[i] += traceStep * trace[i];
        }
        x.addTo(weights, -alpha * (value - oldValue));
    }

    /** Writes the trace. */
    void writeState(StateWriter out) throws IOException {
        out.writeDoubles(trace);
    }

    /** Reads what {@link #writeState} wrote. */
    void readState(StateReader in) throws IOException {
        in.readDoubles(trace, "dutch trace");
    }
}
