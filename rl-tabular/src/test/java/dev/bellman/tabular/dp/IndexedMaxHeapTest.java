package dev.bellman.tabular.dp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link PrioritizedSweeping.IndexedMaxHeap}: after any sequence of priority changes, up or down, its
 * top is an item of highest priority, checked against a brute-force maximum.
 */
class IndexedMaxHeapTest {

    private static double max(double[] key) {
        double max = Double.NEGATIVE_INFINITY;
        for (double k : key) {
            max = Math.max(max, k);
        }
        return max;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 17, 123456789})
    void topIsAlwaysAnItemOfHighestPriority(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        for (int n : new int[]{1, 2, 3, 7, 64, 1000}) {
            double[] key = new double[n];
            for (int i = 0; i < n; i++) {
                // Few distinct values, so that ties are common.
                key[i] = rng.nextInt(5);
            }
            PrioritizedSweeping.IndexedMaxHeap heap = new PrioritizedSweeping.IndexedMaxHeap(key);
            assertFalse(heap.isEmpty());
            assertEquals(max(key), key[heap.top()], "after heapify, n = " + n);
            for (int step = 0; step < 20 * n; step++) {
                int item = rng.nextInt(n);
                switch (rng.nextInt(4)) {
                    case 0 -> key[item] += rng.nextDouble() * 10; // raised, as a predecessor's priority
                    case 1 -> key[item] = 0; // reset, as a state just backed up
                    case 2 -> key[item] -= rng.nextDouble() * 10;
                    default -> key[item] = rng.nextInt(5);
                }
                heap.changed(item);
                assertEquals(max(key), key[heap.top()], "n = " + n + ", step " + step);
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {5, 6})
    void poppingByResettingTheTopVisitsItemsInNonIncreasingPriority(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = 500;
        double[] key = new double[n];
        for (int i = 0; i < n; i++) {
            key[i] = 1 + rng.nextDouble();
        }
        PrioritizedSweeping.IndexedMaxHeap heap = new PrioritizedSweeping.IndexedMaxHeap(key);
        boolean[] seen = new boolean[n];
        double previous = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            int top = heap.top();
            assertFalse(seen[top], "item " + top + " came up twice");
            assertTrue(key[top] <= previous);
            seen[top] = true;
            previous = key[top];
            key[top] = 0;
            heap.changed(top);
        }
        assertEquals(0.0, key[heap.top()]);
    }

    @Test
    void emptyHeapIsEmpty() {
        assertTrue(new PrioritizedSweeping.IndexedMaxHeap(new double[0]).isEmpty());
    }
}
