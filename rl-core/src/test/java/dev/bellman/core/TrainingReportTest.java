package dev.bellman.core;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingReportTest {

    @Test
    void reportKeepsEpisodesStepsAndWallTime() {
        TrainingReport report = new TrainingReport(new double[] {1.5, -2}, new long[] {10, 4}, 17,
                Duration.ofMillis(250));

        assertEquals(2, report.episodeCount());
        assertArrayEquals(new double[] {1.5, -2}, report.episodeReturns(), 0.0);
        assertArrayEquals(new long[] {10, 4}, report.episodeLengths());
        assertEquals(17, report.totalSteps());
        assertEquals(Duration.ofMillis(250), report.wallTime());
    }

    @Test
    void arraysAreCopiedInAndOut() {
        double[] returns = {1};
        long[] lengths = {2};
        TrainingReport report = new TrainingReport(returns, lengths, 2, Duration.ZERO);
        returns[0] = 99;
        lengths[0] = 99;
        report.episodeReturns()[0] = 42;
        report.episodeLengths()[0] = 42;

        assertEquals(1.0, report.episodeReturns()[0], 0.0);
        assertEquals(2L, report.episodeLengths()[0]);
    }

    @Test
    void emptyReportHasNoEpisodes() {
        TrainingReport report = new TrainingReport(new double[0], new long[0], 5, Duration.ZERO);

        assertEquals(0, report.episodeCount());
        assertEquals(5, report.totalSteps());
    }

    @Test
    void mismatchedReturnsAndLengthsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TrainingReport(new double[2], new long[3], 10, Duration.ZERO));
        assertTrue(e.getMessage().contains("(2)") && e.getMessage().contains("(3)"), e.getMessage());
    }

    @Test
    void negativeTotalStepsIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TrainingReport(new double[0], new long[0], -1, Duration.ZERO));
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
    }

    @Test
    void inconsistentLengthsStepsOrWallTimeAreRejected() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new TrainingReport(new double[] {1}, new long[] {-3}, 0, Duration.ZERO))
                .getMessage().contains("episode 0 has negative length -3"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new TrainingReport(new double[] {1, 2}, new long[] {4, 5}, 8, Duration.ZERO))
                .getMessage().contains("total steps 8 is below the 9 steps"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new TrainingReport(new double[0], new long[0], 0, null))
                .getMessage().contains("wall time null"));
    }
}
