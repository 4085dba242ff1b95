package dev.bellman.env.classic.render;

import dev.bellman.env.classic.Acrobot;

import java.awt.Color;
import java.awt.image.BufferedImage;

/**
 * Draws {@link Acrobot} as Gymnasium does: a 500×500 white frame spanning
 * {@code ±(LINK_LENGTH_1 + LINK_LENGTH_2 + 0.2)} in both directions, {@link #SCALE} pixels per
 * unit, with the two links in cyan, 0.2 units wide, yellow joints at the fixed pivot (the centre)
 * and at the elbow, and a black horizontal target line one link length above the pivot. With all
 * angles 0 the links hang straight down; a positive {@code theta1} swings the first link
 * counter-clockwise, towards the right.
 */
public final class AcrobotRenderer implements FrameRenderer<Acrobot> {

    /** Frame width and height, pixels. */
    public static final int SIZE = 500;
    /** Half the span of the frame, in link-length units. */
    public static final double BOUND = Acrobot.LINK_LENGTH_1 + Acrobot.LINK_LENGTH_2 + 0.2;
    /** Pixels per unit of length. */
    public static final double SCALE = SIZE / (BOUND * 2);
    /** Colour of the links. */
    public static final Color LINK_COLOR = new Color(0, 204, 204);
    /** Colour of the joints. */
    public static final Color JOINT_COLOR = new Color(204, 204, 0);
    /** Colour of the target line. */
    public static final Color TARGET_COLOR = new Color(0, 0, 0);

    private static final double CENTRE = SIZE / 2.0;
    private static final double HALF_LINK_WIDTH = 0.1 * SCALE;

    /** A renderer of Gymnasium's geometry; it holds no state, so one serves any number of acrobots. */
    public AcrobotRenderer() {
    }

    @Override
    public int width() {
        return SIZE;
    }

    @Override
    public int height() {
        return SIZE;
    }

    /**
     * Draws the links at angles {@code state()[0]} and {@code state()[1]} (the second relative to
     * the first).
     *
     * @throws IllegalArgumentException if an argument is {@code null} or {@code target} is not 500×500
     */
    @Override
    public void render(Acrobot environment, BufferedImage target) {
        try (GymCanvas canvas = GymCanvas.open(environment, target, SIZE, SIZE)) {
            double[] state = environment.state();
            double length1 = Acrobot.LINK_LENGTH_1 * SCALE;
            double length2 = Acrobot.LINK_LENGTH_2 * SCALE;
            // Angles are measured from straight down, so a link's direction is (sin, -cos).
            double elbowX = length1 * Math.sin(state[0]);
            double elbowY = -length1 * Math.cos(state[0]);

            int targetRow = (int) (Acrobot.LINK_LENGTH_1 * SCALE + CENTRE);
            canvas.horizontalLine((int) (-2.2 * SCALE + CENTRE), (int) (2.2 * SCALE + CENTRE), targetRow,
                    TARGET_COLOR);

            double[] startXs = {0, elbowX};
            double[] startYs = {0, elbowY};
            double[] angles = {state[0] - Math.PI / 2, state[0] + state[1] - Math.PI / 2};
            double[] lengths = {length1, length2};
            for (int link = 0; link < 2; link++) {
                double x = startXs[link] + CENTRE;
                double y = startYs[link] + CENTRE;
                canvas.fillRotatedRectangle(0, lengths[link], HALF_LINK_WIDTH, -HALF_LINK_WIDTH, angles[link], x, y,
                        LINK_COLOR);
                canvas.fillCircle((int) x, (int) y, (int) HALF_LINK_WIDTH, JOINT_COLOR);
            }
        }
    }
}
