package dev.bellman.env.classic.render;

import dev.bellman.env.classic.ContinuousMountainCar;

/**
 * Draws {@link ContinuousMountainCar} as Gymnasium does: a 600×400 white frame with the hill
 * {@code y = 0.45 sin(3x) + 0.55} in black, a black 40×20-pixel car with two grey wheels standing
 * 10 pixels above the hill and tilted by {@code cos(3x)} radians, and a yellow flag on a 50-pixel
 * pole at {@link ContinuousMountainCar#GOAL_POSITION}. Position {@code x} maps to column
 * {@code (x + 1.2) × SCALE} and height {@code y} to {@code y × SCALE} pixels above the bottom row.
 */
public final class ContinuousMountainCarRenderer extends MountainCarScene<ContinuousMountainCar> {

    /** A renderer of Gymnasium's geometry; it holds no state, so one serves any number of cars. */
    public ContinuousMountainCarRenderer() {
    }

    @Override
    double position(ContinuousMountainCar environment) {
        return environment.state()[0];
    }

    @Override
    double goalPosition() {
        return ContinuousMountainCar.GOAL_POSITION;
    }
}
