package dev.bellman.core.space;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BoxSpaceTest {

    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void containsIsInclusiveOfBounds() {
        BoxSpace box = new BoxSpace(new double[] {-1, 0}, new double[] {1, 2});

        assertTrue(box.contains(new double[] {-1, 2}));
        assertTrue(box.contains(new double[] {0.5, 1}));
        assertFalse(box.contains(new double[] {-1.0000001, 1}));
        assertFalse(box.contains(new double[] {0, 2.0000001}));
    }

    @Test
    void containsRejectsNullWrongLengthAndNan() {
        BoxSpace box = new BoxSpace(new double[] {-INF}, new double[] {INF});

        assertTrue(box.contains(new double[] {1e300}));
        assertFalse(box.contains(null));
        assertFalse(box.contains(new double[0]));
        assertFalse(box.contains(new double[] {0, 0}));
        assertFalse(box.contains(new double[] {Double.NaN}));
    }

    @Test
    void boundedSamplesStayInsideBoundsAndSpreadOverThem() {
        BoxSpace box = new BoxSpace(new double[] {-2, 10, 5}, new double[] {3, 10.5, 5});
        SplittableRandom rng = new SplittableRandom(11);
        double[] min = {INF, INF, INF};
        double[] max = {-INF, -INF, -INF};
        for (int i = 0; i < 10_000; i++) {
            double[] x = box.sample(rng);
            assertTrue(box.contains(x), () -> java.util.Arrays.toString(x));
            for (int d = 0; d < 3; d++) {
                min[d] = Math.min(min[d], x[d]);
                max[d] = Math.max(max[d], x[d]);
            }
        }
        // 10 000 uniform draws come within 0.01 of each end of [-2, 3] (miss chance ~ e^-20).
        assertEquals(-2, min[0], 0.01);
        assertEquals(3, max[0], 0.01);
        assertEquals(5, min[2], 0.0);
        assertEquals(5, max[2], 0.0);
    }

    @Test
    void halfBoundedSamplesRespectTheFiniteBound() {
        BoxSpace box = new BoxSpace(new double[] {1, -INF}, new double[] {INF, -1});
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < 10_000; i++) {
            double[] x = box.sample(rng);
            assertTrue(x[0] >= 1 && x[1] <= -1 && Double.isFinite(x[0]) && Double.isFinite(x[1]),
                    () -> java.util.Arrays.toString(x));
        }
    }

    @Test
    void unboundedSamplesAreFiniteAndTakeBothSigns() {
        BoxSpace box = new BoxSpace(new double[] {-INF}, new double[] {INF});
        SplittableRandom rng = new SplittableRandom(9);
        int positive = 0;
        for (int i = 0; i < 1000; i++) {
            double x = box.sample(rng)[0];
            assertTrue(Double.isFinite(x));
            positive += x > 0 ? 1 : 0;
        }
        assertTrue(positive > 400 && positive < 600, "positive samples: " + positive);
    }

    @Test
    void samplingIsReproducibleForSameSeed() {
        BoxSpace box = new BoxSpace(new double[] {0, -INF}, new double[] {1, INF});

        assertArrayEquals(box.sample(new SplittableRandom(21)), box.sample(new SplittableRandom(21)), 0.0);
    }

    @Test
    void widestFiniteBoxSamplesStayInside() {
        BoxSpace box = new BoxSpace(new double[] {-Double.MAX_VALUE}, new double[] {Double.MAX_VALUE});
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < 1000; i++) {
            double[] x = box.sample(rng);
            assertTrue(box.contains(x), () -> java.util.Arrays.toString(x));
        }
    }

    @Test
    void degenerateInfiniteBoxSamplesItsOnlyMember() {
        BoxSpace box = new BoxSpace(new double[] {INF}, new double[] {INF});

        assertTrue(box.contains(new double[] {INF}));
        assertTrue(box.contains(box.sample(new SplittableRandom(4))));
    }

    @Test
    void dimensionAndBoundsAreCopies() {
        double[] low = {0, 1};
        double[] high = {2, 3};
        BoxSpace box = new BoxSpace(low, high);
        low[0] = -100;
        box.high()[0] = 100;

        assertEquals(2, box.dimension());
        assertArrayEquals(new double[] {0, 1}, box.low(), 0.0);
        assertArrayEquals(new double[] {2, 3}, box.high(), 0.0);
    }

    @Test
    void invalidBoundsAreRejectedNamingTheDimension() {
        IllegalArgumentException order = assertThrows(IllegalArgumentException.class,
                () -> new BoxSpace(new double[] {0, 2}, new double[] {1, 1}));
        assertTrue(order.getMessage().contains("dimension 1") && order.getMessage().contains("[2.0, 1.0]"),
                order.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> new BoxSpace(new double[] {Double.NaN}, new double[] {1}));
        assertTrue(nan.getMessage().contains("dimension 0"), nan.getMessage());
        IllegalArgumentException lengths = assertThrows(IllegalArgumentException.class,
                () -> new BoxSpace(new double[] {0, 0}, new double[] {1}));
        assertTrue(lengths.getMessage().contains("2 and 1"), lengths.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new BoxSpace(new double[0], new double[0]));
        assertThrows(IllegalArgumentException.class, () -> new BoxSpace(null, new double[] {1}));
    }

    @Test
    void equalBoxesAreEqualWithEqualHashes() {
        BoxSpace a = new BoxSpace(new double[] {0, -INF}, new double[] {1, INF});
        BoxSpace b = new BoxSpace(new double[] {0, -INF}, new double[] {1, INF});
        BoxSpace c = new BoxSpace(new double[] {0, -INF}, new double[] {2, INF});

        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, c);
        assertEquals("Box(low=[0.0, -Infinity], high=[1.0, Infinity])", a.toString());
    }
}
