package dev.bellman.tabular.dp;

import dev.bellman.core.CompactModel;
import dev.bellman.core.CompactModel.Precision;
import dev.bellman.core.TabularActionValues;
import dev.bellman.core.TabularPolicy;
import dev.bellman.env.grid.ZigZagGrid;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Planners are immutable and a {@link CompactModel} is immutable once built, so one planner may
 * solve one model from several threads at once, each solve with its own sweep threads, and every
 * solve returns bit for bit what a solve alone returns: the values, the residual of each sweep, the
 * error bound and the backups. The lazily computed action values and policy of one shared
 * {@link PlanningResult} are also asked for from several threads at once.
 */
class ConcurrentPlanningTest {

    private static final double GAMMA = 0.9;
    private static final double TOLERANCE = 1e-10;
    /** Threads that call {@code solve} at once; each solve may start its own sweep threads too. */
    private static final int CALLERS = 4;
    /** Solves per calling thread. */
    private static final int ROUNDS = 3;

    /** Everything a solve returns that does not depend on being asked lazily, as raw bits. */
    private record Fingerprint(long[] values, long[] residuals, int iterations, boolean converged, long errorBound,
                               long backups) {

        static Fingerprint of(PlanningResult result) {
            return new Fingerprint(bits(result.stateValues().toArray()), bits(result.residuals()), result.iterations(),
                    result.converged(), Double.doubleToRawLongBits(result.errorBound()), result.backups());
        }

        void assertSameAs(Fingerprint expected, String label) {
            assertArrayEquals(expected.values, values, label + ": values");
            assertArrayEquals(expected.residuals, residuals, label + ": residuals");
            assertEquals(expected.iterations, iterations, label + ": iterations");
            assertEquals(expected.converged, converged, label + ": converged");
            assertEquals(expected.errorBound, errorBound, label + ": error bound");
            assertEquals(expected.backups, backups, label + ": backups");
        }
    }

    private static long[] bits(double[] values) {
        long[] bits = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Double.doubleToRawLongBits(values[i]);
        }
        return bits;
    }

    /**
     * Solves {@code model} alone, then {@link #ROUNDS} times from each of {@link #CALLERS} threads
     * released together, and checks every concurrent result against the one alone.
     */
    private static void concurrentSolvesMatchASolveAlone(String label, CompactModel model,
                                                         Function<CompactModel, PlanningResult> solve) throws Exception {
        PlanningResult alone = solve.apply(model);
        assertTrue(alone.converged(), label + " converged alone");
        Fingerprint expected = Fingerprint.of(alone);
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Fingerprint>>> futures = new ArrayList<>();
            for (int c = 0; c < CALLERS; c++) {
                Callable<List<Fingerprint>> caller = () -> {
                    start.await();
                    List<Fingerprint> fingerprints = new ArrayList<>();
                    for (int r = 0; r < ROUNDS; r++) {
                        fingerprints.add(Fingerprint.of(solve.apply(model)));
                    }
                    return fingerprints;
                };
                futures.add(callers.submit(caller));
            }
            start.countDown();
            for (int c = 0; c < CALLERS; c++) {
                List<Fingerprint> fingerprints = futures.get(c).get();
                for (int r = 0; r < ROUNDS; r++) {
                    fingerprints.get(r).assertSameAs(expected, label + ", caller " + c + ", round " + r);
                }
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void inPlaceValueIterationOnTwoThreadsSolvedFromFourThreadsAtOnceMatchesASolveAlone() throws Exception {
        CompactModel model = ZigZagGrid.model(160, Precision.DOUBLE);
        for (StateOrder order : StateOrder.values()) {
            InPlaceValueIteration planner = new InPlaceValueIteration(GAMMA, TOLERANCE).withOrder(order).withThreads(2);
            concurrentSolvesMatchASolveAlone("in-place value iteration, " + order, model, planner::solve);
        }
    }

    @Test
    void modifiedPolicyIterationOnTwoThreadsSolvedFromFourThreadsAtOnceMatchesASolveAlone() throws Exception {
        CompactModel model = ZigZagGrid.model(160, Precision.FLOAT);
        for (StateOrder order : StateOrder.values()) {
            ModifiedPolicyIteration planner = new ModifiedPolicyIteration(GAMMA, TOLERANCE).withOrder(order)
                    .withThreads(2);
            concurrentSolvesMatchASolveAlone("modified policy iteration, " + order, model, planner::solve);
        }
    }

    @Test
    void valueIterationSolvedFromFourThreadsAtOnceMatchesASolveAlone() throws Exception {
        CompactModel model = ZigZagGrid.model(40, Precision.DOUBLE);
        ValueIteration planner = new ValueIteration(GAMMA, TOLERANCE);
        concurrentSolvesMatchASolveAlone("value iteration", model, planner::solve);
    }

    @Test
    void aSharedResultComputesItsLazyActionValuesAndPolicyOnceForAllThreads() throws Exception {
        CompactModel model = ZigZagGrid.model(60, Precision.DOUBLE);
        PlanningResult shared = new InPlaceValueIteration(GAMMA, TOLERANCE).withThreads(2).solve(model);
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<TabularPolicy>> policies = new ArrayList<>();
            List<Future<TabularActionValues>> actionValues = new ArrayList<>();
            for (int c = 0; c < CALLERS; c++) {
                if (c % 2 == 0) {
                    policies.add(callers.submit(() -> {
                        start.await();
                        return shared.policy();
                    }));
                } else {
                    actionValues.add(callers.submit(() -> {
                        start.await();
                        return shared.actionValues();
                    }));
                }
            }
            start.countDown();
            for (Future<TabularPolicy> policy : policies) {
                assertSame(shared.policy(), policy.get());
            }
            for (Future<TabularActionValues> values : actionValues) {
                assertSame(shared.actionValues(), values.get());
            }
        } finally {
            callers.shutdownNow();
        }
    }
}
