package dev.bellman.env.classic;

import dev.bellman.core.random.Pcg64;
import dev.bellman.core.space.BoxSpace;

/**
 * What both mountain cars share: the track {@code [-1.2, 0.6]}, the speed limit, the float32
 * observation box, the goal velocity and the reset (position uniform in {@code [-0.6, -0.4)},
 * velocity 0). Each subclass has its own goal position, actions and dynamics.
 *
 * @param <A> the action type
 */
abstract class MountainCarTrack<A> extends ClassicControlEnvironment<A> {

    /** Left end of the track. */
    public static final double MIN_POSITION = -1.2;
    /** Right end of the track. */
    public static final double MAX_POSITION = 0.6;
    /** Speed limit, both directions. */
    public static final double MAX_SPEED = 0.07;
    /** Default lower bound of the reset position. */
    public static final double RESET_LOW = -0.6;
    /** Default upper bound of the reset position. */
    public static final double RESET_HIGH = -0.4;

    /** The least velocity at the flag that terminates the episode. */
    final double goalVelocity;
    private final BoxSpace observationSpace = new BoxSpace(
            new double[] {(float) MIN_POSITION, (float) -MAX_SPEED},
            new double[] {(float) MAX_POSITION, (float) MAX_SPEED});

    /** @throws IllegalArgumentException if {@code goalVelocity} is NaN */
    MountainCarTrack(double goalVelocity) {
        super(2, "[position, velocity]");
        if (Double.isNaN(goalVelocity)) {
            throw new IllegalArgumentException("goalVelocity is NaN; expected a number (default 0)");
        }
        this.goalVelocity = goalVelocity;
    }

    /** @return the least velocity at the flag that terminates the episode (Gymnasium's {@code goal_velocity}) */
    public final double goalVelocity() {
        return goalVelocity;
    }

    /** The float32 box {@code [-1.2, 0.6] x [-0.07, 0.07]}, bounds rounded to float32. */
    @Override
    public final BoxSpace observationSpace() {
        return observationSpace;
    }

    /**
     * Draws the position from {@code U(-0.6, -0.4)} (one draw, continuing the stream, which is
     * seeded with 0 if {@link #reset(long)} was never called); the velocity is 0.
     */
    @Override
    public final double[] reset() {
        return reset(RESET_LOW, RESET_HIGH);
    }

    /**
     * As Gymnasium's {@code reset(options={"low": low, "high": high})}: position uniform in
     * {@code [low, high)}, continuing the stream; velocity 0.
     *
     * @param low  the lower bound of the position
     * @param high the upper bound of the position
     * @return the first observation
     * @throws IllegalArgumentException if {@code low > high} or a bound is not finite
     */
    @Override
    public final double[] reset(double low, double high) {
        return begin(low, high);
    }

    @Override
    void drawInitialState(Pcg64 rng, double low, double high) {
        state[0] = rng.uniform(low, high);
        state[1] = 0.0;
    }

    /** @return the observation Gymnasium gives for the current state: each component as float32 */
    @Override
    public final double[] observation() {
        return new double[] {(float) state[0], (float) state[1]};
    }
}
