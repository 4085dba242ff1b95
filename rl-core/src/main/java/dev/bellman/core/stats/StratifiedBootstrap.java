package dev.bellman.core.stats;

import dev.bellman.core.random.SplitMixRandom;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

import java.util.function.ToDoubleFunction;
import java.util.random.RandomGenerator;

/**
 * Percentile-method confidence intervals for an aggregate of scores by the stratified bootstrap of
 * Agarwal et al. (2021, §4): the scores are grouped in strata (one per task), every resample draws
 * with replacement, within each stratum, as many runs as that stratum holds, and the aggregate is
 * computed on the pooled resample. The interval is the {@code (1 - level) / 2} and
 * {@code (1 + level) / 2} quantiles of the resampled aggregates (linear interpolation, NumPy's
 * default). With one stratum it is the ordinary bootstrap over runs.
 *
 * <p>The same seed, scores and aggregate give the same interval. Immutable; each call draws from
 * its own generator seeded with the seed given here, so instances may be shared between threads.
 */
public final class StratifiedBootstrap {

    /**
     * Resamples drawn by default: 2000, enough for the 2.5% and 97.5% quantiles to move by well under
     * the interval's width between seeds. rliable's {@code get_interval_estimates} draws 50 000 by
     * default; pass that to {@link #StratifiedBootstrap(int, double, long)} for its precision.
     */
    public static final int DEFAULT_RESAMPLES = 2000;
    /** The confidence level used by default, 95%, as in Agarwal et al. (2021). */
    public static final double DEFAULT_LEVEL = 0.95;

    private final int resamples;
    private final double level;
    private final long seed;

    /**
     * A bootstrap with 2000 resamples at 95%.
     *
     * @param seed seeds the resampling, so that intervals are reproducible
     */
    public StratifiedBootstrap(long seed) {
        this(DEFAULT_RESAMPLES, DEFAULT_LEVEL, seed);
    }

    /**
     * @param resamples the number of bootstrap resamples, at least 1
     * @param level     the confidence level in {@code (0, 1)}
     * @param seed      seeds the resampling, so that intervals are reproducible
     * @throws IllegalArgumentException if {@code resamples < 1} or {@code level} is outside {@code (0, 1)}
     */
    public StratifiedBootstrap(int resamples, double level, long seed) {
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples " + resamples + " must be at least 1");
        }
        checkLevel(level);
        this.resamples = resamples;
        this.level = level;
        this.seed = seed;
    }

    /** @return the number of resamples drawn */
    public int resamples() {
        return resamples;
    }

    /** @return the confidence level in {@code (0, 1)} */
    public double level() {
        return level;
    }

    /**
     * The interval of an aggregate of one stratum of scores (the runs of one task).
     *
     * @param scores    one score per run, none NaN
     * @param aggregate the statistic, e.g. {@code SummaryStats::interquartileMean}
     * @return the percentile interval at {@link #level()}
     * @throws IllegalArgumentException if {@code scores} is empty or holds a NaN, or the aggregate
     *                                  of a resample is NaN
     */
    public ConfidenceInterval interval(double[] scores, ToDoubleFunction<double[]> aggregate) {
        return interval(new double[][] {scores}, aggregate);
    }

    /**
     * The interval of an aggregate of scores in strata: {@code scoresByStratum[t]} holds the runs of
     * task {@code t}; strata may differ in size. The aggregate sees the pooled resample, the strata
     * concatenated in order (rliable's IQM likewise trims the runs of all tasks together).
     *
     * @param scoresByStratum one or more non-empty strata, no NaN
     * @param aggregate       the statistic of the pooled scores
     * @return the percentile interval at {@link #level()}
     * @throws IllegalArgumentException if there is no stratum, a stratum is empty or holds a NaN,
     *                                  or the aggregate of a resample is NaN
     */
    public ConfidenceInterval interval(double[][] scoresByStratum, ToDoubleFunction<double[]> aggregate) {
        double[] replicates = replicates(scoresByStratum, aggregate);
        Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        percentile.setData(replicates);
        double tail = (1 - level) / 2;
        return new ConfidenceInterval(percentile.evaluate(100 * tail), percentile.evaluate(100 * (1 - tail)), level);
    }

    /**
     * The bootstrap distribution: the aggregate of each of {@link #resamples()} stratified
     * resamples, in the order drawn.
     *
     * @param scoresByStratum the runs' scores, one array per stratum (task); each non-empty, no NaN
     * @param aggregate       the statistic of a pooled sample, such as {@link SummaryStats#interquartileMean}
     * @return the {@link #resamples()} values of the statistic
     * @throws IllegalArgumentException as {@link #interval(double[][], ToDoubleFunction)}
     */
    public double[] replicates(double[][] scoresByStratum, ToDoubleFunction<double[]> aggregate) {
        check(scoresByStratum);
        RandomGenerator rng = new SplitMixRandom(seed);
        double[] replicates = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            replicates[b] = aggregate.applyAsDouble(pooled(resample(scoresByStratum, rng)));
            if (Double.isNaN(replicates[b])) {
                throw new IllegalArgumentException("the aggregate of bootstrap resample " + b + " is NaN");
            }
        }
        return replicates;
    }

    /**
     * One stratified resample: stratum {@code t} of the result holds {@code scoresByStratum[t].length}
     * scores drawn uniformly with replacement from {@code scoresByStratum[t]}.
     *
     * @param scoresByStratum the runs' scores, one array per stratum (task)
     * @param rng             the source of the draws, advanced by one draw per score
     * @return the resample, stratum by stratum
     * @throws IllegalArgumentException if there is no stratum, or a stratum is empty or holds a NaN
     */
    public static double[][] resample(double[][] scoresByStratum, RandomGenerator rng) {
        check(scoresByStratum);
        double[][] resampled = new double[scoresByStratum.length][];
        for (int t = 0; t < scoresByStratum.length; t++) {
            double[] stratum = scoresByStratum[t];
            double[] drawn = new double[stratum.length];
            for (int i = 0; i < drawn.length; i++) {
                drawn[i] = stratum[rng.nextInt(stratum.length)];
            }
            resampled[t] = drawn;
        }
        return resampled;
    }

    /**
     * The strata concatenated in order: the scores an aggregate of all tasks is computed on.
     *
     * @param scoresByStratum the strata; may be empty or hold empty strata
     * @return a new array of every score
     */
    public static double[] pooled(double[][] scoresByStratum) {
        int total = 0;
        for (double[] stratum : scoresByStratum) {
            total += stratum.length;
        }
        double[] pooled = new double[total];
        int at = 0;
        for (double[] stratum : scoresByStratum) {
            System.arraycopy(stratum, 0, pooled, at, stratum.length);
            at += stratum.length;
        }
        return pooled;
    }

    private static void check(double[][] scoresByStratum) {
        if (scoresByStratum == null || scoresByStratum.length == 0) {
            throw new IllegalArgumentException("no strata: a bootstrap needs at least one stratum of scores");
        }
        for (int t = 0; t < scoresByStratum.length; t++) {
            try {
                SummaryStats.check(scoresByStratum[t]);
            } catch (IllegalArgumentException bad) {
                throw new IllegalArgumentException("stratum " + t + ": " + bad.getMessage(), bad);
            }
        }
    }

    /** @throws IllegalArgumentException if {@code level} is outside {@code (0, 1)} */
    static void checkLevel(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level " + level + " is outside (0, 1); e.g. 0.95 for 95%");
        }
    }
}
