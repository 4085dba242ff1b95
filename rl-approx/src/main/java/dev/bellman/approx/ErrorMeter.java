package dev.bellman.approx;

import dev.bellman.core.checkpoint.StateReader;
import dev.bellman.core.checkpoint.StateWriter;

import java.io.IOException;

/**
 * Accumulates the errors of one episode's updates for the root-mean-square metric. The learners
 * check each error before recording it and stop a run whose errors are no longer finite rather than
 * let it continue on NaN.
 */
final class ErrorMeter {

    private double squaredErrors;
    private long count;

    /** @param error a finite error; the learner has checked it */
    void record(double error) {
        squaredErrors += error * error;
        count++;
    }

    /** @return whether any error was recorded since the last {@link #takeRms()} */
    boolean hasErrors() {
        return count > 0;
    }

    /** @return the root mean square of the errors since the last call, and starts afresh */
    double takeRms() {
        double rms = Math.sqrt(squaredErrors / count);
        squaredErrors = 0;
        count = 0;
        return rms;
    }

    /**
     * Writes the sums. A step budget that ends a {@link dev.bellman.core.Learner#train} call inside
     * an episode leaves that episode's errors here, and they count towards the next episode's metric.
     */
    void writeState(StateWriter out) throws IOException {
        out.writeDouble(squaredErrors);
        out.writeLong(count);
    }

    /** Reads what {@link #writeState} wrote. */
    void readState(StateReader in) throws IOException {
        squaredErrors = in.readDouble();
        count = in.readLong();
    }
}
