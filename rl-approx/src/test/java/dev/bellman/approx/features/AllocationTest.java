package dev.bellman.approx.features;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Evaluating features allocates nothing (the benchmark in rl-bench measures the time). Counted with
 * the JVM's per-thread allocation counter: 100 000 evaluations allocating even one small array each
 * would show megabytes; the bound leaves room for the counter's own bookkeeping.
 */
class AllocationTest {

    private static final int CALLS = 100_000;
    private static final long BOUND_BYTES = 64 * 1024;

    @Test
    void boundedFeaturesAllocateNothingPerCall() {
        double[] low = {-1.2, -0.07};
        double[] high = {0.5, 0.07};
        double[] observation = {-0.5, 0.01};
        PolynomialFeatures polynomial = new PolynomialFeatures(3, low, high, Normalization.SYMMETRIC);
        FourierFeatures fourier = new FourierFeatures(3, low, high);
        RadialBasisFeatures radial = new RadialBasisFeatures(low, high, 5, 0.2, true);
        TileCoder coder = new TileCoder(low, high, new int[] {8, 8}, 8);
        SparseActionFeatures<double[]> tileActions = coder.forActions(3);
        ActionFeatures<double[]> stacked = ActionFeatures.stack(fourier, 3);
        double[] out = new double[4096 * 3];
        int[] indices = new int[8];

        Runnable evaluations = () -> {
            for (int i = 0; i < CALLS; i++) {
                polynomial.write(observation, out);
                fourier.write(observation, out);
                radial.write(observation, out);
                coder.activeIndices(observation, indices);
                tileActions.activeIndices(observation, i % 3, indices);
                stacked.write(observation, i % 3, out);
            }
        };
        evaluations.run();
        long allocated = allocatedBytes(evaluations);

        assertTrue(allocated < BOUND_BYTES, "allocated " + allocated + " bytes in " + CALLS + " rounds");
    }

    @Test
    void tabularFeaturesAllocateNothingPerCall() {
        OneHotFeatures oneHot = new OneHotFeatures(100);
        SparseActionFeatures<Integer> stacked = SparseActionFeatures.stack(new StateAggregation(100, 10), 4);
        Features<Integer> grid = new GridCoordinates(10, 10).polynomial(2);
        Integer[] states = new Integer[100];
        for (int s = 0; s < 100; s++) {
            // Boxed once, as a learner's observations arrive already boxed.
            states[s] = 1000 + s;
        }
        OneHotFeatures large = new OneHotFeatures(1100);
        Features<Integer> largeGrid = new GridCoordinates(11, 100).polynomial(2);
        double[] out = new double[1100];
        int[] indices = new int[1];
        Runnable evaluations = () -> {
            for (int i = 0; i < CALLS; i++) {
                // States below 128 are cached Integers, as a learner's boxed observations would be.
                Integer state = i % 100;
                oneHot.write(state, out);
                stacked.activeIndices(state, i % 4, indices);
                stacked.write(state, i % 4, out);
                grid.write(state, out);
                large.write(states[i % 100], out);
                largeGrid.write(states[i % 100], out);
            }
        };
        evaluations.run();
        long allocated = allocatedBytes(evaluations);

        assertTrue(allocated < BOUND_BYTES, "allocated " + allocated + " bytes in " + CALLS + " rounds");
    }

    private static long allocatedBytes(Runnable work) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        work.run();
        return threads.getCurrentThreadAllocatedBytes() - before;
    }
}
