package dev.bellman.core;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link TrainingListener} that stops a run the moment a reported metric is not finite or leaves
 * the bound set for it, with an exception that names the step, the metric, its value and the bound:
 * a run never goes on from a NaN, and a gradient norm or a value estimate that runs away is caught
 * while it is still informative. Episode returns are checked for finiteness too.
 *
 * <pre>{@code
 * learner.addListener(DivergenceAlarm.nonFinite()
 *         .withBound(Dqn.METRIC_GRADIENT_NORM, 1e4)
 *         .withBound(Dqn.METRIC_Q, 1e6));
 * }</pre>
 *
 * <p>Immutable; {@code with…} returns a copy. Thread-safe.
 */
public final class DivergenceAlarm implements TrainingListener {

    private final Map<String, Double> bounds;

    private DivergenceAlarm(Map<String, Double> bounds) {
        this.bounds = bounds;
    }

    /** @return an alarm for non-finite metrics and returns only */
    public static DivergenceAlarm nonFinite() {
        return new DivergenceAlarm(Map.of());
    }

    /**
     * @param metric the metric's key, as the learner reports it (e.g. {@code "gradient_norm"})
     * @param bound  the largest magnitude allowed, {@code > 0}
     * @return a copy that also stops the run when {@code |metric| > bound}
     * @throws IllegalArgumentException if the metric is null or blank or the bound is not a positive number
     */
    public DivergenceAlarm withBound(String metric, double bound) {
        if (metric == null || metric.isBlank()) {
            throw new IllegalArgumentException("metric must name a reported metric; got " + metric);
        }
        if (!(bound > 0)) {
            throw new IllegalArgumentException("bound " + bound + " for " + metric + " must be a number > 0");
        }
        Map<String, Double> copy = new LinkedHashMap<>(bounds);
        copy.put(metric, bound);
        return new DivergenceAlarm(Map.copyOf(copy));
    }

    /**
     * @throws DivergenceException if a metric is NaN or infinite, or outside its bound
     */
    @Override
    public void onUpdate(long totalSteps, Map<String, Double> metrics) {
        Objects.requireNonNull(metrics, "metrics");
        for (Map.Entry<String, Double> metric : metrics.entrySet()) {
            double value = metric.getValue();
            if (!Double.isFinite(value)) {
                throw new DivergenceException(totalSteps, metric.getKey(), value, "a finite number");
            }
            Double bound = bounds.get(metric.getKey());
            if (bound != null && Math.abs(value) > bound) {
                throw new DivergenceException(totalSteps, metric.getKey(), value, "at most " + bound + " in magnitude");
            }
        }
    }

    /**
     * @throws DivergenceException if the return is NaN or infinite
     */
    @Override
    public void onEpisodeEnd(long episode, double episodeReturn, long length, long totalSteps) {
        if (!Double.isFinite(episodeReturn)) {
            throw new DivergenceException(totalSteps, "return of episode " + episode, episodeReturn, "a finite number");
        }
    }

    /** Thrown by {@link DivergenceAlarm}: training stopped because a quantity diverged. */
    public static final class DivergenceException extends TrainingDivergedException {
        private static final long serialVersionUID = 1L;

        DivergenceException(long step, String quantity, double value, String expected) {
            super(step, quantity, value, "expected " + expected);
        }
    }
}
