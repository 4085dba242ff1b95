package dev.bellman.approx.features;

/**
 * Sutton's {@code tiles3} tile-coding functions (Sutton &amp; Barto §9.5.4; the Python
 * {@code tiles3.py} from Sutton's website), reproduced exactly: for the same floats, ints, number of
 * tilings and sequence of calls on one {@link IndexHashTable} they return the same indices.
 *
 * <p>The algorithm of {@code tiles(iht, numtilings, floats, ints)}: with {@code n} tilings, each float
 * is quantised to {@code q_i = floor(f_i * n)}; tiling {@code t} (0-based) has the tile with
 * coordinates {@code [t, (q_1 + b_1) // n, ..., (q_k + b_k) // n, ints...]} where
 * {@code b_i = t * (2i - 1)} ({@code //} is floor division). The offsets of successive dimensions
 * grow as 1, 3, 5, ... times the tiling number: the asymmetric displacements Sutton &amp; Barto
 * recommend. A float {@code f} therefore lies in a tile of width 1 in every tiling; scale the input
 * so that a unit is one tile (e.g. {@code 8 * x / (high - low)} for 8 tiles across the range).
 * Each tile's coordinates are mapped to an index by the table ({@code hashcoords}).
 *
 * <p>Floats must be finite and {@code |f * n|} below 2^31 (Python would accept larger values; our
 * coordinates are ints).
 */
public final class TileCoding {

    /** Largest |f * numTilings| we quantise: beyond it a coordinate would not fit in an int. */
    private static final double QUANTISED_LIMIT = 0x1p31;

    private TileCoding() {
    }

    /**
     * {@code tiles(iht, numtilings, floats, ints)}. Convenient, but allocates the result; learners
     * use {@link #tiles(IndexHashTable, int, double[], int[], boolean, int[])}.
     *
     * @param table      the index hash table, updated with the tiles not seen before
     * @param numTilings the number of tilings, at least 1
     * @param floats     the continuous inputs, one tile per unit
     * @param ints       integers appended to every tile's coordinates (e.g. the action)
     * @return the {@code numTilings} indices, tiling 0 first
     * @throws IllegalArgumentException if an argument is null, {@code numTilings < 1}, or a float is
     *                                  not finite or too large
     */
    public static int[] tiles(IndexHashTable table, int numTilings, double[] floats, int... ints) {
        int[] out = new int[Checks.positive(numTilings, "numTilings")];
        tiles(table, numTilings, floats, ints, false, out);
        return out;
    }

    /**
     * {@code tiles(iht, numtilings, floats, ints, readonly)}, writing into {@code out}: allocates
     * nothing (the table lends its coordinate buffer).
     *
     * @param table      the index hash table; read-only mode leaves it unchanged
     * @param numTilings the number of tilings, at least 1
     * @param floats     the continuous inputs, one tile per unit
     * @param ints       integers appended to every tile's coordinates
     * @param readOnly   {@code tiles3}'s {@code readonly}: an unseen tile gives -1 ({@code None})
     * @param out        receives one index per tiling in {@code out[0, numTilings)}
     * @throws IllegalArgumentException if an argument is null, {@code numTilings < 1}, {@code out}
     *                                  is too short, or a float is not finite or too large
     */
    public static void tiles(IndexHashTable table, int numTilings, double[] floats, int[] ints, boolean readOnly,
                             int[] out) {
        Checks.notNull(table, "index hash table");
        Checks.positive(numTilings, "numTilings");
        Checks.notNull(floats, "floats");
        Checks.notNull(ints, "ints");
        Checks.buffer(out, numTilings, "out");
        checkFloats(floats, floats.length, numTilings);
        int[] coordinates = table.coordinateBuffer(1 + floats.length + ints.length);
        for (int tiling = 0; tiling < numTilings; tiling++) {
            int length = coordinates(tiling, numTilings, floats, floats.length, ints, ints.length, coordinates);
            out[tiling] = table.index(coordinates, length, readOnly);
        }
    }

    /**
     * {@code tiles(size, numtilings, floats, ints)} with a plain size instead of a table: each tile's
     * index is Python's {@code hash(tile) % size}, with no table and so no state (collisions are
     * possible from the start). Allocates the result and a coordinate buffer.
     *
     * @param size       the number of indices, at least 1
     * @param numTilings the number of tilings, at least 1
     * @param floats     the continuous inputs, one tile per unit
     * @param ints       integers appended to every tile's coordinates
     * @return the {@code numTilings} indices in {@code [0, size)}
     * @throws IllegalArgumentException if an argument is null, a count is not positive, or a float
     *                                  is not finite or too large
     */
    public static int[] tiles(int size, int numTilings, double[] floats, int... ints) {
        Checks.positive(size, "size");
        Checks.positive(numTilings, "numTilings");
        Checks.notNull(floats, "floats");
        Checks.notNull(ints, "ints");
        checkFloats(floats, floats.length, numTilings);
        int[] coordinates = new int[1 + floats.length + ints.length];
        int[] out = new int[numTilings];
        for (int tiling = 0; tiling < numTilings; tiling++) {
            int length = coordinates(tiling, numTilings, floats, floats.length, ints, ints.length, coordinates);
            out[tiling] = PythonHash.modulo(PythonHash.ofTuple(coordinates, length), size);
        }
        return out;
    }

    /** The path of {@link TileCoder}: inputs already validated, first {@code floatCount} floats and {@code intCount} ints. */
    static void tiles(IndexHashTable table, int numTilings, double[] floats, int floatCount, int[] ints,
                      int intCount, int[] out) {
        checkFloats(floats, floatCount, numTilings);
        int[] coordinates = table.coordinateBuffer(1 + floatCount + intCount);
        for (int tiling = 0; tiling < numTilings; tiling++) {
            int length = coordinates(tiling, numTilings, floats, floatCount, ints, intCount, coordinates);
            out[tiling] = table.index(coordinates, length, false);
        }
    }

    private static void checkFloats(double[] floats, int floatCount, int numTilings) {
        for (int i = 0; i < floatCount; i++) {
            double scaled = floats[i] * numTilings;
            // Written so that NaN fails the test too.
            if (!(Math.abs(scaled) < QUANTISED_LIMIT)) {
                throw new IllegalArgumentException("float " + i + " is " + floats[i] + "; expected a finite number with |f * "
                        + numTilings + " tilings| < 2^31");
            }
        }
    }

    /** Writes tiling {@code tiling}'s coordinates as {@code tiles3} builds them; returns their number. */
    private static int coordinates(int tiling, int numTilings, double[] floats, int floatCount, int[] ints,
                                   int intCount, int[] coordinates) {
        coordinates[0] = tiling;
        long offset = tiling;
        long step = 2L * tiling;
        for (int i = 0; i < floatCount; i++) {
            long quantised = (long) Math.floor(floats[i] * numTilings);
            coordinates[1 + i] = (int) Math.floorDiv(quantised + offset, (long) numTilings);
            offset += step;
        }
        System.arraycopy(ints, 0, coordinates, 1 + floatCount, intCount);
        return 1 + floatCount + intCount;
    }
}
