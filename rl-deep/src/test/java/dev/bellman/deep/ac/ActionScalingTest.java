package dev.bellman.deep.ac;

import dev.bellman.core.space.BoxSpace;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link ActionScaling} on an asymmetric box, low [−1, 0], high [3, 10]: the expected values are
 * {@code low + (s + 1)(high − low)/2} worked by hand (Stable-Baselines3's {@code unscale_action}).
 */
class ActionScalingTest {

    private static final BoxSpace BOX = new BoxSpace(new double[] {-1, 0}, new double[] {3, 10});
    private final ActionScaling scaling = new ActionScaling(BOX);

    @Test
    void theEndsAndTheMiddleOfTheScaledRangeMapToLowHighAndTheMidpoint() {
        assertEquals(2, scaling.dimension());
        assertArrayEquals(new double[] {-1, 0}, scaling.toEnvironment(new double[] {-1, -1}, new double[2]));
        assertArrayEquals(new double[] {3, 10}, scaling.toEnvironment(new double[] {1, 1}, new double[2]));
        assertArrayEquals(new double[] {1, 5}, scaling.toEnvironment(new double[] {0, 0}, new double[2]));
        // Dimensions are independent: -1 + 1.5 · 2 = 2 and 0 + 0.25 · 10 = 2.5.
        assertArrayEquals(new double[] {2, 2.5}, scaling.toEnvironment(new double[] {0.5, -0.5}, new double[2]), 1e-15);

        assertArrayEquals(new double[] {-1, -1}, scaling.toScaled(new double[] {-1, 0}, new double[2]));
        assertArrayEquals(new double[] {1, 1}, scaling.toScaled(new double[] {3, 10}, new double[2]));
        assertArrayEquals(new double[] {0, 0}, scaling.toScaled(new double[] {1, 5}, new double[2]));
    }

    @Test
    void bothMapsWriteIntoAndReturnTheGivenArray() {
        double[] out = new double[2];
        assertSame(out, scaling.toEnvironment(new double[] {0, 0}, out));
        assertSame(out, scaling.toScaled(new double[] {0, 0}, out));
    }

    /** Round trips over random points: affine maps in double lose at most a few ulps of the range. */
    @Test
    void theMapsAreInversesOfEachOther() {
        SplittableRandom random = new SplittableRandom(1);
        double[] scaled = new double[2];
        double[] action = new double[2];
        double[] back = new double[2];
        for (int k = 0; k < 10_000; k++) {
            scaled[0] = random.nextDouble(-1, 1);
            scaled[1] = random.nextDouble(-1, 1);
            scaling.toEnvironment(scaled, action);
            assertTrue(BOX.contains(action), () -> Arrays.toString(action));
            assertArrayEquals(scaled, scaling.toScaled(action, back), 1e-14);

            action[0] = random.nextDouble(-1, 3);
            action[1] = random.nextDouble(0, 10);
            scaling.toScaled(action, scaled);
            assertTrue(scaled[0] >= -1 && scaled[0] <= 1 && scaled[1] >= -1 && scaled[1] <= 1);
            assertArrayEquals(action, scaling.toEnvironment(scaled, back), 1e-13);
        }
    }

    /** {@code low + 2 · (high − low) / 2} can round past {@code high}; the clamp keeps the action in the box. */
    @Test
    void theEndsOfTheScaledRangeStayInsideAwkwardBounds() {
        SplittableRandom random = new SplittableRandom(2);
        for (int k = 0; k < 10_000; k++) {
            double low = random.nextDouble(-1e3, 1e3);
            double high = low + random.nextDouble(1e-6, 1e3);
            ActionScaling awkward = new ActionScaling(new BoxSpace(new double[] {low}, new double[] {high}));
            assertEquals(high, awkward.toEnvironment(new double[] {1}, new double[1])[0], 0.0, low + ", " + high);
            assertEquals(low, awkward.toEnvironment(new double[] {-1}, new double[1])[0], 0.0, low + ", " + high);
        }
    }

    @Test
    void scaledValuesOutsideMinusOneToOneAreRejectedByValue() {
        for (double bad : new double[] {1.5, -1.0000001, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> scaling.toEnvironment(new double[] {0, bad}, new double[2]));
            assertTrue(e.getMessage().contains(String.valueOf(bad)), e.getMessage());
            assertTrue(e.getMessage().contains("dimension 1"), e.getMessage());
        }
    }

    @Test
    void actionsOutsideTheBoundsAreRejectedByValue() {
        for (double[] bad : new double[][] {{-2, 5}, {3.5, 5}, {0, -0.1}, {0, 10.5}, {Double.NaN, 5}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> scaling.toScaled(bad, new double[2]));
            double value = Double.isNaN(bad[0]) || bad[0] < -1 || bad[0] > 3 ? bad[0] : bad[1];
            assertTrue(e.getMessage().contains(String.valueOf(value)), e.getMessage());
        }
    }

    @Test
    void wrongLengthsAreRejectedByLength() {
        IllegalArgumentException scaled = assertThrows(IllegalArgumentException.class,
                () -> scaling.toEnvironment(new double[] {0}, new double[2]));
        assertTrue(scaled.getMessage().contains("length 1"), scaled.getMessage());
        IllegalArgumentException out = assertThrows(IllegalArgumentException.class,
                () -> scaling.toEnvironment(new double[] {0, 0}, new double[3]));
        assertTrue(out.getMessage().contains("length 3"), out.getMessage());
        assertThrows(IllegalArgumentException.class, () -> scaling.toScaled(new double[] {0, 0, 0}, new double[2]));
        assertThrows(IllegalArgumentException.class, () -> scaling.toScaled(new double[] {0, 0}, new double[1]));
        assertThrows(NullPointerException.class, () -> scaling.toEnvironment(null, new double[2]));
        assertThrows(NullPointerException.class, () -> scaling.toScaled(new double[2], null));
    }

    @Test
    void infiniteOrEmptyBoundsAreRejected() {
        double inf = Double.POSITIVE_INFINITY;
        for (BoxSpace box : new BoxSpace[] {new BoxSpace(new double[] {-1, -inf}, new double[] {1, 1}),
                new BoxSpace(new double[] {-1, -1}, new double[] {1, inf}),
                new BoxSpace(new double[] {-1, 2}, new double[] {1, 2})}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ActionScaling(box));
            assertTrue(e.getMessage().contains("dimension 1"), e.getMessage());
        }
        assertThrows(NullPointerException.class, () -> new ActionScaling(null));
    }
}
