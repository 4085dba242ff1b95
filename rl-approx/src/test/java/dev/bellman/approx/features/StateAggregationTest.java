package dev.bellman.approx.features;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StateAggregationTest {

    /** Sutton &amp; Barto Example 9.1: the 1000-state random walk in 10 groups of 100 states. */
    @Test
    void thousandStatesInTenGroupsOfAHundred() {
        StateAggregation aggregation = new StateAggregation(1000, 10);

        assertEquals(10, aggregation.dimension());
        assertEquals(0, aggregation.group(0));
        assertEquals(0, aggregation.group(99));
        assertEquals(1, aggregation.group(100));
        assertEquals(4, aggregation.group(499));
        assertEquals(5, aggregation.group(500));
        assertEquals(9, aggregation.group(999));
        double[] out = new double[10];
        aggregation.write(100, out);
        assertArrayEquals(new double[] {0, 1, 0, 0, 0, 0, 0, 0, 0, 0}, out, 0.0);
    }

    @Test
    void indivisibleCountsGiveGroupsOfNearlyEqualSize() {
        StateAggregation aggregation = new StateAggregation(10, 3);
        int[] groups = new int[10];
        int[] index = new int[1];
        for (int s = 0; s < 10; s++) {
            aggregation.activeIndices(s, index);
            groups[s] = index[0];
        }
        // floor(s * 3 / 10)
        assertArrayEquals(new int[] {0, 0, 0, 0, 1, 1, 1, 2, 2, 2}, groups);
    }

    @Test
    void oneGroupPerStateIsOneHot() {
        StateAggregation aggregation = new StateAggregation(7, 7);
        for (int s = 0; s < 7; s++) {
            assertEquals(s, aggregation.group(s));
        }
    }

    @Test
    void badCountsAndStatesAreRejected() {
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class, () -> new StateAggregation(5, 6));
        assertTrue(tooMany.getMessage().contains("groups 6 exceeds stateCount 5"), tooMany.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new StateAggregation(5, 0));
        assertThrows(IllegalArgumentException.class, () -> new StateAggregation(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new StateAggregation(1000, 10).write(1000, new double[10]));
        assertThrows(IllegalArgumentException.class, () -> new StateAggregation(1000, 10).group(-1));
    }
}
