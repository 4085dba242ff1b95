package dev.bellman.approx.features;

import dev.bellman.env.grid.GridWorld;

/**
 * The coordinates of grid-world states, for the polynomial and Fourier features of Zhao's §8.2.4,
 * which are functions of a state's position {@code (x, y)} rather than of its index.
 *
 * <p>States are row-major as in {@link GridWorld}: {@code s = row * columns + column}. The
 * coordinates are {@code x = column} (0 at the left) and {@code y = row} (0 at the top), as cell
 * indices; their declared bounds are {@code [0, columns - 1]} and {@code [0, rows - 1]}, so the
 * features built here normalise them, corner cells mapping to the ends of the interval. A grid one
 * cell wide or high has the bounds {@code [0, 1]} along that axis instead (its coordinate is always 0).
 *
 * <p>{@link #compose(Features)} turns coordinate features into {@code Features<Integer>} of states.
 */
public final class GridCoordinates {

    private final int rows;
    private final int columns;

    /**
     * @param rows    the number of rows, at least 1
     * @param columns the number of columns, at least 1
     * @throws IllegalArgumentException if a count is not positive or there are more than 2^31 - 1 cells
     */
    public GridCoordinates(int rows, int columns) {
        this.rows = Checks.positive(rows, "rows");
        this.columns = Checks.positive(columns, "columns");
        Checks.product(rows, columns, "grid cells rows x columns");
    }

    /**
     * @param world the grid world
     * @return its coordinates
     * @throws IllegalArgumentException if {@code world} is null
     */
    public static GridCoordinates of(GridWorld world) {
        Checks.notNull(world, "grid world");
        return new GridCoordinates(world.rows(), world.cols());
    }

    /** @return the number of rows */
    public int rows() {
        return rows;
    }

    /** @return the number of columns */
    public int columns() {
        return columns;
    }

    /** @return the number of states, {@code rows * columns} */
    public int stateCount() {
        return rows * columns;
    }

    /** @return the lower bounds of {@code (x, y)}: {@code {0, 0}} */
    public double[] low() {
        return new double[] {0, 0};
    }

    /** @return the upper bounds of {@code (x, y)}: {@code {columns - 1, rows - 1}} (1 for an axis one cell long) */
    public double[] high() {
        return new double[] {Math.max(columns - 1, 1), Math.max(rows - 1, 1)};
    }

    /**
     * Writes the cell coordinates of {@code state}: {@code out[0] = x = column}, {@code out[1] = y = row}.
     *
     * @param state a state in {@code [0, rows * columns)}
     * @param out   the buffer, of length at least 2
     * @throws IllegalArgumentException if the state is out of range or {@code out} is too short
     */
    public void coordinates(int state, double[] out) {
        Checks.buffer(out, 2, "out");
        int s = Checks.state(state, rows * columns);
        out[0] = s % columns;
        out[1] = s / columns;
    }

    /**
     * Composes coordinate features with this grid: {@code φ(s) = coordinateFeatures((x, y))}. The
     * result keeps a two-element scratch buffer, so use it from one thread.
     *
     * @param coordinateFeatures features of {@code (x, y)} whose bounds contain this grid's
     * @return features of grid states
     * @throws IllegalArgumentException if {@code coordinateFeatures} is null
     */
    public Features<Integer> compose(Features<double[]> coordinateFeatures) {
        Checks.notNull(coordinateFeatures, "coordinate features");
        return new Features<>() {
            private final double[] position = new double[2];

            @Override
            public int dimension() {
                return coordinateFeatures.dimension();
            }

            @Override
            public void write(Integer state, double[] out) {
                Checks.buffer(out, coordinateFeatures.dimension(), "out");
                coordinates(Checks.state(state, rows * columns), position);
                coordinateFeatures.write(position, out);
            }

            @Override
            public String toString() {
                return coordinateFeatures + " of " + GridCoordinates.this;
            }
        };
    }

    /**
     * Zhao's polynomial features of the grid ({@link MonomialOrder#ZHAO}, equations (8.15)–(8.17)),
     * on coordinates normalised to {@code [-1, 1]}: order 1, 2 and 3 give 3, 6 and 10 features.
     * The symmetric range keeps the monomials of different degrees on comparable scales; on
     * {@code [0, 1]} the higher powers are so small that semi-gradient TD needs many times more
     * steps to reach the same fixed point (see {@code SemiGradientTdZeroTest}).
     *
     * @param order the largest total degree, 0 or more
     * @return features of grid states
     * @throws IllegalArgumentException if {@code order < 0}
     */
    public Features<Integer> polynomial(int order) {
        return polynomial(order, Normalization.SYMMETRIC);
    }

    /**
     * Zhao's polynomial features of the grid with a chosen normalisation.
     *
     * @param order         the largest total degree, 0 or more
     * @param normalization how {@code x} and {@code y} are rescaled
     * @return features of grid states
     * @throws IllegalArgumentException if {@code order < 0} or {@code normalization} is null
     */
    public Features<Integer> polynomial(int order, Normalization normalization) {
        return compose(new PolynomialFeatures(order, low(), high(), normalization, MonomialOrder.ZHAO));
    }

    /**
     * Zhao's Fourier features of the grid (equation (8.18)): {@code cos(π(c1 x + c2 y))} with
     * {@code x, y} normalised to {@code [0, 1]} and {@code c1, c2 ∈ {0, ..., order}}.
     *
     * @param order the largest coefficient, 0 or more: {@code (order + 1)²} features
     * @return features of grid states
     * @throws IllegalArgumentException if {@code order < 0}
     */
    public Features<Integer> fourier(int order) {
        return compose(new FourierFeatures(order, low(), high()));
    }

    @Override
    public String toString() {
        return "GridCoordinates[" + rows + " x " + columns + "]";
    }
}
