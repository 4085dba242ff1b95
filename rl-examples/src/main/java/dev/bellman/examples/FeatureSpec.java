package dev.bellman.examples;

import dev.bellman.approx.features.ActionFeatures;
import dev.bellman.approx.features.Features;
import dev.bellman.approx.features.FourierFeatures;
import dev.bellman.approx.features.GridCoordinates;
import dev.bellman.approx.features.Normalization;
import dev.bellman.approx.features.OneHotFeatures;
import dev.bellman.approx.features.PolynomialFeatures;
import dev.bellman.approx.features.RadialBasisFeatures;
import dev.bellman.approx.features.TileCoder;
import dev.bellman.env.grid.GridWorld;

import java.util.Arrays;
import java.util.Locale;

/**
 * A {@code --features} value: {@code one-hot}, {@code polynomial:ORDER}, {@code fourier:ORDER},
 * {@code rbf:CENTRES} (Gaussian, σ = half the spacing of the centres, constant feature included) or
 * {@code tile-coding:TILINGSxTILES[xTILES...]} (one tile count for every dimension, or one per
 * dimension; {@code tile-coding:8x8x8} is Sutton &amp; Barto's 8 tilings of 8×8).
 *
 * @param kind  the feature family
 * @param sizes the numbers after the colon
 * @param text  the value as given, for messages
 */
record FeatureSpec(Kind kind, int[] sizes, String text) {

    /** The feature families. */
    enum Kind {
        ONE_HOT("one-hot"), POLYNOMIAL("polynomial"), FOURIER("fourier"), RBF("rbf"), TILE_CODING("tile-coding");

        private final String id;

        Kind(String id) {
            this.id = id;
        }
    }

    /** The largest tile-coding table the command line builds: 2^20 weights, 8 MiB. */
    static final int MAX_TABLE_SIZE = 1 << 20;

    static final String FORMATS = "one-hot, polynomial:ORDER, fourier:ORDER, rbf:CENTRES or tile-coding:TILINGSxTILES[xTILES...]";

    /**
     * @throws IllegalArgumentException naming {@code option} and the allowed forms if the text is not one of them
     */
    static FeatureSpec parse(String text, String option) {
        String trimmed = text.strip().toLowerCase(Locale.ROOT);
        int colon = trimmed.indexOf(':');
        String name = colon < 0 ? trimmed : trimmed.substring(0, colon);
        Kind kind = Arrays.stream(Kind.values()).filter(k -> k.id.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(option + " " + text + " is not allowed; expected " + FORMATS));
        String numbers = colon < 0 ? "" : trimmed.substring(colon + 1);
        if (colon >= 0 && !numbers.matches("-?\\d{1,9}(x-?\\d{1,9})*")) {
            throw new IllegalArgumentException(option + " " + text + ": the sizes must be integers separated by x; expected "
                    + FORMATS);
        }
        int[] sizes = colon < 0 ? new int[0] : Arrays.stream(numbers.split("x")).mapToInt(Integer::parseInt).toArray();
        int expected = switch (kind) {
            case ONE_HOT -> 0;
            case POLYNOMIAL, FOURIER, RBF -> 1;
            case TILE_CODING -> -1;
        };
        boolean countOk = expected >= 0 ? sizes.length == expected : sizes.length >= 2;
        if (!countOk) {
            throw new IllegalArgumentException(option + " " + text + " has " + sizes.length + " sizes; expected " + FORMATS);
        }
        int smallest = kind == Kind.POLYNOMIAL || kind == Kind.FOURIER ? 0 : 1;
        for (int size : sizes) {
            if (size < smallest || size > 4096) {
                throw new IllegalArgumentException(option + " " + text + ": size " + size + " is outside ["
                        + smallest + ", 4096]");
            }
        }
        return new FeatureSpec(kind, sizes, text);
    }

    /**
     * The features of grid states: one-hot on the index, the others on the cell's normalised
     * {@code (x, y)} (polynomials on {@code [-1, 1]}, the rest on {@code [0, 1]}).
     */
    Features<Integer> forGrid(GridWorld world) {
        requireFeatureCount(2, 1);
        GridCoordinates grid = GridCoordinates.of(world);
        return switch (kind) {
            case ONE_HOT -> new OneHotFeatures(world.stateCount());
            case POLYNOMIAL -> grid.polynomial(sizes[0]);
            case FOURIER -> grid.fourier(sizes[0]);
            case RBF -> grid.compose(rbf(grid.low(), grid.high()));
            case TILE_CODING -> grid.compose(new TileCoder(grid.low(), grid.high(), tiles(2), sizes[0],
                    tableSize(2, 1)));
        };
    }

    /**
     * Action features for observations in the box {@code [low, high]} and {@code actions} actions:
     * tile coding passes the action to the hash as Sutton &amp; Barto's Mountain Car code does; the
     * others stack one block of state features per action.
     *
     * @throws IllegalArgumentException for one-hot features, which need discrete observations
     */
    ActionFeatures<double[]> forBox(double[] low, double[] high, int actions) {
        int dimension = low.length;
        requireFeatureCount(dimension, actions);
        return switch (kind) {
            case ONE_HOT -> throw new IllegalArgumentException("--features one-hot needs discrete observations; "
                    + "this environment's are continuous: use tile-coding, fourier, rbf or polynomial");
            case POLYNOMIAL -> ActionFeatures.stack(new PolynomialFeatures(sizes[0], low, high, Normalization.SYMMETRIC), actions);
            case FOURIER -> ActionFeatures.stack(new FourierFeatures(sizes[0], low, high), actions);
            case RBF -> ActionFeatures.stack(rbf(low, high), actions);
            case TILE_CODING -> new TileCoder(low, high, tiles(dimension), sizes[0], tableSize(dimension, actions))
                    .forActions(actions);
        };
    }

    /** The most weights a feature map may give: beyond it the weights alone take tens of megabytes per learner. */
    static final long MAX_FEATURES = 1_000_000;

    /**
     * Checks the size of the feature map before it is built (building a too-large one would take
     * the memory the check is there to protect).
     *
     * @throws IllegalArgumentException if polynomial, Fourier or RBF features of {@code dimensions}
     *                                  coordinates, one block per action, give more than {@link #MAX_FEATURES}
     */
    private void requireFeatureCount(int dimensions, int actions) {
        double count = switch (kind) {
            case ONE_HOT, TILE_CODING -> 0;
            // C(order + d, d) monomials of degree at most order in d coordinates.
            case POLYNOMIAL -> binomial(sizes[0] + dimensions, dimensions);
            case FOURIER -> Math.pow(sizes[0] + 1.0, dimensions);
            case RBF -> Math.pow(sizes[0], dimensions) + 1;
        };
        count *= actions;
        if (count > MAX_FEATURES) {
            throw new IllegalArgumentException("--features " + text + " gives " + String.format(Locale.ROOT, "%.3g",
                    count) + " features for " + dimensions + " coordinates" + (actions > 1 ? " and " + actions + " actions" : "")
                    + "; at most " + MAX_FEATURES + " are allowed");
        }
    }

    private static double binomial(int n, int k) {
        double result = 1;
        for (int i = 1; i <= k; i++) {
            result = result * (n - k + i) / i;
        }
        return result;
    }

    private RadialBasisFeatures rbf(double[] low, double[] high) {
        int centres = sizes[0];
        double spacing = centres > 1 ? 1.0 / (centres - 1) : 1.0;
        return new RadialBasisFeatures(low, high, centres, spacing / 2, true);
    }

    private int[] tiles(int dimension) {
        int given = sizes.length - 1;
        if (given != 1 && given != dimension) {
            throw new IllegalArgumentException("--features " + text + " gives " + given + " tile counts; the observations have "
                    + dimension + " dimensions: give one count for all or one per dimension");
        }
        int[] tiles = new int[dimension];
        for (int i = 0; i < dimension; i++) {
            tiles[i] = sizes[given == 1 ? 1 : 1 + i];
        }
        return tiles;
    }

    /**
     * A table with room for every tile any observation can touch — {@code tilings × Π(tiles + 1)}
     * per action, the extra tile per dimension being the offsets' overhang — rounded up to a power
     * of two, at least {@value TileCoder#DEFAULT_TABLE_SIZE} and at most {@value #MAX_TABLE_SIZE}.
     * Beyond that cap tiles share indices by hashing, as {@code tiles3} intends for large spaces,
     * rather than the weights taking gigabytes (8 tilings of 8 tiles over Acrobot's 6 dimensions
     * would need 12.8 million).
     */
    private int tableSize(int dimension, int actions) {
        long needed = (long) sizes[0] * actions;
        for (int tileCount : tiles(dimension)) {
            needed = Math.min(needed * (tileCount + 1L), MAX_TABLE_SIZE);
        }
        return (int) Math.max(TileCoder.DEFAULT_TABLE_SIZE, Long.highestOneBit(Math.max(1, needed - 1)) << 1);
    }

    @Override
    public String toString() {
        return text;
    }
}
