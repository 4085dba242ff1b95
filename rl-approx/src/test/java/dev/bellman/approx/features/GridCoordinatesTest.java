package dev.bellman.approx.features;

import dev.bellman.env.grid.GridWorld;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GridCoordinatesTest {

    /** Zhao's 5 x 5 world: a target, forbidden cells; states row-major. */
    private static final String ZHAO_5X5 = """
            .....
            .##..
            ..#..
            .#T#.
            .#...
            """;

    @Test
    void coordinatesAreColumnAndRowOfTheRowMajorState() {
        GridCoordinates grid = GridCoordinates.of(GridWorld.builder(ZHAO_5X5).build());
        double[] position = new double[2];

        grid.coordinates(7, position);

        assertArrayEquals(new double[] {2, 1}, position, "state 7 = row 1, column 2");
        assertArrayEquals(new double[] {0, 0}, grid.low());
        assertArrayEquals(new double[] {4, 4}, grid.high());
        assertEquals(25, grid.stateCount());
    }

    @Test
    void polynomialFeaturesOfAStateAreZhaosOnNormalisedCoordinates() {
        GridCoordinates grid = new GridCoordinates(5, 5);
        Features<Integer> features = grid.polynomial(2);
        double[] out = new double[6];

        features.write(13, out);

        // State 13 = row 2, column 3: x = 3/4 and y = 2/4 of the way across, on [-1, 1] by default.
        double x = 0.5;
        double y = 0.0;
        assertArrayEquals(new double[] {1, x, y, x * x, y * y, x * y}, out, 1e-15);
        assertEquals(10, grid.polynomial(3).dimension());
        double[] unit = new double[6];
        grid.polynomial(2, Normalization.UNIT_INTERVAL).write(13, unit);
        assertArrayEquals(new double[] {1, 0.75, 0.5, 0.5625, 0.25, 0.375}, unit, 1e-15);
    }

    @Test
    void fourierFeaturesOfAStateAreZhaosCosines() {
        Features<Integer> features = new GridCoordinates(3, 5).fourier(1);
        double[] out = new double[4];

        features.write(14, out);

        // State 14 = row 2, column 4 of a 3 x 5 grid: x = 4/4 = 1, y = 2/2 = 1.
        assertArrayEquals(new double[] {1, -1, -1, 1}, out, 1e-15);
    }

    @Test
    void oneCellWideAxisHasCoordinateZero() {
        Features<Integer> features = new GridCoordinates(4, 1).polynomial(1, Normalization.SYMMETRIC);
        double[] out = new double[3];
        features.write(3, out);
        assertArrayEquals(new double[] {1, -1, 1}, out, 1e-15);
    }

    @Test
    void stateOutsideTheGridIsRejected() {
        Features<Integer> features = new GridCoordinates(5, 5).polynomial(1);
        assertThrows(IllegalArgumentException.class, () -> features.write(25, new double[3]));
        assertThrows(IllegalArgumentException.class, () -> features.write(null, new double[3]));
        assertThrows(IllegalArgumentException.class, () -> features.write(0, new double[2]));
        assertThrows(IllegalArgumentException.class, () -> new GridCoordinates(0, 5));
    }
}
