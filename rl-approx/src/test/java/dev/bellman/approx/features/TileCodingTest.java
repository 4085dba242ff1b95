package dev.bellman.approx.features;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tile indices of Sutton's {@code tiles3.py}, derived by hand from its algorithm (and checked
 * against {@code tiles3.py} itself under CPython 3.11): with n tilings, q_i = floor(f_i · n) and
 * tiling t has the tile {@code (t, (q_1 + t) // n, (q_2 + 3t) // n, ..., ints...)}.
 */
class TileCodingTest {

    @Test
    void firstSeenTilesGetConsecutiveIndices() {
        IndexHashTable table = new IndexHashTable(32);

        // q = (0, 0). Tiling 0: (0, 0, 0). Tiling 1: (1, (0+1)//2, (0+3)//2) = (1, 0, 1).
        assertArrayEquals(new int[] {0, 1}, TileCoding.tiles(table, 2, new double[] {0.0, 0.0}));
        // q = (1, 1). Tiling 0: (0, 0, 0), seen. Tiling 1: (1, (1+1)//2, (1+3)//2) = (1, 1, 2), new.
        assertArrayEquals(new int[] {0, 2}, TileCoding.tiles(table, 2, new double[] {0.5, 0.5}));
        // q = (2, 2). Tiling 0: (0, 1, 1), new. Tiling 1: (1, 3//2, 5//2) = (1, 1, 2), seen.
        assertArrayEquals(new int[] {3, 2}, TileCoding.tiles(table, 2, new double[] {1.0, 1.0}));
        // q = (-1, 0): floor division rounds down. Tiling 0: (0, -1, 0), new. Tiling 1: (1, 0, 1), seen.
        assertArrayEquals(new int[] {4, 1}, TileCoding.tiles(table, 2, new double[] {-0.5, 0.0}));
        assertEquals(5, table.count());
    }

    @Test
    void intsAreAppendedToTheCoordinates() {
        IndexHashTable table = new IndexHashTable(32);
        TileCoding.tiles(table, 2, new double[] {0.0, 0.0});

        // (0, 0, 0, 1) and (1, 0, 1, 1) differ from the tiles without the int.
        assertArrayEquals(new int[] {2, 3}, TileCoding.tiles(table, 2, new double[] {0.0, 0.0}, 1));
        assertArrayEquals(new int[] {0, 1}, TileCoding.tiles(table, 2, new double[] {0.0, 0.0}));
    }

    @Test
    void offsetsGrowOneThreeFivePerDimension() {
        IndexHashTable table = new IndexHashTable(64);
        int[] out = new int[4];
        // 4 tilings, floats (0, 0, 0): tiling t is (t, t//4, 3t//4, 5t//4), so tiling 3 is (3, 0, 2, 3).
        TileCoding.tiles(table, 4, new double[] {0, 0, 0}, new int[0], false, out);
        assertArrayEquals(new int[] {0, 1, 2, 3}, out);
        assertEquals(3, table.index(3, 0, 2, 3), "tiling 3 has the tile (3, 0, 2, 3)");
        assertEquals(2, table.index(2, 0, 1, 2), "tiling 2 has the tile (2, 0, 1, 2)");
        assertEquals(4, table.count(), "looking up known tiles adds nothing");
    }

    @Test
    void readOnlyLookupOfAnUnseenTileGivesMinusOneAndAddsNothing() {
        IndexHashTable table = new IndexHashTable(32);
        TileCoding.tiles(table, 2, new double[] {0.0, 0.0});
        int[] out = new int[2];

        TileCoding.tiles(table, 2, new double[] {0.0, 0.0}, new int[0], true, out);
        assertArrayEquals(new int[] {0, 1}, out);
        TileCoding.tiles(table, 2, new double[] {7.0, 7.0}, new int[0], true, out);
        assertArrayEquals(new int[] {-1, -1}, out);
        assertEquals(2, table.count());
    }

    /**
     * A full table falls back to Python's hash(tile) % size and counts it. hash((0, 1, 1)) =
     * -4319694363775932833 and hash((1, 1, 2)) = -3541238842066255281 under CPython 3.11; Python's
     * % makes both 1 modulo 2.
     */
    @Test
    void fullTableFallsBackToThePythonHashAndCountsOverfull() {
        IndexHashTable table = new IndexHashTable(2);
        assertArrayEquals(new int[] {0, 1}, TileCoding.tiles(table, 2, new double[] {0.0, 0.0}));
        assertTrue(table.isFull());
        assertEquals(0, table.overfullCount());

        assertArrayEquals(new int[] {1, 1}, TileCoding.tiles(table, 2, new double[] {1.0, 1.0}));
        assertEquals(2, table.overfullCount());
        assertEquals(2, table.count());

        assertArrayEquals(new int[] {0, 1}, TileCoding.tiles(table, 2, new double[] {0.0, 0.0}));
        assertEquals(2, table.overfullCount(), "known tiles are not overfull lookups");
    }

    /** Values of hash(tuple) printed by CPython 3.11 on x86-64. */
    @Test
    void tupleHashMatchesCPython() {
        assertEquals(-4319694363775932833L, PythonHash.ofTuple(new int[] {0, 1, 1}, 3));
        assertEquals(-3541238842066255281L, PythonHash.ofTuple(new int[] {1, 1, 2}, 3));
        assertEquals(5740354900026072187L, PythonHash.ofTuple(new int[0], 0));
        assertEquals(8078679518589016365L, PythonHash.ofTuple(new int[] {-1}, 1), "hash(-1) is -2 in CPython");
        assertEquals(8078679518589016365L, PythonHash.ofTuple(new int[] {-2}, 1));
        assertEquals(3010437511937009226L, PythonHash.ofTuple(new int[] {0, 0, 0}, 3));
        assertEquals(-4609731359323054081L, PythonHash.ofTuple(new int[] {3, -7, 12, 2}, 4));
    }

    /** tiles(64, 4, [1.3, -2.6], [2]) printed by tiles3.py under CPython 3.11: hashing without a table. */
    @Test
    void plainSizeHashesEveryTile() {
        assertArrayEquals(new int[] {34, 60, 40, 25}, TileCoding.tiles(64, 4, new double[] {1.3, -2.6}, 2));
    }

    @Test
    void badInputIsRejected() {
        IndexHashTable table = new IndexHashTable(8);
        IllegalArgumentException tilings = assertThrows(IllegalArgumentException.class,
                () -> TileCoding.tiles(table, 0, new double[] {0.0}));
        assertTrue(tilings.getMessage().contains("numTilings 0 is not positive"), tilings.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TileCoding.tiles(table, -3, new double[] {0.0}));
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> TileCoding.tiles(table, 2, new double[] {0.0, Double.NaN}));
        assertTrue(nan.getMessage().contains("float 1 is NaN"), nan.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TileCoding.tiles(table, 2, new double[] {1e10}));
        assertThrows(IllegalArgumentException.class, () -> TileCoding.tiles(table, 2, null));
        assertThrows(IllegalArgumentException.class, () -> new IndexHashTable(0));
        assertThrows(IllegalArgumentException.class,
                () -> TileCoding.tiles(table, 4, new double[] {0.0}, new int[0], false, new int[3]));
        assertEquals(0, table.count(), "rejected calls leave the table unchanged");
        assertFalse(table.isFull());
    }
}
