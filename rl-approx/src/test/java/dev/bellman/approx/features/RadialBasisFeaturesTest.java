package dev.bellman.approx.features;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RadialBasisFeaturesTest {

    private static final double[] LOW = {0, 0};
    private static final double[] HIGH = {10, 10};

    @Test
    void centresFormARegularGridOverTheBounds() {
        RadialBasisFeatures features = new RadialBasisFeatures(LOW, HIGH, 3, 0.25, false);

        assertEquals(9, features.dimension());
        assertArrayEquals(new double[] {0, 0}, features.center(0));
        assertArrayEquals(new double[] {0, 5}, features.center(1));
        assertArrayEquals(new double[] {5, 5}, features.center(4));
        assertArrayEquals(new double[] {10, 10}, features.center(8));
    }

    @Test
    void featureIsOneAtItsCentreAndGaussianAtAKnownDistance() {
        RadialBasisFeatures features = new RadialBasisFeatures(LOW, HIGH, 3, 0.25, false);
        double[] out = new double[9];

        features.write(new double[] {5, 5}, out);
        assertEquals(1.0, out[4], 1e-15);
        // Centre (0, 0) is at normalised distance² 0.5² + 0.5² = 0.5: exp(-0.5 / (2 · 0.0625)) = exp(-4)
        assertEquals(Math.exp(-4), out[0], 1e-15);

        features.write(new double[] {5, 7.5}, out);
        // Normalised distance 0.25 from centre (5, 5): exp(-0.0625 / 0.125) = exp(-0.5)
        assertEquals(Math.exp(-0.5), out[4], 1e-15);
        // Centre (5, 10) is also at distance 0.25
        assertEquals(Math.exp(-0.5), out[5], 1e-15);
    }

    @Test
    void constantFeatureComesFirst() {
        RadialBasisFeatures features = new RadialBasisFeatures(LOW, HIGH, new int[] {2, 1}, 0.5, true);
        double[] out = new double[3];

        features.write(new double[] {0, 5}, out);

        // Centres (0, 5) and (10, 5); one centre along y sits mid-range.
        assertArrayEquals(new double[] {1, 1, Math.exp(-1 / (2 * 0.25))}, out, 1e-15);
        assertEquals(2, features.centerCount());
    }

    @Test
    void badInputIsRejected() {
        IllegalArgumentException sigma = assertThrows(IllegalArgumentException.class,
                () -> new RadialBasisFeatures(LOW, HIGH, 3, 0, false));
        assertTrue(sigma.getMessage().contains("sigma 0.0"), sigma.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RadialBasisFeatures(LOW, HIGH, 0, 0.1, false));
        assertThrows(IllegalArgumentException.class, () -> new RadialBasisFeatures(LOW, HIGH, new int[] {3}, 0.1, false));
        RadialBasisFeatures features = new RadialBasisFeatures(LOW, HIGH, 3, 0.25, false);
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class,
                () -> features.write(new double[] {5, 11}, new double[9]));
        assertTrue(outside.getMessage().contains("dimension 1 is 11.0"), outside.getMessage());
        assertThrows(IllegalArgumentException.class, () -> features.write(new double[] {5, 5}, new double[8]));
        assertThrows(IllegalArgumentException.class, () -> features.center(9));
    }
}
