package dev.bellman.env.classic.render;

import dev.bellman.env.classic.Acrobot;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static dev.bellman.env.classic.render.Pixels.WHITE;
import static dev.bellman.env.classic.render.Pixels.assertColor;
import static dev.bellman.env.classic.render.Pixels.assertFrame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * AcrobotRenderer against the geometry of Gymnasium's {@code AcrobotEnv.render}: 500/4.4 pixels per
 * unit, the pivot at Gymnasium's pixel (250, 250) (image row 249 after its flip), links hanging
 * straight down at zero angles, and the target line one link length above the pivot.
 */
class AcrobotRendererTest {

    private static final AcrobotRenderer RENDERER = new AcrobotRenderer();
    private static final int PIVOT_X = 250;
    private static final int PIVOT_ROW = 249;

    private static Acrobot acrobotAt(double theta1, double theta2) {
        Acrobot acrobot = new Acrobot();
        acrobot.reset(0);
        acrobot.setState(new double[] {theta1, theta2, 0, 0});
        return acrobot;
    }

    @Test
    void framesAre500By500Rgb() {
        assertEquals(500, RENDERER.width());
        assertEquals(500, RENDERER.height());
        assertEquals(500 / 4.4, AcrobotRenderer.SCALE, 1e-12);
        assertFrame(RENDERER.render(acrobotAt(0, 0)), 500, 500);
    }

    @Test
    void atRestBothLinksHangStraightDown() {
        BufferedImage image = RENDERER.render(acrobotAt(0, 0));
        double scale = AcrobotRenderer.SCALE;
        assertColor(AcrobotRenderer.JOINT_COLOR, image, PIVOT_X, PIVOT_ROW, "pivot");
        assertColor(AcrobotRenderer.LINK_COLOR, image, PIVOT_X, PIVOT_ROW + 60, "first link");
        assertColor(AcrobotRenderer.JOINT_COLOR, image, PIVOT_X, 499 - (int) (250 - scale), "elbow");
        assertColor(AcrobotRenderer.LINK_COLOR, image, PIVOT_X, PIVOT_ROW + (int) (scale + 60), "second link");
        assertColor(WHITE, image, PIVOT_X, PIVOT_ROW - 60, "above the pivot");
    }

    @Test
    void anglesTurnTheLinksCounterClockwise() {
        double scale = AcrobotRenderer.SCALE;
        BufferedImage image = RENDERER.render(acrobotAt(Math.PI / 2, Math.PI / 2));
        // theta1 = 90° points the first link right; theta2 = 90° more points the second one up.
        assertColor(AcrobotRenderer.LINK_COLOR, image, PIVOT_X + 60, PIVOT_ROW, "first link, pointing right");
        assertColor(AcrobotRenderer.LINK_COLOR, image, PIVOT_X + (int) scale, PIVOT_ROW - 60,
                "second link, pointing up");
        assertColor(WHITE, image, PIVOT_X, PIVOT_ROW + 60, "below the pivot");
        assertColor(WHITE, image, PIVOT_X - 60, PIVOT_ROW, "left of the pivot");
    }

    @Test
    void targetLineIsOneLinkLengthAboveThePivot() {
        BufferedImage image = RENDERER.render(acrobotAt(0, 0));
        int targetRow = 499 - (int) (250 + AcrobotRenderer.SCALE);
        for (int x : new int[] {0, 100, 499}) {
            assertColor(AcrobotRenderer.TARGET_COLOR, image, x, targetRow, "target line");
            assertColor(WHITE, image, x, targetRow - 1, "above the target line");
            assertColor(WHITE, image, x, targetRow + 1, "below the target line");
        }
        assertColor(WHITE, image, 0, 499, "bottom-left corner");
    }

    @Test
    void rejectsNullEnvironment() {
        assertThrows(IllegalArgumentException.class, () -> RENDERER.render(null));
    }
}
