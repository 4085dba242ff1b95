package dev.bellman.core.stats;

import dev.bellman.core.random.SplitMixRandom;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link StratifiedBootstrap}: intervals that can be reasoned out exactly, seeds and strata. */
class StratifiedBootstrapStatsTest {

    @Test
    void equalScoresGiveAZeroWidthInterval() {
        ConfidenceInterval interval = new StratifiedBootstrap(7).interval(new double[] {-110, -110, -110, -110, -110},
                SummaryStats::interquartileMean);
        assertEquals(-110, interval.lower(), 0.0);
        assertEquals(-110, interval.upper(), 0.0);
        assertEquals(0.0, interval.width(), 0.0);
        assertEquals(0.95, interval.level(), 0.0);
    }

    /**
     * Scores {0, 1}: a resample's mean is 0, 1/2 or 1 with probabilities 1/4, 1/2, 1/4. Its 2.5% and
     * 97.5% quantiles are 0 and 1, and its 30% and 70% quantiles (a 40% interval) are both 1/2: the
     * empirical fractions of 2000 draws miss 1/4 and 3/4 by about 0.01 (one standard deviation),
     * far less than the 0.05 that would move these quantiles.
     */
    @Test
    void aTwoPointSampleHasTheIntervalItsThreeResampleMeansGive() {
        double[] scores = {0, 1};
        ConfidenceInterval wide = new StratifiedBootstrap(11).interval(scores, SummaryStats::mean);
        assertEquals(0.0, wide.lower(), 0.0);
        assertEquals(1.0, wide.upper(), 0.0);
        ConfidenceInterval narrow = new StratifiedBootstrap(2000, 0.40, 11).interval(scores, SummaryStats::mean);
        assertEquals(0.5, narrow.lower(), 0.0);
        assertEquals(0.5, narrow.upper(), 0.0);
        double[] replicates = new StratifiedBootstrap(11).replicates(new double[][] {scores}, SummaryStats::mean);
        assertEquals(2000, replicates.length);
        assertTrue(Arrays.stream(replicates).allMatch(m -> m == 0 || m == 0.5 || m == 1), "means of two draws from {0, 1}");
        long halves = Arrays.stream(replicates).filter(m -> m == 0.5).count();
        assertEquals(1000, halves, 4 * Math.sqrt(2000 * 0.25), "about half the resamples draw each score once");
    }

    @Test
    void theSameSeedGivesTheSameIntervalAndAnotherSeedAnother() {
        double[] scores = {-180, -150, -121, -119, -117, -112, -110, -108, -104, -99};
        ConfidenceInterval first = new StratifiedBootstrap(3).interval(scores, SummaryStats::interquartileMean);
        ConfidenceInterval again = new StratifiedBootstrap(3).interval(scores, SummaryStats::interquartileMean);
        assertEquals(first, again);
        double[] a = new StratifiedBootstrap(3).replicates(new double[][] {scores}, SummaryStats::mean);
        double[] b = new StratifiedBootstrap(4).replicates(new double[][] {scores}, SummaryStats::mean);
        assertFalse(Arrays.equals(a, b));
        double iqm = SummaryStats.interquartileMean(scores);
        assertTrue(first.contains(iqm) && first.width() > 0, first + " around " + iqm);
    }

    @Test
    void aResampleKeepsEachStratumsSizeAndDrawsOnlyFromIt() {
        double[][] strata = {{1, 2, 3}, {10, 20, 30, 40, 50, 60, 70}, {100}};
        RandomGenerator rng = new SplitMixRandom(5);
        for (int draw = 0; draw < 200; draw++) {
            double[][] resampled = StratifiedBootstrap.resample(strata, rng);
            assertEquals(strata.length, resampled.length);
            for (int t = 0; t < strata.length; t++) {
                assertEquals(strata[t].length, resampled[t].length, "stratum " + t);
                for (double score : resampled[t]) {
                    int stratum = t;
                    assertTrue(Arrays.stream(strata[stratum]).anyMatch(s -> s == score), score + " is from stratum " + t);
                }
            }
            assertArrayEquals(new double[] {100}, resampled[2], 0.0);
        }
        // The pooled mean then always weighs the strata by their sizes: 3, 7 and 1 runs.
        double[] means = new StratifiedBootstrap(50, 0.9, 1).replicates(strata, SummaryStats::mean);
        for (double mean : means) {
            assertTrue(mean >= (3 * 1 + 7 * 10 + 100) / 11.0 && mean <= (3 * 3 + 7 * 70 + 100) / 11.0, String.valueOf(mean));
        }
    }

    @Test
    void badInputIsRejectedWithAClearMessage() {
        StratifiedBootstrap bootstrap = new StratifiedBootstrap(0);
        assertEquals("no scores: a summary needs at least one",
                assertThrows(IllegalArgumentException.class, () -> bootstrap.interval(new double[0], SummaryStats::mean)).getMessage()
                        .replace("stratum 0: ", ""));
        assertEquals("stratum 1: score 0 of 1 is NaN", assertThrows(IllegalArgumentException.class,
                () -> bootstrap.interval(new double[][] {{1}, {Double.NaN}}, SummaryStats::mean)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> bootstrap.interval(new double[0][], SummaryStats::mean));
        for (double level : new double[] {0, 1, 95, -0.5, Double.NaN}) {
            IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> new StratifiedBootstrap(100, level, 0));
            assertTrue(bad.getMessage().startsWith("confidence level " + level + " is outside (0, 1)"), bad.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> new StratifiedBootstrap(0, 0.95, 0));
        assertThrows(IllegalArgumentException.class, () -> new ConfidenceInterval(2, 1, 0.95));
    }
}
