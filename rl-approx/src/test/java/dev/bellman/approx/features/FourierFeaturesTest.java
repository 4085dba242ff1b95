package dev.bellman.approx.features;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FourierFeaturesTest {

    private static final double SQRT5 = Math.sqrt(5);
    /** cos(π/5) = (1 + √5) / 4 and cos(2π/5) = (√5 - 1) / 4, the golden-ratio values. */
    private static final double COS_PI_5 = (1 + SQRT5) / 4;
    private static final double COS_2PI_5 = (SQRT5 - 1) / 4;

    /**
     * Order 2 in 2-D at s = (-0.6, 6) on [-1, 1] x [0, 10], i.e. u = (0.2, 0.6): features
     * cos(π (0.2 c1 + 0.6 c2)) for c = (0,0), (0,1), (0,2), (1,0), (1,1), (1,2), (2,0), (2,1), (2,2).
     */
    @Test
    void orderTwoInTwoDimensionsMatchesTheCosines() {
        FourierFeatures features = new FourierFeatures(2, new double[] {-1, 0}, new double[] {1, 10});
        double[] out = new double[9];

        features.write(new double[] {-0.6, 6}, out);

        double[] expected = {
            1,            // c = (0,0): cos 0
            -COS_2PI_5,   // (0,1): cos 0.6π
            -COS_PI_5,    // (0,2): cos 1.2π
            COS_PI_5,     // (1,0): cos 0.2π
            -COS_PI_5,    // (1,1): cos 0.8π
            -COS_2PI_5,   // (1,2): cos 1.4π
            COS_2PI_5,    // (2,0): cos 0.4π
            -1,           // (2,1): cos π
            COS_2PI_5,    // (2,2): cos 1.6π
        };
        assertArrayEquals(expected, out, 1e-12);
        assertArrayEquals(new int[][] {{0, 0}, {0, 1}, {0, 2}, {1, 0}, {1, 1}, {1, 2}, {2, 0}, {2, 1}, {2, 2}},
                features.coefficients());
    }

    /** Zhao §8.2.4, q = 1: φ(s) = [1, cos(πy), cos(πx), cos(π(x + y))]. */
    @Test
    void orderOneFollowsZhaosOrder() {
        FourierFeatures features = new FourierFeatures(1, new double[] {0, 0}, new double[] {1, 1});
        double[] out = new double[4];
        double x = 0.25;
        double y = 0.5;

        features.write(new double[] {x, y}, out);

        assertArrayEquals(new double[] {1, Math.cos(Math.PI * y), Math.cos(Math.PI * x), Math.cos(Math.PI * (x + y))},
                out, 1e-15);
    }

    /** Konidaris et al. (2011): α_i = α / ||c_i||, α for c = 0. */
    @Test
    void learningRateScalesAreInverseCoefficientNorms() {
        FourierFeatures features = new FourierFeatures(2, new double[] {0, 0}, new double[] {1, 1});
        double r2 = 1 / Math.sqrt(2);
        double r5 = 1 / SQRT5;
        assertArrayEquals(new double[] {1, 1, 0.5, 1, r2, r5, 0.5, r5, 1 / Math.sqrt(8)},
                features.learningRateScales(), 1e-15);
    }

    @Test
    void dimensionIsOrderPlusOneToTheK() {
        assertEquals(64, new FourierFeatures(3, new double[3], new double[] {1, 1, 1}).dimension());
        assertEquals(1, new FourierFeatures(0, new double[3], new double[] {1, 1, 1}).dimension());
        assertThrows(IllegalArgumentException.class, () -> new FourierFeatures(9, new double[8], new double[] {1, 1, 1, 1, 1, 1, 1, 1}));
    }

    @Test
    void badInputIsRejected() {
        IllegalArgumentException order = assertThrows(IllegalArgumentException.class,
                () -> new FourierFeatures(-2, new double[] {0}, new double[] {1}));
        assertTrue(order.getMessage().contains("order -2"), order.getMessage());
        FourierFeatures features = new FourierFeatures(1, new double[] {0, 0}, new double[] {1, 1});
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class,
                () -> features.write(new double[] {-0.1, 0.5}, new double[4]));
        assertTrue(outside.getMessage().contains("dimension 0 is -0.1, outside the declared bounds [0.0, 1.0]"),
                outside.getMessage());
        assertThrows(IllegalArgumentException.class, () -> features.write(new double[] {0.5, Double.NaN}, new double[4]));
        assertThrows(IllegalArgumentException.class, () -> features.write(new double[] {0.5}, new double[4]));
        assertThrows(IllegalArgumentException.class, () -> new FourierFeatures(1, new double[] {1}, new double[] {1}));
    }
}
