package dev.bellman.core.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link SummaryStats}: expected values computed by hand (and as scipy.stats.trim_mean would). */
class SummaryStatsTest {

    @Test
    void interquartileMeanOfFourDropsOneFromEachEnd() {
        // sorted 1 2 3 4: floor(0.25 * 4) = 1 goes from each end, mean(2, 3) = 2.5
        assertEquals(2.5, SummaryStats.interquartileMean(new double[] {4, 1, 3, 2}), 0.0);
    }

    @Test
    void interquartileMeanOfEightIgnoresBothTails() {
        // sorted -50 1 2 3 4 5 6 100: floor(0.25 * 8) = 2 from each end leaves 2 3 4 5, mean 3.5
        assertEquals(3.5, SummaryStats.interquartileMean(new double[] {100, 1, 2, 3, 4, 5, 6, -50}), 0.0);
    }

    @Test
    void interquartileMeanOfTenDropsTwoFromEachEndAsScipyTrimMean() {
        // floor(0.25 * 10) = 2: sorted 0 0 | 0 1 2 3 4 100 | 100 100 leaves six scores summing to 110
        double[] scores = {100, 0, 3, 100, 0, 1, 4, 2, 100, 0};
        assertEquals(110.0 / 6, SummaryStats.interquartileMean(scores), 1e-12);
        assertEquals(5.5, SummaryStats.interquartileMean(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}), 0.0);
    }

    @Test
    void fewerThanFourScoresAreAllKept() {
        assertEquals(2.0, SummaryStats.interquartileMean(new double[] {1, 2, 3}), 0.0);
        assertEquals(7.0, SummaryStats.interquartileMean(new double[] {7}), 0.0);
    }

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(3.0, SummaryStats.median(new double[] {5, 3, 1}), 0.0);
        assertEquals(2.5, SummaryStats.median(new double[] {4, 1, 3, 2}), 0.0);
        assertEquals(-1.5, SummaryStats.median(new double[] {-1, -2}), 0.0);
    }

    @Test
    void meanAndArgumentsLeftUnchanged() {
        double[] scores = {3, 1, 2};
        assertEquals(2.0, SummaryStats.mean(scores), 0.0);
        SummaryStats.interquartileMean(scores);
        SummaryStats.median(scores);
        assertArrayEquals(new double[] {3, 1, 2}, scores, 0.0);
    }

    @Test
    void emptyOrNaNScoresAreRejectedByName() {
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> SummaryStats.mean(new double[0]));
        assertTrue(empty.getMessage().contains("no scores"), empty.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> SummaryStats.interquartileMean(new double[] {1, Double.NaN}));
        assertEquals("score 1 of 2 is NaN", nan.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SummaryStats.median(null));
        assertThrows(IllegalArgumentException.class, () -> SummaryStats.trimmedMean(new double[] {1}, 0.5));
    }
}
