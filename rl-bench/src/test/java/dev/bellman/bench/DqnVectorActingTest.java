package dev.bellman.bench;

import dev.bellman.deep.nn.Mlp;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The helpers of {@link DqnVectorActing}: network, rollout, the three ways of acting, median. Nothing timed. */
class DqnVectorActingTest {

    @Test
    void zooNetworkIsRlZoosCartPoleShape() {
        Mlp network = DqnVectorActing.zooNetwork(0);
        assertEquals(4, network.inputSize());
        assertEquals(2, network.outputSize());
        // 4·256 + 256 + 256·256 + 256 + 256·2 + 2 weights and biases
        assertEquals(67_586, network.parameterCount());
    }

    @Test
    void rolloutGivesDistinctArraysAndIsReproducible() {
        List<double[]> first = DqnVectorActing.rollout(300, 5);
        List<double[]> second = DqnVectorActing.rollout(300, 5);
        assertEquals(300, first.size());
        for (int i = 0; i < first.size(); i++) {
            assertArrayEquals(first.get(i), second.get(i));
            if (i > 0) {
                assertNotSame(first.get(i - 1), first.get(i));
            }
        }
    }

    @Test
    void theThreeWaysGiveTheSameQValues() {
        Mlp network = DqnVectorActing.zooNetwork(0);
        List<double[]> pool = DqnVectorActing.rollout(64, 0);
        for (int size : DqnVectorActing.BATCH_SIZES) {
            DqnVectorActing.Acting acting = new DqnVectorActing.Acting(network, pool, size);
            List<double[]> window = pool.subList(0, size);
            double single = acting.single(window);
            // Bit-identical by Mlp.predict(List, double[])'s contract; ND4J sums in another order.
            assertEquals(single, acting.batched(window), 0.0, "batch size " + size);
            assertEquals(single, acting.nd4j(window), 1e-4 * Math.max(1, Math.abs(single)), "batch size " + size);
        }
    }

    @Test
    void batchSizeMustDivideThePool() {
        Mlp network = DqnVectorActing.zooNetwork(0);
        List<double[]> pool = DqnVectorActing.rollout(10, 0);
        assertThrows(IllegalArgumentException.class, () -> new DqnVectorActing.Acting(network, pool, 4));
        assertThrows(IllegalArgumentException.class, () -> new DqnVectorActing.Acting(network, pool, 0));
    }

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(2.0, DqnVectorActing.median(new double[]{3, 1, 2}));
        assertEquals(2.5, DqnVectorActing.median(new double[]{4, 1, 3, 2}));
    }
}
