package dev.bellman.env.classic.render;

import dev.bellman.env.classic.Pendulum;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static dev.bellman.env.classic.render.Pixels.WHITE;
import static dev.bellman.env.classic.render.Pixels.assertColor;
import static dev.bellman.env.classic.render.Pixels.assertFrame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * PendulumRenderer against the geometry of Gymnasium's {@code PendulumEnv.render}: 500/4.4 pixels
 * per unit, the axle at Gymnasium's pixel (250, 250), which its flip puts at image row 249, and a rod
 * of length 1 pointing up at {@code theta = 0}, turning counter-clockwise as {@code theta} grows.
 */
class PendulumRendererTest {

    private static final PendulumRenderer RENDERER = new PendulumRenderer();
    private static final int AXLE_X = 250;
    private static final int AXLE_ROW = 249;

    private static Pendulum pendulumAt(double theta) {
        Pendulum pendulum = new Pendulum();
        pendulum.reset(0);
        pendulum.setState(new double[] {theta, 0});
        return pendulum;
    }

    /** The image pixel {@code distance} pixels from the axle along the rod at {@code theta}. */
    private static int[] alongRod(double theta, double distance) {
        return new int[] {(int) Math.round(AXLE_X - distance * Math.sin(theta)),
            (int) Math.round(AXLE_ROW - distance * Math.cos(theta))};
    }

    @Test
    void framesAre500By500Rgb() {
        assertEquals(500, RENDERER.width());
        assertEquals(500, RENDERER.height());
        assertFrame(RENDERER.render(pendulumAt(0)), 500, 500);
    }

    @Test
    void rodFollowsThetaCounterClockwiseFromUp() {
        for (double theta : new double[] {0, Math.PI / 2, 2.5, -1.0}) {
            BufferedImage image = RENDERER.render(pendulumAt(theta));
            assertColor(PendulumRenderer.AXLE_COLOR, image, AXLE_X, AXLE_ROW, "axle at theta = " + theta);
            for (double distance : new double[] {30, 60, 100}) {
                int[] pixel = alongRod(theta, distance);
                assertColor(PendulumRenderer.ROD_COLOR, image, pixel[0], pixel[1],
                        "rod " + distance + " pixels out at theta = " + theta);
            }
            int[] opposite = alongRod(theta + Math.PI, 60);
            assertColor(WHITE, image, opposite[0], opposite[1], "opposite the rod at theta = " + theta);
        }
    }

    @Test
    void uprightRodEndsInARoundedTipOnAWhiteBackground() {
        BufferedImage image = RENDERER.render(pendulumAt(0));
        assertColor(PendulumRenderer.ROD_COLOR, image, AXLE_X, AXLE_ROW - 113, "rounded end of the rod");
        assertColor(WHITE, image, AXLE_X, AXLE_ROW - 130, "beyond the rod's end");
        assertColor(WHITE, image, AXLE_X - 30, AXLE_ROW - 60, "left of the rod");
        assertColor(WHITE, image, 0, 0, "top-left corner");
        assertColor(WHITE, image, 499, 499, "bottom-right corner");
    }

    @Test
    void rejectsATargetOfAnotherSize() {
        assertThrows(IllegalArgumentException.class,
                () -> RENDERER.render(pendulumAt(0), new BufferedImage(600, 400, BufferedImage.TYPE_INT_RGB)));
    }
}
