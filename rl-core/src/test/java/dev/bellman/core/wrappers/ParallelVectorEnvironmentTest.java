package dev.bellman.core.wrappers;

import dev.bellman.core.Environment;
import dev.bellman.core.Step;
import dev.bellman.core.wrappers.VectorEnvironment.AutoresetMode;
import dev.bellman.env.classic.CartPole;
import dev.bellman.env.classic.Environments;
import dev.bellman.env.classic.Pendulum;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParallelVectorEnvironmentTest {

    private static List<Environment<double[], Integer>> cartPoles(int n) {
        List<Environment<double[], Integer>> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(Environments.make("CartPole-v1", Integer.class));
        }
        return list;
    }

    @ParameterizedTest(name = "{0} threads, {1}")
    @CsvSource({"1, SAME_STEP", "2, SAME_STEP", "3, SAME_STEP", "7, SAME_STEP", "2, NEXT_STEP", "7, NEXT_STEP"})
    void stepsExactlyAsTheSynchronousVectorWhateverTheThreadCount(int threads, AutoresetMode mode) {
        int n = 7;
        try (SyncVectorEnvironment<double[], Integer> sync = new SyncVectorEnvironment<>(cartPoles(n), mode);
             ParallelVectorEnvironment<double[], Integer> parallel =
                     new ParallelVectorEnvironment<>(cartPoles(n), mode, threads)) {
            assertObservationsEqual(sync.reset(11), parallel.reset(11));
            SplittableRandom rng = new SplittableRandom(3);
            int finished = 0;
            for (int t = 0; t < 3000; t++) {
                List<Integer> actions = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    actions.add(rng.nextInt(2));
                }
                List<Step<double[]>> expected = sync.step(actions);
                List<Step<double[]>> actual = parallel.step(actions);
                for (int i = 0; i < n; i++) {
                    Step<double[]> e = expected.get(i);
                    Step<double[]> a = actual.get(i);
                    assertArrayEquals(e.observation(), a.observation(), "copy " + i + " at t = " + t);
                    assertEquals(e.reward(), a.reward());
                    assertEquals(e.terminated(), a.terminated());
                    assertEquals(e.truncated(), a.truncated());
                    Object finalObservation = e.info().get(VectorEnvironment.INFO_FINAL_OBSERVATION);
                    if (finalObservation != null) {
                        assertArrayEquals((double[]) finalObservation,
                                (double[]) a.info().get(VectorEnvironment.INFO_FINAL_OBSERVATION));
                    }
                    finished += e.done() ? 1 : 0;
                }
            }
            // random actions end a CartPole episode in about 20 steps: auto-reset was exercised often
            assertTrue(finished > 500, "episodes finished: " + finished);
        }
    }

    private static void assertObservationsEqual(List<double[]> expected, List<double[]> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), "copy " + i);
        }
    }

    @Test
    void aBadActionIsRejectedBeforeAnyCopyMoves() {
        List<Environment<double[], Integer>> raw = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            raw.add(new CartPole());
        }
        try (ParallelVectorEnvironment<double[], Integer> vector =
                     new ParallelVectorEnvironment<>(raw, AutoresetMode.SAME_STEP, 2)) {
            vector.reset(0);
            double[][] before = raw.stream().map(env -> ((CartPole) env).state()).toArray(double[][]::new);
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> vector.step(List.of(0, 1, 0, 2)));
            assertTrue(error.getMessage().contains("action 2 for environment 3 is outside its action space Discrete(2)"),
                    error.getMessage());
            for (int i = 0; i < 4; i++) {
                assertArrayEquals(before[i], ((CartPole) raw.get(i)).state(), "copy " + i + " moved");
            }
            // the vector still works after the rejected call
            assertEquals(4, vector.step(List.of(0, 1, 0, 1)).size());
        }
    }

    @Test
    void anExceptionInAWorkerReachesTheCallerFromTheLowestFailingCopy() {
        List<Environment<Integer, Integer>> copies = new ArrayList<>();
        List<RuntimeException> thrown = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            RuntimeException failure = new IllegalStateException("copy " + i + " failed");
            thrown.add(failure);
            boolean fails = i >= 2;
            copies.add(new CountingEnvironment(5) {
                @Override
                public Step<Integer> step(Integer action) {
                    if (fails) {
                        throw failure;
                    }
                    return super.step(action);
                }
            });
        }
        try (ParallelVectorEnvironment<Integer, Integer> vector =
                     new ParallelVectorEnvironment<>(copies, AutoresetMode.SAME_STEP, 4)) {
            vector.reset(0);
            RuntimeException error = assertThrows(RuntimeException.class, () -> vector.step(List.of(0, 0, 0, 0)));
            assertSame(thrown.get(2), error);
            // the failure is cleared: the next failure is reported afresh, not a stale one
            RuntimeException again = assertThrows(RuntimeException.class, () -> vector.step(List.of(0, 0, 0, 0)));
            assertSame(thrown.get(2), again);
        }
    }

    @Test
    void closeStopsTheWorkerThreadsAndFurtherUseIsRejected() {
        ParallelVectorEnvironment<double[], Integer> vector =
                new ParallelVectorEnvironment<>(cartPoles(3), AutoresetMode.SAME_STEP, 3);
        assertEquals(3, vector.threads());
        String prefix = workerPrefix();
        assertEquals(2, liveWorkers(prefix));
        vector.reset(1);
        vector.close();
        assertEquals(0, liveWorkers(prefix));
        vector.close();
        IllegalStateException closed = assertThrows(IllegalStateException.class, () -> vector.reset(1));
        assertTrue(closed.getMessage().contains("closed"), closed.getMessage());
    }

    // The newest instance's workers carry the highest instance number; find it from the live threads.
    private static String workerPrefix() {
        int newest = Thread.getAllStackTraces().keySet().stream()
                .map(Thread::getName)
                .filter(name -> name.startsWith("bellman-vector-"))
                .mapToInt(name -> Integer.parseInt(name.split("-")[2]))
                .max().orElseThrow();
        return "bellman-vector-" + newest + "-";
    }

    private static long liveWorkers(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith(prefix) && thread.isAlive())
                .count();
    }

    @Test
    void continuousActionsAreCheckedAgainstTheBox() {
        List<Environment<double[], double[]>> pendulums = List.of(new Pendulum(), new Pendulum());
        try (ParallelVectorEnvironment<double[], double[]> vector =
                     new ParallelVectorEnvironment<>(pendulums, AutoresetMode.SAME_STEP, 2)) {
            vector.reset(0);
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> vector.step(List.of(new double[] {0.5}, new double[] {Double.NaN})));
            assertTrue(error.getMessage().contains("action [NaN] for environment 1"), error.getMessage());
            List<Step<double[]>> steps = vector.step(List.of(new double[] {0.5}, new double[] {-2.0}));
            assertFalse(Arrays.equals(steps.get(0).observation(), steps.get(1).observation()));
        }
    }

    @Test
    void rejectsAThreadCountOutsideOneToN() {
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
                () -> new ParallelVectorEnvironment<>(cartPoles(2), AutoresetMode.SAME_STEP, 3));
        assertTrue(tooMany.getMessage().contains("threads = 3 must be in [1, 2]"), tooMany.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new ParallelVectorEnvironment<>(cartPoles(2), AutoresetMode.SAME_STEP, 0));
        assertThrows(IllegalArgumentException.class, () -> new ParallelVectorEnvironment<>(CartPole::new, 0));
    }
}
