package dev.bellman.core.wrappers;

import dev.bellman.core.Step;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimeLimitTest {

    @Test
    void truncatesWhenElapsedReachesTheLimit() {
        TimeLimit<Integer, Integer> env = new TimeLimit<>(new CountingEnvironment(0), 3);
        env.reset(7);
        Step<Integer> first = env.step(0);
        Step<Integer> second = env.step(0);
        Step<Integer> third = env.step(1);
        assertFalse(first.truncated());
        assertFalse(second.truncated());
        assertTrue(third.truncated());
        assertFalse(third.terminated());
        assertEquals(3, third.observation());
        assertEquals(2.0, third.reward());
        assertEquals(3, env.elapsedSteps());
    }

    @Test
    void stepAfterTruncationThrowsUntilReset() {
        TimeLimit<Integer, Integer> env = new TimeLimit<>(new CountingEnvironment(0), 2);
        env.reset();
        env.step(0);
        env.step(0);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> env.step(0));
        assertTrue(e.getMessage().contains("time limit 2"), e.getMessage());
        env.reset();
        assertEquals(0, env.elapsedSteps());
        assertFalse(env.step(0).done());
    }

    @Test
    void terminationAtTheLimitSetsBothFlags() {
        TimeLimit<Integer, Integer> env = new TimeLimit<>(new CountingEnvironment(2), 2);
        env.reset();
        env.step(0);
        Step<Integer> last = env.step(0);
        assertTrue(last.terminated());
        assertTrue(last.truncated());
    }

    @Test
    void terminationBeforeTheLimitIsNotTruncated() {
        TimeLimit<Integer, Integer> env = new TimeLimit<>(new CountingEnvironment(1), 5);
        env.reset();
        Step<Integer> last = env.step(0);
        assertTrue(last.terminated());
        assertFalse(last.truncated());
        assertThrows(IllegalStateException.class, () -> env.step(0));
    }

    @Test
    void limitOfOneTruncatesTheFirstStep() {
        TimeLimit<Integer, Integer> env = new TimeLimit<>(new CountingEnvironment(0), 1);
        env.reset();
        assertTrue(env.step(0).truncated());
    }

    @Test
    void stepBeforeResetThrows() {
        TimeLimit<Integer, Integer> env = new TimeLimit<>(new CountingEnvironment(0), 3);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> env.step(0));
        assertTrue(e.getMessage().contains("before reset"), e.getMessage());
    }

    @Test
    void rejectsANonPositiveLimit() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TimeLimit<>(new CountingEnvironment(0), 0));
        assertTrue(e.getMessage().contains("maxEpisodeSteps = 0"), e.getMessage());
    }

    @Test
    void invalidActionsStillReachTheInnerCheck() {
        TimeLimit<Integer, Integer> env = new TimeLimit<>(new CountingEnvironment(0), 3);
        env.reset();
        assertThrows(IllegalArgumentException.class, () -> env.step(5));
    }
}
