package dev.bellman.core.wrappers;

import dev.bellman.core.Step;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EpisodeStatisticsTest {

    /** A clock that advances 0.5 s (500 000 000 ns) at every reading. */
    private static final class FakeClock {
        long nanos;

        long read() {
            nanos += 500_000_000L;
            return nanos;
        }
    }

    @Test
    void recordsReturnLengthAndTimeOfEachFinishedEpisode() {
        FakeClock clock = new FakeClock();
        EpisodeStatistics<Integer, Integer> env = new EpisodeStatistics<>(new CountingEnvironment(3), clock::read);
        env.reset(1);
        assertTrue(env.step(0).info().isEmpty());
        env.step(1);
        Step<Integer> last = env.step(1);
        // rewards 1 + 2 + 2 = 5 over 3 steps; clock read at reset (0.5 s) and at the end (1.0 s)
        EpisodeStatistics.Episode expected = new EpisodeStatistics.Episode(5.0, 3, 0.5);
        assertEquals(expected, last.info().get(EpisodeStatistics.INFO_EPISODE));
        assertEquals(5.0, last.info().get(EpisodeStatistics.INFO_RETURN));
        assertEquals(3, last.info().get(EpisodeStatistics.INFO_LENGTH));
        assertEquals(0.5, last.info().get(EpisodeStatistics.INFO_TIME));
        assertEquals(List.of(expected), env.episodes());

        env.reset();
        Step<Integer> only = env.step(0);
        assertFalse(only.done());
        env.step(0);
        env.step(0);
        assertEquals(2, env.episodes().size());
        assertEquals(new EpisodeStatistics.Episode(3.0, 3, 0.5), env.episodes().get(1));
    }

    @Test
    void anEpisodeAbandonedByResetIsNotRecorded() {
        EpisodeStatistics<Integer, Integer> env = new EpisodeStatistics<>(new CountingEnvironment(2));
        env.reset();
        env.step(1);
        assertEquals(2.0, env.currentReturn());
        assertEquals(1, env.currentLength());
        env.reset();
        assertEquals(0, env.currentLength());
        env.step(0);
        env.step(0);
        assertEquals(1, env.episodes().size());
        assertEquals(2.0, env.episodes().get(0).episodeReturn());
        assertTrue(env.episodes().get(0).seconds() >= 0);
    }

    @Test
    void truncationByATimeLimitAlsoEndsTheEpisode() {
        EpisodeStatistics<Integer, Integer> env = new EpisodeStatistics<>(
                new TimeLimit<>(new CountingEnvironment(0), 2), () -> 0L);
        env.reset();
        env.step(1);
        Step<Integer> last = env.step(1);
        assertTrue(last.truncated());
        assertEquals(new EpisodeStatistics.Episode(4.0, 2, 0.0), last.info().get(EpisodeStatistics.INFO_EPISODE));
    }
}
