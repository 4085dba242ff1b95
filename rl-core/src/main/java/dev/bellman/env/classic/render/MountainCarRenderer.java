package dev.bellman.env.classic.render;

import dev.bellman.env.classic.MountainCar;

import java.awt.Color;
import java.awt.image.BufferedImage;

/**
 * Draws {@link MountainCar} as Gymnasium does: a 600×400 white frame with the hill
 * {@code y = 0.45 sin(3x) + 0.55} in black, a black 40×20-pixel car with two grey wheels standing
 * 10 pixels above the hill and tilted by {@code cos(3x)} radians, and a yellow flag on a 50-pixel
 * pole at {@link MountainCar#GOAL_POSITION}. Position {@code x} maps to column
 * {@code (x + 1.2) × SCALE} and height {@code y} to {@code y × SCALE} pixels above the bottom row.
 */
public final class MountainCarRenderer implements FrameRenderer<MountainCar> {

    /** Frame width, pixels. */
    public static final int WIDTH = MountainCarScene.WIDTH;
    /** Frame height, pixels. */
    public static final int HEIGHT = MountainCarScene.HEIGHT;
    /** Pixels per unit of position: 600 over the track's width 1.8. */
    public static final double SCALE = MountainCarScene.SCALE;
    /** Colour of the car's body and of the hill. */
    public static final Color CAR_COLOR = MountainCarScene.CAR_COLOR;
    /** Colour of the wheels. */
    public static final Color WHEEL_COLOR = MountainCarScene.WHEEL_COLOR;
    /** Colour of the flag. */
    public static final Color FLAG_COLOR = MountainCarScene.FLAG_COLOR;

    /** A renderer of Gymnasium's geometry; it holds no state, so one serves any number of cars. */
    public MountainCarRenderer() {
    }

    @Override
    public int width() {
        return WIDTH;
    }

    @Override
    public int height() {
        return HEIGHT;
    }

    /**
     * Draws the car at {@code state()[0]}.
     *
     * @throws IllegalArgumentException if an argument is {@code null} or {@code target} is not 600×400
     */
    @Override
    public void render(MountainCar environment, BufferedImage target) {
        if (environment == null) {
            throw new IllegalArgumentException("environment is null; expected the environment to render");
        }
        double position = environment.state()[0];
        MountainCarScene.draw(environment, target, position, MountainCar.GOAL_POSITION);
    }
}
