package dev.bellman.env.classic.render;

import dev.bellman.env.classic.Pendulum;

import java.awt.Color;
import java.awt.image.BufferedImage;

/**
 * Draws {@link Pendulum} as Gymnasium does: a 500×500 white frame spanning {@code [-2.2, 2.2]} in
 * both directions, {@link #SCALE} pixels per unit, with a red rod of length 1 and width 0.2 whose
 * ends are rounded, pivoting on a black axle at the centre. {@code theta = 0} points the rod
 * straight up and a positive {@code theta} turns it counter-clockwise.
 *
 * <p>Gymnasium also overlays an arrow image scaled by the last torque applied; the environment does
 * not keep its last torque, so this renderer leaves the arrow out.
 */
public final class PendulumRenderer implements FrameRenderer<Pendulum> {

    /** Frame width and height, pixels. */
    public static final int SIZE = 500;
    /** Pixels per unit of length: the frame over the span {@code 2 × 2.2}. */
    public static final double SCALE = SIZE / (2 * 2.2);
    /** Colour of the rod. */
    public static final Color ROD_COLOR = new Color(204, 77, 77);
    /** Colour of the axle. */
    public static final Color AXLE_COLOR = new Color(0, 0, 0);

    private static final int CENTRE = SIZE / 2;
    private static final double ROD_LENGTH = Pendulum.LENGTH * SCALE;
    private static final double ROD_WIDTH = 0.2 * SCALE;
    private static final int AXLE_RADIUS = (int) (0.05 * SCALE);

    /** A renderer of Gymnasium's geometry; it holds no state, so one serves any number of pendulums. */
    public PendulumRenderer() {
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
     * Draws the rod at angle {@code state()[0]}.
     *
     * @throws IllegalArgumentException if an argument is {@code null} or {@code target} is not 500×500
     */
    @Override
    public void render(Pendulum environment, BufferedImage target) {
        try (GymCanvas canvas = GymCanvas.open(environment, target, SIZE, SIZE)) {
            // Gymnasium measures the rod from the x axis, so upright (theta = 0) is a quarter turn.
            double angle = environment.state()[0] + Math.PI / 2;
            int endRadius = (int) (ROD_WIDTH / 2);
            canvas.fillRotatedRectangle(0, ROD_LENGTH, ROD_WIDTH / 2, -ROD_WIDTH / 2, angle, CENTRE, CENTRE,
                    ROD_COLOR);
            canvas.fillCircle(CENTRE, CENTRE, endRadius, ROD_COLOR);
            int endX = (int) (ROD_LENGTH * Math.cos(angle) + CENTRE);
            int endY = (int) (ROD_LENGTH * Math.sin(angle) + CENTRE);
            canvas.fillCircle(endX, endY, endRadius, ROD_COLOR);
            canvas.fillCircle(CENTRE, CENTRE, AXLE_RADIUS, AXLE_COLOR);
        }
    }
}
