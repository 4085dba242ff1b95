package dev.bellman.approx.features;

import java.util.Arrays;

/**
 * Tile-coded features of a bounded continuous observation, through {@link TileCoding}'s exact port
 * of {@code tiles3} (Sutton &amp; Barto §9.5.4, §10.1).
 *
 * <p>Coordinate {@code i} is scaled by {@code tiles[i] / (high[i] - low[i])}, so that its range
 * spans {@code tiles[i]} tiles, and <em>not</em> shifted: the indices are exactly those of
 * {@code tiles(iht, tilings, [x_1 * scale_1, ..., x_k * scale_k])}, as in Sutton &amp; Barto's
 * Mountain Car code ({@code tiles(iht, 8, [8*x/(0.5+1.2), 8*xdot/(0.07+0.07)], [A])}), whose
 * configuration is {@code new TileCoder(new double[] {-1.2, -0.07}, new double[] {0.5, 0.07},
 * new int[] {8, 8}, 8)} with the default table of {@value #DEFAULT_TABLE_SIZE}.
 * {@link #forActions(int)} gives the action-value form, which appends the action as
 * {@code tiles3}'s {@code ints}.
 *
 * <p>The dimension is the table size and each observation has {@link #tilings()} active features.
 * Their indices are distinct while the table has room; once it is full, an unseen tile's index is a
 * hash that may repeat another active index (as in {@code tiles3}), and the dense form then holds 2
 * there. The table is stateful, so the feature map depends on the order observations are seen in
 * (see {@link IndexHashTable}); with a fixed seed it is reproducible. Not thread-safe: besides the
 * table, the coder keeps scratch buffers so that evaluation allocates nothing.
 */
public final class TileCoder implements SparseFeatures<double[]> {

    /** Sutton &amp; Barto's table size for Mountain Car with 8 tilings of 8 x 8 tiles (§10.1). */
    public static final int DEFAULT_TABLE_SIZE = 4096;

    private static final int[] NO_INTS = new int[0];

    private final Bounds bounds;
    private final int[] tilesPerDimension;
    private final double[] scales;
    private final int tilings;
    private final IndexHashTable table;
    private final double[] scaled;
    private final int[] indexBuffer;

    /**
     * Tile coding with its own table of {@value #DEFAULT_TABLE_SIZE} indices.
     *
     * @param low               the lower bound of each observation coordinate
     * @param high              the upper bound of each observation coordinate, above {@code low}
     * @param tilesPerDimension the number of tiles spanning each coordinate's range, each at least 1
     * @param tilings           the number of tilings, at least 1
     * @throws IllegalArgumentException as {@link #TileCoder(double[], double[], int[], int, IndexHashTable)}
     */
    public TileCoder(double[] low, double[] high, int[] tilesPerDimension, int tilings) {
        this(low, high, tilesPerDimension, tilings, DEFAULT_TABLE_SIZE);
    }

    /**
     * Tile coding with its own table of {@code tableSize} indices.
     *
     * @param low               the lower bound of each observation coordinate
     * @param high              the upper bound of each observation coordinate, above {@code low}
     * @param tilesPerDimension the number of tiles spanning each coordinate's range, each at least 1
     * @param tilings           the number of tilings, at least 1
     * @param tableSize         the number of indices of the new table, in {@code [1, 2^24]}
     * @throws IllegalArgumentException if {@code tableSize} is not positive or exceeds 2^24, or as
     *                                  {@link #TileCoder(double[], double[], int[], int, IndexHashTable)}
     */
    public TileCoder(double[] low, double[] high, int[] tilesPerDimension, int tilings, int tableSize) {
        this(low, high, tilesPerDimension, tilings, new IndexHashTable(tableSize));
    }

    /**
     * @param low               the lower bound of each observation coordinate
     * @param high              the upper bound of each observation coordinate, above {@code low}
     * @param tilesPerDimension the number of tiles spanning each coordinate's range, each at least 1
     * @param tilings           the number of tilings, at least 1 (Sutton &amp; Barto suggest a power
     *                          of 2 of at least 4 times the dimension)
     * @param table             the index hash table, possibly shared with other coders
     * @throws IllegalArgumentException if the bounds are invalid (null, empty, of different lengths,
     *                                  not finite or not increasing), the tile counts are null, of
     *                                  another dimension or not positive, {@code tilings < 1}, or
     *                                  the table is null
     */
    public TileCoder(double[] low, double[] high, int[] tilesPerDimension, int tilings, IndexHashTable table) {
        this.bounds = new Bounds(low, high);
        int k = bounds.dimension();
        Checks.notNull(tilesPerDimension, "tilesPerDimension");
        if (tilesPerDimension.length != k) {
            throw new IllegalArgumentException("tilesPerDimension has " + tilesPerDimension.length
                    + " entries; expected " + k + ", one per dimension");
        }
        this.tilesPerDimension = tilesPerDimension.clone();
        this.scales = new double[k];
        for (int i = 0; i < k; i++) {
            Checks.positive(tilesPerDimension[i], "tilesPerDimension[" + i + "]");
            scales[i] = tilesPerDimension[i] / bounds.width(i);
        }
        this.tilings = Checks.positive(tilings, "number of tilings");
        this.table = Checks.notNull(table, "index hash table");
        this.scaled = new double[k];
        this.indexBuffer = new int[tilings];
    }

    /** @return the number of tilings, which is also the number of active features */
    public int tilings() {
        return tilings;
    }

    /** @return the index hash table this coder fills */
    public IndexHashTable table() {
        return table;
    }

    /** @return a copy of the number of tiles across each coordinate's range */
    public int[] tilesPerDimension() {
        return tilesPerDimension.clone();
    }

    /** @return a copy of the factors {@code tiles[i] / (high[i] - low[i])} the coordinates are multiplied by */
    public double[] scales() {
        return scales.clone();
    }

    /** @return a copy of the lower bounds */
    public double[] low() {
        return bounds.low();
    }

    /** @return a copy of the upper bounds */
    public double[] high() {
        return bounds.high();
    }

    /** @return the table size: every index lies in {@code [0, dimension())} */
    @Override
    public int dimension() {
        return table.size();
    }

    @Override
    public int activeCount() {
        return tilings;
    }

    /**
     * @param observation a point in {@code [low, high]}, one coordinate per dimension
     * @param out         receives one index per tiling, tiling 0 first
     * @throws IllegalArgumentException if {@code out} is too short, or the observation is null, of
     *                                  another dimension, NaN or outside the bounds (the table is
     *                                  then left unchanged)
     */
    @Override
    public void activeIndices(double[] observation, int[] out) {
        indices(observation, NO_INTS, 0, out);
    }

    /** Allocation-free: uses the coder's own index buffer. */
    @Override
    public void write(double[] observation, double[] out) {
        write(observation, out, indexBuffer);
    }

    /** Validates, scales and looks up; {@code ints} holds {@code intCount} integers to append. */
    void indices(double[] observation, int[] ints, int intCount, int[] out) {
        Checks.buffer(out, tilings, "out");
        bounds.check(observation);
        for (int i = 0; i < scaled.length; i++) {
            // tiles * x / width, in the order of Sutton & Barto's 8*x/(0.5+1.2), so that the
            // rounding, and with it a point on a tile boundary, matches theirs.
            scaled[i] = tilesPerDimension[i] * observation[i] / bounds.width(i);
        }
        TileCoding.tiles(table, tilings, scaled, scaled.length, ints, intCount, out);
    }

    /**
     * The action-value form: the indices of (s, a) are
     * {@code tiles(iht, tilings, scaled s, [a])}, sharing this coder's table, as in Sutton &amp;
     * Barto's Mountain Car Sarsa. Unlike {@link ActionFeatures#stack stacking}, actions share the
     * table's indices instead of each having a block. Not thread-safe, like the coder.
     *
     * @param actionCount the number of actions, at least 1
     * @return the action features, of dimension {@link #dimension()} with {@link #tilings()} active entries
     * @throws IllegalArgumentException if {@code actionCount < 1}
     */
    public SparseActionFeatures<double[]> forActions(int actionCount) {
        return new Actions(Checks.positive(actionCount, "actionCount"));
    }

    @Override
    public String toString() {
        return "TileCoder[" + tilings + " tilings of " + Arrays.toString(tilesPerDimension) + " tiles, " + bounds
                + ", " + table + "]";
    }

    /** The action appended as {@code tiles3}'s {@code ints}. */
    final class Actions implements SparseActionFeatures<double[]> {

        private final int actionCount;
        private final int[] action = new int[1];
        private final int[] actionIndexBuffer = new int[tilings];

        Actions(int actionCount) {
            this.actionCount = actionCount;
        }

        /** @return the coder's table, shared with it */
        IndexHashTable table() {
            return table;
        }

        @Override
        public int dimension() {
            return table.size();
        }

        @Override
        public int actionCount() {
            return actionCount;
        }

        @Override
        public int activeCount() {
            return tilings;
        }

        @Override
        public void activeIndices(double[] observation, int actionIndex, int[] out) {
            Checks.action(actionIndex, actionCount);
            action[0] = actionIndex;
            indices(observation, action, 1, out);
        }

        @Override
        public void write(double[] observation, int actionIndex, double[] out) {
            write(observation, actionIndex, out, actionIndexBuffer);
        }

        @Override
        public String toString() {
            return "TileCoder.forActions[" + actionCount + " actions, " + TileCoder.this + "]";
        }
    }
}
