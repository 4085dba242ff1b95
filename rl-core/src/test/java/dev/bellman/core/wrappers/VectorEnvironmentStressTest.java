package dev.bellman.core.wrappers;

import dev.bellman.core.Environment;
import dev.bellman.core.Step;
import dev.bellman.core.wrappers.VectorEnvironment.AutoresetMode;
import dev.bellman.env.classic.Environments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Many short episodes across threads give exactly the results of sequential runs.
 *
 * <p>Each copy is a bundled environment ({@link Environments#make}) under a short {@link TimeLimit}
 * of 10 to 24 steps (different per copy, so that the copies' automatic resets do not line up), and
 * is driven by seeded random actions. Every run is compared with a reference in which each copy is
 * stepped alone, one after the other, by a plain loop that applies the auto-reset rules of
 * {@link VectorEnvironment}. Observations, rewards, flags, the final observation and the final info
 * are compared bit for bit, as hexadecimal {@code doubleToRawLongBits}.
 *
 * <p>{@link ParallelVectorEnvironmentTest} already checks 7 CartPoles against the synchronous vector;
 * this class adds a continuous-action environment, frequent truncation, thread counts that split
 * the copies unevenly, the per-copy reference, and several vectors stepped at once.
 */
class VectorEnvironmentStressTest {

    private static final int STEPS = 1500;
    private static final long SEED = 20_240_601L;

    /** Copies of the environment {@code id}, each under a time limit of 10 to 24 steps. */
    private static <A> List<Environment<double[], A>> copies(String id, Class<A> actionType, int n) {
        List<Environment<double[], A>> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(new TimeLimit<>(Environments.make(id, actionType), 10 + (7 * i) % 15));
        }
        return list;
    }

    /** One scenario: an environment, its random-action generator and the number of copies. */
    private record Scenario<A>(String id, Class<A> actionType, int n, Function<SplittableRandom, A> randomAction) {

        List<Environment<double[], A>> copies() {
            return VectorEnvironmentStressTest.copies(id, actionType, n);
        }

        /** The actions of every vector step: {@code actions.get(t).get(i)} is copy i's at step t. */
        List<List<A>> actions(long seed, int steps) {
            SplittableRandom rng = new SplittableRandom(seed);
            List<List<A>> all = new ArrayList<>(steps);
            for (int t = 0; t < steps; t++) {
                List<A> actions = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    actions.add(randomAction.apply(rng));
                }
                all.add(actions);
            }
            return all;
        }
    }

    private static final Scenario<Integer> CART_POLE =
            new Scenario<>("CartPole-v1", Integer.class, 16, rng -> rng.nextInt(2));
    private static final Scenario<double[]> PENDULUM =
            new Scenario<>("Pendulum-v1", double[].class, 11, rng -> new double[] {rng.nextDouble(-2.0, 2.0)});

    /**
     * The reference: each copy alone, one after the other, under the auto-reset rules of
     * {@link VectorEnvironment} written out here.
     *
     * @return {@code trace[t][i]}: copy i's step at vector step t, in {@link #describe(Step)}'s form;
     *         row 0 holds the first observations
     */
    private static <A> String[][] sequentialReference(Scenario<A> scenario, AutoresetMode mode, long seed,
                                                      List<List<A>> actions) {
        String[][] trace = new String[actions.size() + 1][scenario.n()];
        List<Environment<double[], A>> envs = scenario.copies();
        for (int i = 0; i < scenario.n(); i++) {
            Environment<double[], A> env = envs.get(i);
            trace[0][i] = hex(env.reset(seed + i));
            boolean pendingReset = false;
            for (int t = 0; t < actions.size(); t++) {
                Step<double[]> step;
                if (pendingReset) {
                    pendingReset = false;
                    step = new Step<>(env.reset(), 0.0, false, false);
                } else {
                    step = env.step(actions.get(t).get(i));
                    if (step.done() && mode == AutoresetMode.NEXT_STEP) {
                        pendingReset = true;
                    } else if (step.done()) {
                        double[] first = env.reset();
                        Map<String, Object> info = Map.of(VectorEnvironment.INFO_FINAL_OBSERVATION, step.observation(),
                                VectorEnvironment.INFO_FINAL_INFO, step.info());
                        step = new Step<>(first, step.reward(), step.terminated(), step.truncated(), info);
                    }
                }
                trace[t + 1][i] = describe(step);
            }
            env.close();
        }
        return trace;
    }

    /**
     * Runs {@code vector} for the given actions and compares every step with {@code expected}.
     *
     * @return the number of episodes that ended
     */
    private static <A> int runAndCompare(VectorEnvironment<double[], A> vector, long seed, List<List<A>> actions,
                                         String[][] expected, String label) {
        List<double[]> first = vector.reset(seed);
        for (int i = 0; i < vector.size(); i++) {
            assertEquals(expected[0][i], hex(first.get(i)), label + ": first observation of copy " + i);
        }
        int finished = 0;
        for (int t = 0; t < actions.size(); t++) {
            List<Step<double[]>> steps = vector.step(actions.get(t));
            assertEquals(vector.size(), steps.size());
            for (int i = 0; i < vector.size(); i++) {
                Step<double[]> step = steps.get(i);
                assertEquals(expected[t + 1][i], describe(step), label + ": copy " + i + " at step " + t);
                finished += step.done() ? 1 : 0;
            }
        }
        return finished;
    }

    /** A step in a form that compares bit for bit: doubles as raw bits in hexadecimal, infos sorted. */
    private static String describe(Step<double[]> step) {
        return "obs=" + hex(step.observation())
                + " reward=" + Long.toHexString(Double.doubleToRawLongBits(step.reward()))
                + " terminated=" + step.terminated() + " truncated=" + step.truncated()
                + " info=" + describeValue(step.info());
    }

    private static String describeValue(Object value) {
        if (value instanceof double[] array) {
            return hex(array);
        }
        if (value instanceof Double number) {
            return Long.toHexString(Double.doubleToRawLongBits(number));
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, String> sorted = new TreeMap<>();
            map.forEach((key, entry) -> sorted.put(String.valueOf(key), describeValue(entry)));
            return sorted.toString();
        }
        return String.valueOf(value);
    }

    private static String hex(double[] values) {
        StringBuilder text = new StringBuilder("[");
        for (int k = 0; k < values.length; k++) {
            text.append(k == 0 ? "" : ",").append(Long.toHexString(Double.doubleToRawLongBits(values[k])));
        }
        return text.append(']').toString();
    }

    /** The synchronous vector and the parallel one on 2, 3 and 4 threads all match the per-copy reference. */
    private static <A> void everyVectorMatchesTheSequentialCopies(Scenario<A> scenario, AutoresetMode mode) {
        List<List<A>> actions = scenario.actions(SEED, STEPS);
        String[][] expected = sequentialReference(scenario, mode, SEED, actions);
        int finished;
        try (SyncVectorEnvironment<double[], A> sync = new SyncVectorEnvironment<>(scenario.copies(), mode)) {
            finished = runAndCompare(sync, SEED, actions, expected, "sync");
        }
        // about one episode in 17 steps per copy: automatic resets happen thousands of times
        assertTrue(finished > STEPS * scenario.n() / 25, "episodes finished: " + finished);
        for (int threads = 2; threads <= 4; threads++) {
            try (ParallelVectorEnvironment<double[], A> parallel =
                         new ParallelVectorEnvironment<>(scenario.copies(), mode, threads)) {
                assertEquals(finished, runAndCompare(parallel, SEED, actions, expected, threads + " threads"));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(AutoresetMode.class)
    void cartPoleVectorsOnAnyThreadCountMatchEachCopySteppedAlone(AutoresetMode mode) {
        everyVectorMatchesTheSequentialCopies(CART_POLE, mode);
    }

    @ParameterizedTest
    @EnumSource(AutoresetMode.class)
    void pendulumVectorsOnAnyThreadCountMatchEachCopySteppedAlone(AutoresetMode mode) {
        everyVectorMatchesTheSequentialCopies(PENDULUM, mode);
    }

    @Test
    void independentParallelVectorsSteppedAtOnceEachMatchTheirSequentialTwin() throws Exception {
        int vectors = 4;
        ExecutorService callers = Executors.newFixedThreadPool(vectors);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int v = 0; v < vectors; v++) {
                long seed = SEED + 1000L * v;
                AutoresetMode mode = v % 2 == 0 ? AutoresetMode.SAME_STEP : AutoresetMode.NEXT_STEP;
                int threads = 2 + v % 2;
                String label = "vector " + v + " (" + mode + ", " + threads + " threads)";
                if (v < 2) {
                    results.add(callers.submit(() -> twinRun(CART_POLE, mode, seed, threads, label)));
                } else {
                    results.add(callers.submit(() -> twinRun(PENDULUM, mode, seed, threads, label)));
                }
            }
            for (Future<Integer> result : results) {
                assertTrue(result.get() > 0, "some episodes ended");
            }
        } finally {
            callers.shutdownNow();
        }
    }

    /** Builds the reference in the calling thread, then runs a parallel vector against it. */
    private static <A> int twinRun(Scenario<A> scenario, AutoresetMode mode, long seed, int threads, String label) {
        List<List<A>> actions = scenario.actions(seed, STEPS);
        String[][] expected = sequentialReference(scenario, mode, seed, actions);
        try (ParallelVectorEnvironment<double[], A> parallel =
                     new ParallelVectorEnvironment<>(scenario.copies(), mode, threads)) {
            return runAndCompare(parallel, seed, actions, expected, label);
        }
    }
}
