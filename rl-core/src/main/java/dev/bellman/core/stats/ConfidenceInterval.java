package dev.bellman.core.stats;

/**
 * A two-sided confidence interval {@code [lower, upper]} at a confidence level.
 *
 * @param lower the lower bound, in the units of the scores
 * @param upper the upper bound, at least {@code lower}
 * @param level the confidence level in {@code (0, 1)}, e.g. 0.95
 */
public record ConfidenceInterval(double lower, double upper, double level) {

    /**
     * @param lower the lower bound, in the units of the scores
     * @param upper the upper bound, at least {@code lower}
     * @param level the confidence level in {@code (0, 1)}, e.g. 0.95
     * @throws IllegalArgumentException if a bound is NaN, {@code lower > upper}, or {@code level}
     *                                  is outside {@code (0, 1)}
     */
    public ConfidenceInterval {
        if (Double.isNaN(lower) || Double.isNaN(upper) || lower > upper) {
            throw new IllegalArgumentException("confidence interval [" + lower + ", " + upper + "] needs lower <= upper, neither NaN");
        }
        StratifiedBootstrap.checkLevel(level);
    }

    /** @return {@code upper - lower}, in the units of the scores */
    public double width() {
        return upper - lower;
    }

    /**
     * @param value a score, in the units of the bounds
     * @return whether {@code lower <= value <= upper}
     */
    public boolean contains(double value) {
        return lower <= value && value <= upper;
    }
}
