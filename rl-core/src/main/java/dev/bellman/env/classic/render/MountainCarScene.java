package dev.bellman.env.classic.render;

import dev.bellman.env.classic.MountainCar;

import java.awt.Color;
import java.awt.image.BufferedImage;

/**
 * The picture both mountain cars share, after Gymnasium's {@code MountainCarEnv.render}: the hill
 * {@code y = 0.45 sin(3x) + 0.55} drawn through 100 points, a black 40×20-pixel car standing 10
 * pixels above the hill on two grey wheels and tilted by {@code cos(3x)} radians, and a yellow flag
 * on a 50-pixel pole at the goal.
 */
abstract class MountainCarScene<E> implements FrameRenderer<E> {

    /** Frame width, pixels. */
    public static final int WIDTH = 600;
    /** Frame height, pixels. */
    public static final int HEIGHT = 400;
    /** Pixels per unit of position: the frame's width over the track's {@code [-1.2, 0.6]}. */
    public static final double SCALE = WIDTH / (MountainCar.MAX_POSITION - MountainCar.MIN_POSITION);
    /** Colour of the hill. */
    public static final Color HILL_COLOR = new Color(0, 0, 0);
    /** Colour of the car's body. */
    public static final Color CAR_COLOR = new Color(0, 0, 0);
    /** Colour of the wheels. */
    public static final Color WHEEL_COLOR = new Color(128, 128, 128);
    /** Colour of the flag. */
    public static final Color FLAG_COLOR = new Color(204, 204, 0);

    private static final int HILL_POINTS = 100;
    private static final double CAR_WIDTH = 40;
    private static final double CAR_HEIGHT = 20;
    private static final double CLEARANCE = 10;
    private static final int WHEEL_RADIUS = (int) (CAR_HEIGHT / 2.5);
    private static final int FLAG_POLE_HEIGHT = 50;

    /** @return the car's position in the environment's current state */
    abstract double position(E environment);

    /** @return the position of the flag */
    abstract double goalPosition();

    @Override
    public final int width() {
        return WIDTH;
    }

    @Override
    public final int height() {
        return HEIGHT;
    }

    /**
     * Draws the car at its current position and the flag at the goal.
     *
     * @throws IllegalArgumentException if an argument is {@code null} or {@code target} is not 600×400
     */
    @Override
    public final void render(E environment, BufferedImage target) {
        if (environment == null) {
            throw new IllegalArgumentException("environment is null; expected the environment to render");
        }
        draw(environment, target, position(environment), goalPosition());
    }

    /** The hill's height at {@code position}, in units of position (Gymnasium's {@code _height}). */
    static double hillHeight(double position) {
        return Math.sin(3 * position) * 0.45 + 0.55;
    }

    private static void draw(Object environment, BufferedImage target, double position, double goalPosition) {
        try (GymCanvas canvas = GymCanvas.open(environment, target, WIDTH, HEIGHT)) {
            double[] xs = new double[HILL_POINTS];
            double[] ys = new double[HILL_POINTS];
            double step = (MountainCar.MAX_POSITION - MountainCar.MIN_POSITION) / (HILL_POINTS - 1);
            for (int i = 0; i < HILL_POINTS; i++) {
                double x = MountainCar.MIN_POSITION + i * step;
                xs[i] = (x - MountainCar.MIN_POSITION) * SCALE;
                ys[i] = hillHeight(x) * SCALE;
            }
            canvas.drawPolyline(xs, ys, HILL_COLOR);

            double carX = (position - MountainCar.MIN_POSITION) * SCALE;
            double carY = CLEARANCE + hillHeight(position) * SCALE;
            // Gymnasium tilts the car by cos(3x), the hill's slope angle up to a constant factor.
            double tilt = Math.cos(3 * position);
            canvas.fillRotatedRectangle(-CAR_WIDTH / 2, CAR_WIDTH / 2, CAR_HEIGHT, 0, tilt, carX, carY, CAR_COLOR);
            for (double wheelOffset : new double[] {CAR_WIDTH / 4, -CAR_WIDTH / 4}) {
                int wheelX = (int) (wheelOffset * Math.cos(tilt) + carX);
                int wheelY = (int) (wheelOffset * Math.sin(tilt) + carY);
                canvas.fillCircle(wheelX, wheelY, WHEEL_RADIUS, WHEEL_COLOR);
            }

            int flagX = (int) ((goalPosition - MountainCar.MIN_POSITION) * SCALE);
            int flagBottom = (int) (hillHeight(goalPosition) * SCALE);
            int flagTop = flagBottom + FLAG_POLE_HEIGHT;
            canvas.verticalLine(flagX, flagBottom, flagTop, HILL_COLOR);
            canvas.fillPolygon(new double[] {flagX, flagX, flagX + 25}, new double[] {flagTop, flagTop - 10, flagTop - 5},
                    FLAG_COLOR);
        }
    }
}
