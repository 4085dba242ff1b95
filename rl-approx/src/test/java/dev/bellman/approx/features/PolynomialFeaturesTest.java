package dev.bellman.approx.features;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolynomialFeaturesTest {

    private static final double[] LOW = {0, 0};
    private static final double[] HIGH = {4, 4};

    /** Zhao (8.16): φ(s) = [1, x, y, x², y², xy] at (x, y) = (1, 3) on [0, 4]², i.e. (0.25, 0.75). */
    @Test
    void orderTwoInZhaosOrderMatchesTheFormula() {
        PolynomialFeatures features = new PolynomialFeatures(2, LOW, HIGH, Normalization.UNIT_INTERVAL);
        double[] out = new double[6];

        features.write(new double[] {1, 3}, out);

        double x = 0.25;
        double y = 0.75;
        assertArrayEquals(new double[] {1, x, y, x * x, y * y, x * y}, out, 1e-15);
    }

    @Test
    void symmetricNormalisationMapsTheBoundsToMinusOneAndOne() {
        PolynomialFeatures features = new PolynomialFeatures(2, LOW, HIGH, Normalization.SYMMETRIC);
        double[] out = new double[6];

        features.write(new double[] {1, 3}, out);

        // x = 2 * 0.25 - 1 = -0.5, y = 2 * 0.75 - 1 = 0.5
        assertArrayEquals(new double[] {1, -0.5, 0.5, 0.25, 0.25, -0.25}, out, 1e-15);
    }

    @Test
    void gradedLexicographicOrderPutsTheMixedTermBetweenThePurePowers() {
        PolynomialFeatures features = new PolynomialFeatures(2, LOW, HIGH, Normalization.UNIT_INTERVAL,
                MonomialOrder.GRADED_LEXICOGRAPHIC);
        double[] out = new double[6];

        features.write(new double[] {1, 3}, out);

        double x = 0.25;
        double y = 0.75;
        assertArrayEquals(new double[] {1, x, y, x * x, x * y, y * y}, out, 1e-15);
    }

    /** Zhao (8.15) and (8.17): 3 and 10 features, the latter [1, x, y, x², y², xy, x³, y³, x²y, xy²]. */
    @Test
    void ordersOneAndThreeFollowZhao() {
        assertArrayEquals(new int[][] {{0, 0}, {1, 0}, {0, 1}},
                new PolynomialFeatures(1, LOW, HIGH, Normalization.UNIT_INTERVAL).exponents());
        PolynomialFeatures cubic = new PolynomialFeatures(3, LOW, HIGH, Normalization.UNIT_INTERVAL);
        assertArrayEquals(new int[][] {{0, 0}, {1, 0}, {0, 1}, {2, 0}, {0, 2}, {1, 1}, {3, 0}, {0, 3}, {2, 1}, {1, 2}},
                cubic.exponents());
        double[] out = new double[10];
        cubic.write(new double[] {2, 4}, out);
        double x = 0.5;
        double y = 1;
        assertArrayEquals(new double[] {1, x, y, x * x, y * y, x * y, x * x * x, y * y * y, x * x * y, x * y * y},
                out, 1e-15);
    }

    @Test
    void threeDimensionsHaveBinomialManyMonomials() {
        double[] low = {0, 0, 0};
        double[] high = {1, 1, 1};
        PolynomialFeatures features = new PolynomialFeatures(2, low, high, Normalization.UNIT_INTERVAL);
        // C(2 + 3, 3) = 10: 1, x, y, z, x², y², z², xy, xz, yz
        assertArrayEquals(new int[][] {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {2, 0, 0}, {0, 2, 0}, {0, 0, 2},
                {1, 1, 0}, {1, 0, 1}, {0, 1, 1}}, features.exponents());
        double[] out = new double[10];
        features.write(new double[] {0.5, 0.25, 2.0 / 3}, out);
        double x = 0.5;
        double y = 0.25;
        double z = 2.0 / 3;
        assertArrayEquals(new double[] {1, x, y, z, x * x, y * y, z * z, x * y, x * z, y * z}, out, 1e-15);
        assertEquals(35, new PolynomialFeatures(4, low, high, Normalization.UNIT_INTERVAL).dimension());
    }

    @Test
    void orderZeroIsTheConstant() {
        PolynomialFeatures features = new PolynomialFeatures(0, LOW, HIGH, Normalization.SYMMETRIC);
        double[] out = new double[1];
        features.write(new double[] {1, 1}, out);
        assertArrayEquals(new double[] {1}, out);
    }

    @Test
    void negativeOrderIsRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new PolynomialFeatures(-1, LOW, HIGH, Normalization.UNIT_INTERVAL));
        assertTrue(error.getMessage().contains("order -1 is negative"), error.getMessage());
    }

    @Test
    void observationOutsideTheBoundsIsRejectedNamingDimensionValueAndBounds() {
        PolynomialFeatures features = new PolynomialFeatures(2, LOW, HIGH, Normalization.UNIT_INTERVAL);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> features.write(new double[] {1, 4.5}, new double[6]));
        assertTrue(error.getMessage().contains("dimension 1 is 4.5, outside the declared bounds [0.0, 4.0]"),
                error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> features.write(new double[] {Double.NaN, 1}, new double[6]));
        assertThrows(IllegalArgumentException.class, () -> features.write(new double[] {1, 1, 1}, new double[6]));
        assertThrows(IllegalArgumentException.class, () -> features.write(null, new double[6]));
        assertThrows(IllegalArgumentException.class, () -> features.write(new double[] {1, 1}, new double[5]));
    }

    @Test
    void invalidBoundsAreRejected() {
        IllegalArgumentException inverted = assertThrows(IllegalArgumentException.class,
                () -> new PolynomialFeatures(1, new double[] {0, 5}, new double[] {1, 4}, Normalization.UNIT_INTERVAL));
        assertTrue(inverted.getMessage().contains("dimension 1 are [5.0, 4.0]; expected low < high"),
                inverted.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PolynomialFeatures(1, new double[] {0},
                new double[] {Double.POSITIVE_INFINITY}, Normalization.UNIT_INTERVAL));
        assertThrows(IllegalArgumentException.class, () -> new PolynomialFeatures(1, new double[] {0, 0},
                new double[] {1}, Normalization.UNIT_INTERVAL));
        assertThrows(IllegalArgumentException.class, () -> new PolynomialFeatures(1, new double[0],
                new double[0], Normalization.UNIT_INTERVAL));
        assertThrows(IllegalArgumentException.class, () -> new PolynomialFeatures(1, LOW, HIGH, null));
    }

    @Test
    void tooManyMonomialsAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new PolynomialFeatures(100, new double[6], new double[] {1, 1, 1, 1, 1, 1}, Normalization.UNIT_INTERVAL));
    }
}
