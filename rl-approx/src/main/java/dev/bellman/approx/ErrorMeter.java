package dev.bellman.approx;

/**
 * Accumulates the errors of one episode's updates for the root-mean-square metric, and stops a
 * run whose errors are no longer finite rather than let it continue on NaN.
 */
final class ErrorMeter {

    private double squaredErrors;
    private long count;

    /** @throws IllegalStateException if {@code error} is NaN or infinite, naming the step */
    void record(double error, long step) {
        if (!Double.isFinite(error)) {
            throw new IllegalStateException("the update error is " + error + " at step " + step
                    + ": the weights have diverged; try a smaller alpha");
        }
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
}
