package dev.bellman.env.classic;

import dev.bellman.core.Step;
import dev.bellman.core.space.DiscreteSpace;

/**
 * Gymnasium's MountainCar-v0 (Moore 1990; Sutton &amp; Barto Example 10.1), step for step: an
 * under-powered car in a valley must rock back and forth to reach the flag at {@code x = 0.5}. This
 * class is the raw environment: it never truncates (see {@link Environments#make(String)} for the
 * 200-step limit).
 *
 * <ul>
 *   <li>State {@code [position, velocity]} in double precision; position in {@code [-1.2, 0.6]},
 *   velocity in {@code [-0.07, 0.07]}.</li>
 *   <li>Observation: the state rounded to float32 and widened back to {@code double}.</li>
 *   <li>Actions {@code 0} (accelerate left), {@code 1} (coast), {@code 2} (accelerate right).</li>
 *   <li>Dynamics: {@code v' = clip(v + ((a - 1) * 0.001 + cos(3 p) * -0.0025), ±0.07)},
 *   {@code p' = clip(p + v', -1.2, 0.6)}; hitting the left wall while moving left stops the car.</li>
 *   <li>Reward {@code -1} every step. Terminates when {@code p' >= 0.5} and
 *   {@code v' >= goalVelocity} (0 by default), tested on the double state.</li>
 *   <li>Reset: position uniform in {@code [-0.6, -0.4)} from NumPy's PCG64 stream, velocity 0, so
 *   {@code reset(k)} equals Gymnasium's {@code reset(seed=k)}.</li>
 * </ul>
 */
public final class MountainCar extends MountainCarTrack<Integer> {

    /** Position of the flag. */
    public static final double GOAL_POSITION = 0.5;
    /** Velocity change per step of full throttle. */
    public static final double FORCE = 0.001;
    /** Gravity coefficient of the {@code cos(3 p)} slope term. */
    public static final double GRAVITY = 0.0025;

    private final DiscreteSpace actionSpace = new DiscreteSpace(3);

    /** MountainCar-v0 as registered: goal velocity 0. */
    public MountainCar() {
        this(0.0);
    }

    /**
     * @param goalVelocity the least velocity at the flag that counts as success (Gymnasium's
     *                     {@code goal_velocity})
     * @throws IllegalArgumentException if {@code goalVelocity} is NaN
     */
    public MountainCar(double goalVelocity) {
        super(goalVelocity);
    }

    /** {@code Discrete(3)}: 0 left, 1 coast, 2 right. */
    @Override
    public DiscreteSpace actionSpace() {
        return actionSpace;
    }

    /**
     * One step of the dynamics, in Gymnasium's operation order.
     *
     * @param action 0 (left), 1 (coast) or 2 (right)
     * @throws IllegalArgumentException if the action is not 0, 1 or 2
     * @throws IllegalStateException    before the first reset or after termination
     */
    @Override
    public Step<double[]> step(Integer action) {
        requireSteppable();
        int a = actionSpace.require(action, "action");
        double position = state[0];
        double velocity = state[1];
        double v = velocity + ((a - 1) * FORCE + Math.cos(3 * position) * -GRAVITY);
        v = Math.min(Math.max(v, -MAX_SPEED), MAX_SPEED);
        double p = position + v;
        p = Math.min(Math.max(p, MIN_POSITION), MAX_POSITION);
        if (p == MIN_POSITION && v < 0) {
            v = 0.0;
        }
        state[0] = p;
        state[1] = v;
        terminated = p >= GOAL_POSITION && v >= goalVelocity;
        return new Step<>(observation(), -1.0, terminated, false);
    }

    @Override
    public String toString() {
        return "MountainCar(goalVelocity=" + goalVelocity + ")";
    }
}
