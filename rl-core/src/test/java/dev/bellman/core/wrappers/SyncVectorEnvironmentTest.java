package dev.bellman.core.wrappers;

import dev.bellman.core.Environment;
import dev.bellman.core.Step;
import dev.bellman.core.wrappers.VectorEnvironment.AutoresetMode;
import dev.bellman.env.toytext.RandomWalk;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyncVectorEnvironmentTest {

    private static SyncVectorEnvironment<Integer, Integer> vector(AutoresetMode mode) {
        // copy 0 terminates after 1 step, copy 1 after 2 steps
        List<Environment<Integer, Integer>> copies = List.of(new CountingEnvironment(1), new CountingEnvironment(2));
        return new SyncVectorEnvironment<>(copies, mode);
    }

    @Test
    void sameStepResetsAtOnceAndKeepsTheFinalObservation() {
        SyncVectorEnvironment<Integer, Integer> env = vector(AutoresetMode.SAME_STEP);
        assertEquals(List.of(0, 0), env.reset(5));
        List<Step<Integer>> first = env.step(List.of(1, 0));
        // copy 0 ended: reward 2 and terminated from the finished step, observation of the new episode
        Step<Integer> ended = first.get(0);
        assertEquals(0, ended.observation());
        assertEquals(2.0, ended.reward());
        assertTrue(ended.terminated());
        assertEquals(1, ended.info().get(SyncVectorEnvironment.INFO_FINAL_OBSERVATION));
        assertEquals(Map.of(), ended.info().get(SyncVectorEnvironment.INFO_FINAL_INFO));
        assertEquals(new Step<>(1, 1.0, false, false), first.get(1));
        // copy 0 is already running its next episode
        List<Step<Integer>> second = env.step(List.of(0, 0));
        assertEquals(1, second.get(0).info().get(SyncVectorEnvironment.INFO_FINAL_OBSERVATION));
        assertEquals(2, second.get(1).info().get(SyncVectorEnvironment.INFO_FINAL_OBSERVATION));
        assertTrue(second.get(1).terminated());
    }

    @Test
    void nextStepReturnsTheFinalStepThenResetsIgnoringTheAction() {
        SyncVectorEnvironment<Integer, Integer> env = vector(AutoresetMode.NEXT_STEP);
        CountingEnvironment copy0 = (CountingEnvironment) env.environments().get(0);
        env.reset();
        List<Step<Integer>> first = env.step(List.of(1, 0));
        assertEquals(new Step<>(1, 2.0, true, false), first.get(0));
        // the action 99 of copy 0 is ignored: it is reset instead of stepped
        List<Step<Integer>> second = env.step(List.of(99, 1));
        assertEquals(new Step<>(0, 0.0, false, false), second.get(0));
        assertEquals(2, copy0.resets);
        assertEquals(new Step<>(2, 2.0, true, false), second.get(1));
        List<Step<Integer>> third = env.step(List.of(0, 0));
        assertEquals(new Step<>(1, 1.0, true, false), third.get(0));
        assertEquals(new Step<>(0, 0.0, false, false), third.get(1));
    }

    @Test
    void truncationIsAlsoAutoReset() {
        SyncVectorEnvironment<Integer, Integer> env = new SyncVectorEnvironment<>(
                () -> new TimeLimit<>(new CountingEnvironment(0), 2), 3);
        assertEquals(3, env.size());
        env.reset(0);
        env.step(List.of(0, 0, 0));
        List<Step<Integer>> steps = env.step(List.of(0, 0, 0));
        for (Step<Integer> step : steps) {
            assertTrue(step.truncated());
            assertFalse(step.terminated());
            assertEquals(0, step.observation());
            assertEquals(2, step.info().get(SyncVectorEnvironment.INFO_FINAL_OBSERVATION));
        }
        // a new episode of two steps runs after the automatic reset
        assertFalse(env.step(List.of(0, 0, 0)).get(0).done());
    }

    @Test
    void resetSeedsCopyIWithSeedPlusI() {
        SyncVectorEnvironment<Integer, Integer> env = new SyncVectorEnvironment<>(RandomWalk::nineteenStates, 2);
        RandomWalk single = RandomWalk.nineteenStates();
        env.reset(40);
        single.reset(41);
        for (int t = 0; t < 5; t++) {
            Step<Integer> expected = single.step(0);
            Step<Integer> actual = env.step(List.of(0, 0)).get(1);
            if (expected.done()) {
                break;
            }
            assertEquals(expected, actual);
        }
    }

    @Test
    void rejectsBadUse() {
        SyncVectorEnvironment<Integer, Integer> env = vector(AutoresetMode.SAME_STEP);
        IllegalStateException early = assertThrows(IllegalStateException.class, () -> env.step(List.of(0, 0)));
        assertTrue(early.getMessage().contains("before reset"), early.getMessage());
        env.reset();
        IllegalArgumentException count = assertThrows(IllegalArgumentException.class, () -> env.step(List.of(0)));
        assertTrue(count.getMessage().contains("got 1 actions; expected one action for each of the 2"), count.getMessage());
        assertThrows(IllegalArgumentException.class, () -> env.step(List.of(0, 7)));
        assertThrows(IllegalArgumentException.class, () -> new SyncVectorEnvironment<>(() -> new CountingEnvironment(1), 0));
        CountingEnvironment shared = new CountingEnvironment(1);
        IllegalArgumentException same = assertThrows(IllegalArgumentException.class,
                () -> new SyncVectorEnvironment<>(List.of(shared, shared), AutoresetMode.SAME_STEP));
        assertTrue(same.getMessage().contains("0 and 1 are the same object"), same.getMessage());
    }
}
