package dev.bellman.core;

import java.time.Duration;

/**
 * What a training run produced: the return and length of every finished episode, the number of
 * environment steps and the wall-clock time. Immutable.
 */
public final class TrainingReport {

    private final double[] episodeReturns;
    private final long[] episodeLengths;
    private final long totalSteps;
    private final Duration wallTime;

    /**
     * @param episodeReturns the undiscounted return of each finished episode, in order; copied
     * @param episodeLengths the number of steps of each finished episode; copied
     * @param totalSteps     the environment steps taken, including those of an unfinished episode
     * @param wallTime       the wall-clock duration of the run
     * @throws IllegalArgumentException if the two arrays differ in length, a length is negative,
     *                                  {@code totalSteps} is below the sum of the lengths, or the
     *                                  wall time is {@code null} or negative
     */
    public TrainingReport(double[] episodeReturns, long[] episodeLengths, long totalSteps, Duration wallTime) {
        if (episodeReturns.length != episodeLengths.length) {
            throw new IllegalArgumentException("episode returns (" + episodeReturns.length
                    + ") and lengths (" + episodeLengths.length + ") differ in number");
        }
        if (wallTime == null || wallTime.isNegative()) {
            throw new IllegalArgumentException("wall time " + wallTime + " must be a non-negative duration");
        }
        long finishedSteps = 0;
        for (int i = 0; i < episodeLengths.length; i++) {
            if (episodeLengths[i] < 0) {
                throw new IllegalArgumentException("episode " + i + " has negative length " + episodeLengths[i]);
            }
            finishedSteps += episodeLengths[i];
        }
        if (totalSteps < finishedSteps) {
            throw new IllegalArgumentException("total steps " + totalSteps + " is below the " + finishedSteps
                    + " steps of the finished episodes");
        }
        this.episodeReturns = episodeReturns.clone();
        this.episodeLengths = episodeLengths.clone();
        this.totalSteps = totalSteps;
        this.wallTime = wallTime;
    }

    /** @return a copy of the undiscounted return of each finished episode */
    public double[] episodeReturns() {
        return episodeReturns.clone();
    }

    /** @return a copy of the number of steps of each finished episode */
    public long[] episodeLengths() {
        return episodeLengths.clone();
    }

    /** @return the number of finished episodes */
    public int episodeCount() {
        return episodeReturns.length;
    }

    /** @return the environment steps taken */
    public long totalSteps() {
        return totalSteps;
    }

    /** @return the wall-clock duration of the run */
    public Duration wallTime() {
        return wallTime;
    }
}
