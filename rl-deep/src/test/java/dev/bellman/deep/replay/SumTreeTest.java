package dev.bellman.deep.replay;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Totals, prefix-sum search and updates of {@link SumTree}, on priorities small enough to add by hand. */
class SumTreeTest {

    private static SumTree treeOf(double... priorities) {
        SumTree tree = new SumTree(priorities.length);
        for (int i = 0; i < priorities.length; i++) {
            tree.set(i, priorities[i]);
        }
        return tree;
    }

    @Test
    void totalIsTheSumOfThePriorities() {
        SumTree tree = treeOf(1, 2, 3, 4);
        assertEquals(10.0, tree.total(), 0.0);
        assertEquals(3.0, tree.get(2), 0.0);
        assertEquals(4, tree.capacity());
        assertEquals(0.0, new SumTree(7).total(), 0.0);
    }

    @Test
    void findReturnsTheLeafWhoseIntervalHoldsThePrefixSum() {
        // Leaf intervals: [0, 1), [1, 3), [3, 6), [6, 10].
        SumTree tree = treeOf(1, 2, 3, 4);
        assertEquals(0, tree.find(0.0));
        assertEquals(0, tree.find(0.999));
        assertEquals(1, tree.find(1.0));
        assertEquals(1, tree.find(2.999));
        assertEquals(2, tree.find(3.0));
        assertEquals(2, tree.find(5.999));
        assertEquals(3, tree.find(6.0));
        assertEquals(3, tree.find(10.0));
    }

    @Test
    void findSkipsLeavesOfPriorityZeroIncludingThePadding() {
        // Capacity 5 is padded to 8 leaves; leaves 1 and 3 are empty. Intervals: 0 [0, 1), 2 [1, 3), 4 [3, 6].
        SumTree tree = treeOf(1, 0, 2, 0, 3);
        assertEquals(0, tree.find(0.5));
        assertEquals(2, tree.find(1.0));
        assertEquals(4, tree.find(3.0));
        assertEquals(4, tree.find(6.0));
        // The upper boundary never lands on the empty tail.
        SumTree partlyFilled = treeOf(1, 2, 0, 0);
        assertEquals(1, partlyFilled.find(3.0));
    }

    @Test
    void updatingAPriorityMovesTheTotalAndTheIntervals() {
        SumTree tree = treeOf(1, 2, 3, 4);
        tree.set(1, 7);
        assertEquals(15.0, tree.total(), 0.0);
        // Intervals now [0, 1), [1, 8), [8, 11), [11, 15].
        assertEquals(1, tree.find(7.5));
        assertEquals(2, tree.find(8.0));
        tree.set(0, 0);
        assertEquals(14.0, tree.total(), 0.0);
        assertEquals(1, tree.find(0.0));
    }

    @Test
    void aSingleLeafTreeWorks() {
        SumTree tree = treeOf(2.5);
        assertEquals(2.5, tree.total(), 0.0);
        assertEquals(0, tree.find(2.5));
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new SumTree(0));
        SumTree tree = treeOf(1, 2);
        assertThrows(IllegalArgumentException.class, () -> tree.set(0, -1));
        assertThrows(IllegalArgumentException.class, () -> tree.set(0, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> tree.set(0, Double.POSITIVE_INFINITY));
        assertThrows(IndexOutOfBoundsException.class, () -> tree.set(2, 1));
        assertThrows(IllegalArgumentException.class, () -> tree.find(-0.1));
        assertThrows(IllegalArgumentException.class, () -> tree.find(3.1));
        assertThrows(IllegalArgumentException.class, () -> new SumTree(3).find(0.0));
    }
}
