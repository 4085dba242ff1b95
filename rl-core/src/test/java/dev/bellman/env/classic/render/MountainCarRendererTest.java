package dev.bellman.env.classic.render;

import dev.bellman.env.classic.ContinuousMountainCar;
import dev.bellman.env.classic.MountainCar;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.image.BufferedImage;

import static dev.bellman.env.classic.render.Pixels.WHITE;
import static dev.bellman.env.classic.render.Pixels.assertColor;
import static dev.bellman.env.classic.render.Pixels.assertFrame;
import static dev.bellman.env.classic.render.Pixels.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * MountainCarRenderer and ContinuousMountainCarRenderer against the geometry of Gymnasium's
 * {@code MountainCarEnv.render}: 600/1.8 pixels per unit, the car's base 10 pixels above the hill
 * {@code 0.45 sin(3x) + 0.55}, tilted by {@code cos(3x)}, wheels of radius 8 a quarter of the car's
 * width from its middle, and a flag whose pole rises 50 pixels from the hill at the goal.
 */
class MountainCarRendererTest {

    private static final MountainCarRenderer RENDERER = new MountainCarRenderer();
    private static final double VALLEY = -Math.PI / 6;

    private static MountainCar carAt(double position) {
        MountainCar car = new MountainCar();
        car.reset(0);
        car.setState(new double[] {position, 0});
        return car;
    }

    private static double hill(double position) {
        return Math.sin(3 * position) * 0.45 + 0.55;
    }

    /** The image pixel of the car's own point {@code (along, up)}, in pixels, at {@code position}. */
    private static int[] carPoint(BufferedImage image, double position, double along, double up) {
        double tilt = Math.cos(3 * position);
        double x = (position + 1.2) * MountainCarRenderer.SCALE + along * Math.cos(tilt) - up * Math.sin(tilt);
        double y = 10 + hill(position) * MountainCarRenderer.SCALE + along * Math.sin(tilt) + up * Math.cos(tilt);
        return new int[] {(int) Math.round(x), row(image, y)};
    }

    @Test
    void framesAre600By400Rgb() {
        assertEquals(600, RENDERER.width());
        assertEquals(400, RENDERER.height());
        assertFrame(RENDERER.render(carAt(-0.5)), 600, 400);
        assertFrame(new ContinuousMountainCarRenderer().render(new ContinuousMountainCar()), 600, 400);
    }

    @Test
    void carBodyAndWheelsSitOnTheHillWhereTheStateSays() {
        for (double position : new double[] {-1.0, VALLEY, 0.3}) {
            BufferedImage image = RENDERER.render(carAt(position));
            int[] body = carPoint(image, position, 0, 12);
            assertColor(MountainCarRenderer.CAR_COLOR, image, body[0], body[1], "car body at x = " + position);
            int[] wheel = carPoint(image, position, 10, 0);
            assertColor(MountainCarRenderer.WHEEL_COLOR, image, wheel[0], wheel[1], "front wheel at x = " + position);
            int[] rearWheel = carPoint(image, position, -10, 0);
            assertColor(MountainCarRenderer.WHEEL_COLOR, image, rearWheel[0], rearWheel[1],
                    "rear wheel at x = " + position);
        }
    }

    @Test
    void inTheValleyTheCarIsLevelAndCentredOnItsPosition() {
        BufferedImage image = RENDERER.render(carAt(VALLEY));
        // In the valley cos(3x) = 0, so the body is an upright 40×20 box over x = 225.5 pixels.
        int bodyRow = row(image, 10 + 0.1 * MountainCarRenderer.SCALE + 15);
        int first = -1;
        int last = -1;
        for (int x = 0; x < 600; x++) {
            if ((image.getRGB(x, bodyRow) & 0xFFFFFF) == 0) {
                first = first < 0 ? x : first;
                last = x;
            }
        }
        assertEquals((VALLEY + 1.2) * MountainCarRenderer.SCALE, (first + last) / 2.0, 1.0, "body centre");
        assertTrue(last - first >= 37 && last - first <= 40, "body width " + (last - first));
    }

    @Test
    void flagFliesAtTheGoalOfEachVariant() {
        assertFlag(RENDERER.render(carAt(VALLEY)), MountainCar.GOAL_POSITION);
        ContinuousMountainCar continuous = new ContinuousMountainCar();
        continuous.reset(0);
        assertFlag(new ContinuousMountainCarRenderer().render(continuous), ContinuousMountainCar.GOAL_POSITION);
    }

    private static void assertFlag(BufferedImage image, double goal) {
        int flagX = (int) ((goal + 1.2) * MountainCarRenderer.SCALE);
        int flagBottom = (int) (hill(goal) * MountainCarRenderer.SCALE);
        assertColor(MountainCarRenderer.FLAG_COLOR, image, flagX + 8, row(image, flagBottom + 45), "flag");
        assertColor(Color.BLACK, image, flagX, row(image, flagBottom + 25), "flag pole");
        assertColor(WHITE, image, flagX + 8, row(image, flagBottom + 25), "beside the flag pole");
    }

    @Test
    void hillIsDrawnAndTheSkyIsWhite() {
        BufferedImage image = RENDERER.render(carAt(VALLEY));
        for (int column : new int[] {50, 300, 450}) {
            double position = -1.2 + column / MountainCarRenderer.SCALE;
            int hillRow = row(image, hill(position) * MountainCarRenderer.SCALE);
            int darkest = 255;
            for (int y = hillRow - 1; y <= hillRow + 1; y++) {
                darkest = Math.min(darkest, new Color(image.getRGB(column, y)).getRed());
            }
            assertTrue(darkest < 128, "hill line near row " + hillRow + " of column " + column + ": " + darkest);
            assertColor(WHITE, image, column, hillRow - 20, "sky above the hill");
        }
        assertColor(WHITE, image, 0, 0, "top-left corner");
        assertColor(WHITE, image, 300, 100, "sky");
    }

    @Test
    void rejectsATargetOfAnotherSize() {
        assertThrows(IllegalArgumentException.class,
                () -> RENDERER.render(carAt(0), new BufferedImage(600, 600, BufferedImage.TYPE_INT_RGB)));
        assertThrows(IllegalArgumentException.class, () -> RENDERER.render(null));
    }
}
