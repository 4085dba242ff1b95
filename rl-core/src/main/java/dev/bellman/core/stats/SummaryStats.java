package dev.bellman.core.stats;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;

import java.util.Arrays;

/**
 * Point estimates of a sample of scores (one score per run, e.g. the mean evaluation return of each
 * seed): the mean, the median and the interquartile mean. Every method leaves its argument
 * unchanged and accepts the scores in any order.
 *
 * <p>Agarwal et al. (2021) recommend the interquartile mean (IQM) as the aggregate of few runs: the
 * mean is dominated by a single outlying run, the median ignores all but one or two runs and has a
 * high variance, while the IQM uses the middle half of the runs and is robust to either tail.
 */
public final class SummaryStats {

    private SummaryStats() {
    }

    /**
     * The arithmetic mean.
     *
     * @param scores one or more finite-or-infinite numbers, none NaN
     * @return their mean
     * @throws IllegalArgumentException if {@code scores} is empty or holds a NaN
     */
    public static double mean(double[] scores) {
        check(scores);
        double sum = 0;
        for (double score : scores) {
            sum += score;
        }
        return sum / scores.length;
    }

    /**
     * The median: the middle score of an odd number, the mean of the two middle scores of an even
     * number (NumPy's {@code np.median}).
     *
     * @param scores one or more numbers, none NaN
     * @return their median
     * @throws IllegalArgumentException if {@code scores} is empty or holds a NaN
     */
    public static double median(double[] scores) {
        check(scores);
        // R_7 is NumPy's default (linear) interpolation; at p = 50 it is the textbook median.
        return new Percentile().withEstimationType(Percentile.EstimationType.R_7).evaluate(scores, 50);
    }

    /**
     * The interquartile mean: the mean of the middle 50% of the scores, that is
     * {@link #trimmedMean trimmedMean(scores, 0.25)}. As in Agarwal et al. (2021) and their library
     * rliable, which call {@code scipy.stats.trim_mean(scores, 0.25)}, {@code floor(0.25 n)} scores
     * are dropped from each end when n is not divisible by 4: of 10 scores the lowest 2 and the
     * highest 2 go and the mean of the middle 6 is returned; fewer than 4 scores are all kept.
     *
     * @param scores one or more numbers, none NaN
     * @return the mean of the scores left after trimming
     * @throws IllegalArgumentException if {@code scores} is empty or holds a NaN
     */
    public static double interquartileMean(double[] scores) {
        return trimmedMean(scores, 0.25);
    }

    /**
     * The trimmed mean as {@code scipy.stats.trim_mean(scores, proportion)} computes it: sorts the
     * scores, drops {@code floor(proportion * n)} from each end and averages the rest.
     *
     * @param scores     one or more numbers, none NaN
     * @param proportion the fraction cut from each end, in {@code [0, 0.5)}
     * @return the mean of the scores left after trimming
     * @throws IllegalArgumentException if {@code scores} is empty or holds a NaN, or
     *                                  {@code proportion} is outside {@code [0, 0.5)}
     */
    public static double trimmedMean(double[] scores, double proportion) {
        if (!(proportion >= 0 && proportion < 0.5)) {
            throw new IllegalArgumentException("trim proportion " + proportion + " is outside [0, 0.5)");
        }
        check(scores);
        double[] sorted = scores.clone();
        Arrays.sort(sorted);
        int cut = (int) (proportion * sorted.length);
        double sum = 0;
        for (int i = cut; i < sorted.length - cut; i++) {
            sum += sorted[i];
        }
        return sum / (sorted.length - 2 * cut);
    }

    /**
     * @throws IllegalArgumentException if {@code scores} is null, empty or holds a NaN, naming its index
     */
    static void check(double[] scores) {
        if (scores == null || scores.length == 0) {
            throw new IllegalArgumentException("no scores: a summary needs at least one");
        }
        for (int i = 0; i < scores.length; i++) {
            if (Double.isNaN(scores[i])) {
                throw new IllegalArgumentException("score " + i + " of " + scores.length + " is NaN");
            }
        }
    }
}
