package dev.bellman.approx.features;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sutton &amp; Barto's Mountain Car tile coding (§10.1): 8 tilings of 8 x 8 tiles over position
 * [-1.2, 0.5] and velocity [-0.07, 0.07], {@code tiles(iht, 8, [8x/1.7, 8ẋ/0.14], [A])}.
 */
class TileCoderTest {

    private static final double[] LOW = {-1.2, -0.07};
    private static final double[] HIGH = {0.5, 0.07};
    private static final int[] TILES = {8, 8};

    /**
     * (x, ẋ) = (-0.5, 0): q = (floor(8 · 8 · -0.5 / 1.7), 0) = (-19, 0); tiling t has the tile
     * (t, (-19 + t) // 8, 3t // 8, A): x coordinates -3, -3, -3, -2, -2, -2, -2, -2 and ẋ
     * coordinates 0, 0, 0, 1, 1, 1, 2, 2. (-0.45, 0.01): q = (-17, 4); tiles (t, (-17 + t) // 8,
     * (4 + 3t) // 8, A) = x -3, -2, ..., ẋ 0, 0, 1, 1, 2, 2, 2, 3: tilings 0, 3 and 6 coincide with
     * the first point's.
     */
    @Test
    void mountainCarIndicesMatchTiles3() {
        SparseActionFeatures<double[]> features = new TileCoder(LOW, HIGH, TILES, 8).forActions(3);
        int[] out = new int[8];

        features.activeIndices(new double[] {-0.5, 0.0}, 0, out);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7}, out);
        features.activeIndices(new double[] {-0.45, 0.01}, 0, out);
        assertArrayEquals(new int[] {0, 8, 9, 3, 10, 11, 6, 12}, out);
        features.activeIndices(new double[] {-0.5, 0.0}, 1, out);
        assertArrayEquals(new int[] {13, 14, 15, 16, 17, 18, 19, 20}, out, "another action, other tiles");
        assertEquals(4096, features.dimension());
        assertEquals(8, features.activeCount());
    }

    @Test
    void stateFeaturesAreTilesWithoutInts() {
        TileCoder coder = new TileCoder(LOW, HIGH, TILES, 8, 512);
        int[] out = new int[8];

        coder.activeIndices(new double[] {-0.5, 0.0}, out);

        IndexHashTable reference = new IndexHashTable(512);
        assertArrayEquals(TileCoding.tiles(reference, 8, new double[] {8 * -0.5 / 1.7, 0.0}), out);
        assertEquals(512, coder.dimension());
        assertEquals(8.0 / 1.7, coder.scales()[0], 1e-12);
    }

    @Test
    void denseWriteHasOnesAtTheActiveIndices() {
        TileCoder coder = new TileCoder(LOW, HIGH, TILES, 8, 64);
        double[] out = new double[64];
        out[63] = 5;

        coder.write(new double[] {-0.5, 0.0}, out);

        for (int i = 0; i < 64; i++) {
            assertEquals(i < 8 ? 1.0 : 0.0, out[i], "feature " + i);
        }
    }

    @Test
    void observationOutsideTheBoundsIsRejectedAndAddsNoTile() {
        TileCoder coder = new TileCoder(LOW, HIGH, TILES, 8);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> coder.activeIndices(new double[] {0.6, 0.0}, new int[8]));
        assertTrue(error.getMessage().contains("dimension 0 is 0.6, outside the declared bounds [-1.2, 0.5]"),
                error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> coder.activeIndices(new double[] {0.0, Double.NaN}, new int[8]));
        assertThrows(IllegalArgumentException.class, () -> coder.forActions(3).activeIndices(new double[] {0, 0}, 3, new int[8]));
        assertThrows(IllegalArgumentException.class, () -> coder.activeIndices(new double[] {0, 0}, new int[7]));
        assertEquals(0, coder.table().count());
    }

    @Test
    void badConfigurationIsRejected() {
        IllegalArgumentException tilings = assertThrows(IllegalArgumentException.class,
                () -> new TileCoder(LOW, HIGH, TILES, 0));
        assertTrue(tilings.getMessage().contains("number of tilings 0 is not positive"), tilings.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TileCoder(LOW, HIGH, new int[] {8}, 8));
        assertThrows(IllegalArgumentException.class, () -> new TileCoder(LOW, HIGH, new int[] {8, 0}, 8));
        assertThrows(IllegalArgumentException.class, () -> new TileCoder(HIGH, LOW, TILES, 8));
        assertThrows(IllegalArgumentException.class, () -> new TileCoder(LOW, HIGH, TILES, 8, 0));
        assertThrows(IllegalArgumentException.class, () -> new TileCoder(LOW, HIGH, TILES, 8).forActions(0));
    }
}
