package dev.bellman.core;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TabularActionValuesTest {

    private static final double[] VALUES = {1, 3, 2, -5, -4, -4.5};

    @Test
    void valuesAreReadRowMajor() {
        TabularActionValues q = new TabularActionValues(2, 3, VALUES);

        assertEquals(2, q.stateCount());
        assertEquals(3, q.actionCount());
        assertEquals(3.0, q.value(0, 1), 0.0);
        assertEquals(-5.0, q.value(1, 0), 0.0);
        assertEquals(-4.5, q.value(Integer.valueOf(1), Integer.valueOf(2)), 0.0);
    }

    @Test
    void greedyActionAndMaxValuePerState() {
        TabularActionValues q = new TabularActionValues(2, 3, VALUES);

        assertEquals(1, q.greedyAction(0));
        assertEquals(3.0, q.maxValue(0), 0.0);
        assertEquals(1, q.greedyAction(1));
        assertEquals(-4.0, q.maxValue(1), 0.0);
    }

    @Test
    void greedyActionTiesWithinToleranceGoToLowestIndex() {
        TabularActionValues q = new TabularActionValues(3, 3, new double[] {
                7, 7 + 0.9e-9, 0,         // within 1e-9 of the best: tie, lowest index 0
                7, 7 + 1.1e-9, 0,         // beyond 1e-9: action 1
                5, 5 + 1e-10, 5 - 1e-10}); // all within: 0

        assertEquals(0, q.greedyAction(0));
        assertEquals(1, q.greedyAction(1));
        assertEquals(0, q.greedyAction(2));
        assertEquals(5 + 1e-10, q.maxValue(2), 0.0);
    }

    @Test
    void greedyActionOnNanRowIsAnError() {
        TabularActionValues q = new TabularActionValues(1, 2, new double[] {1, Double.NaN});

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> q.greedyAction(0));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
    }

    @Test
    void constructorCopiesInputAndToArrayReturnsCopy() {
        double[] input = VALUES.clone();
        TabularActionValues q = new TabularActionValues(2, 3, input);
        input[0] = 100;
        double[] out = q.toArray();
        out[1] = 100;

        assertEquals(1.0, q.value(0, 0), 0.0);
        assertEquals(3.0, q.value(0, 1), 0.0);
        assertArrayEquals(VALUES, q.toArray(), 0.0);
    }

    @Test
    void outOfRangeStateOrActionIsRejectedWithRange() {
        TabularActionValues q = new TabularActionValues(2, 3, VALUES);

        IllegalArgumentException state = assertThrows(IllegalArgumentException.class, () -> q.value(2, 0));
        assertEquals("state 2 is outside [0, 1]", state.getMessage());
        IllegalArgumentException action = assertThrows(IllegalArgumentException.class, () -> q.value(0, 3));
        assertEquals("action 3 is outside [0, 2]", action.getMessage());
        assertThrows(IllegalArgumentException.class, () -> q.value(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> q.greedyAction(-1));
        assertThrows(IllegalArgumentException.class, () -> q.maxValue(2));
        assertThrows(IllegalArgumentException.class, () -> q.value(null, 0));
    }

    @Test
    void constructorRejectsWrongLengthAndEmptyCounts() {
        IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
                () -> new TabularActionValues(2, 3, new double[5]));
        assertTrue(length.getMessage().contains("length 5"), length.getMessage());
        assertTrue(length.getMessage().contains("= 6"), length.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TabularActionValues(0, 3, new double[0]));
        assertThrows(IllegalArgumentException.class, () -> new TabularActionValues(3, 0, new double[0]));
    }
}
