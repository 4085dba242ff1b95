package dev.bellman.core;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TabularStateValuesTest {

    @Test
    void valuesAreReadByState() {
        TabularStateValues v = new TabularStateValues(new double[] {9, 10, -2.5});

        assertEquals(3, v.stateCount());
        assertEquals(10.0, v.value(1), 0.0);
        assertEquals(-2.5, v.value(Integer.valueOf(2)), 0.0);
    }

    @Test
    void constructorCopiesInputAndToArrayReturnsCopy() {
        double[] input = {1, 2};
        TabularStateValues v = new TabularStateValues(input);
        input[0] = 50;
        double[] out = v.toArray();
        out[1] = 50;

        assertArrayEquals(new double[] {1, 2}, v.toArray(), 0.0);
    }

    @Test
    void outOfRangeAndNullStatesAreRejected() {
        TabularStateValues v = new TabularStateValues(new double[] {1, 2});

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> v.value(2));
        assertEquals("state 2 is outside [0, 1]", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> v.value(-1));
        assertThrows(IllegalArgumentException.class, () -> v.value((Integer) null));
    }

    @Test
    void emptyValuesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new TabularStateValues(new double[0]));
    }

    @Test
    void maxAbsDifferenceIsLargestComponentGap() {
        TabularStateValues a = new TabularStateValues(new double[] {1, 5, -3});
        TabularStateValues b = new TabularStateValues(new double[] {1.5, 2, -3});

        assertEquals(3.0, a.maxAbsDifference(b), 0.0);
        assertEquals(3.0, b.maxAbsDifference(a), 0.0);
        assertEquals(0.0, a.maxAbsDifference(a), 0.0);
    }

    @Test
    void maxAbsDifferenceRejectsDifferentStateCounts() {
        TabularStateValues a = new TabularStateValues(new double[] {1, 2});
        TabularStateValues b = new TabularStateValues(new double[] {1, 2, 3});

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.maxAbsDifference(b));
        assertTrue(e.getMessage().contains("2 vs 3"), e.getMessage());
    }
}
