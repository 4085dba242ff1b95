package dev.bellman.env.classic;

import dev.bellman.core.Step;
import dev.bellman.core.random.Pcg64;
import dev.bellman.core.space.BoxSpace;

import java.util.Arrays;

/**
 * Gymnasium's Pendulum-v1, step for step: a frictionless pendulum hanging from a pivot must be
 * swung up and held upright with a limited torque. This class is the raw environment: it never
 * terminates and never truncates (see {@link Environments#make(String)} for the 200-step limit).
 *
 * <ul>
 *   <li>State {@code [theta, thetaDot]} in double precision; {@code theta = 0} is upright and is
 *   never wrapped, so a spinning pendulum accumulates many radians.</li>
 *   <li>Observation {@code [cos theta, sin theta, thetaDot]}, each rounded to float32 and widened
 *   back to {@code double}.</li>
 *   <li>Action: a one-element torque array in {@code [-2, 2]}, treated as float32 as Gymnasium's
 *   {@code Box(-2, 2, (1,), float32)} is: the value is rounded to float32 and the torque terms
 *   {@code 3 u} and {@code 0.001 u^2} are computed in float32 arithmetic.</li>
 *   <li>Dynamics: {@code thetaDot' = clip(thetaDot + (3 g / 2 * sin theta + 3 u) * 0.05, ±8)},
 *   {@code theta' = theta + thetaDot' * 0.05}.</li>
 *   <li>Reward {@code -(norm(theta)^2 + 0.1 thetaDot^2 + 0.001 u^2)} on the state before the step,
 *   where {@code norm} maps an angle into {@code [-pi, pi)}; each reward lies in
 *   {@code [-16.2736044, 0]}.</li>
 *   <li>Reset: {@code theta} uniform in {@code [-pi, pi)}, then {@code thetaDot} uniform in
 *   {@code [-1, 1)}, from NumPy's PCG64 stream, so {@code reset(k)} equals Gymnasium's
 *   {@code reset(seed=k)}.</li>
 *   <li>{@code setState} keeps the values as given, as in Gymnasium: a speed beyond 8 is clipped
 *   only by the next step, so the first cost uses the unclipped speed.</li>
 * </ul>
 *
 * <p>Unlike Gymnasium, which silently clips an out-of-range torque, this class rejects any action
 * outside the action space (or NaN) with an {@link IllegalArgumentException}.
 */
public final class Pendulum extends ClassicControlEnvironment<double[]> {

    /** Speed limit of {@code thetaDot}, both directions. */
    public static final double MAX_SPEED = 8.0;
    /** Largest torque magnitude. */
    public static final double MAX_TORQUE = 2.0;
    /** Time step in seconds. */
    public static final double DT = 0.05;
    /** Default gravitational acceleration. */
    public static final double DEFAULT_GRAVITY = 10.0;
    /** Mass of the pendulum. */
    public static final double MASS = 1.0;
    /** Length of the pendulum. */
    public static final double LENGTH = 1.0;
    /** Default half-width of the reset range of {@code theta}. */
    public static final double DEFAULT_X_INIT = Math.PI;
    /** Default half-width of the reset range of {@code thetaDot}. */
    public static final double DEFAULT_Y_INIT = 1.0;

    private final double gravity;
    private final double gravityCoefficient;
    private final BoxSpace actionSpace = new BoxSpace(new double[] {-MAX_TORQUE}, new double[] {MAX_TORQUE});
    private final BoxSpace observationSpace = new BoxSpace(
            new double[] {-1.0, -1.0, (float) -MAX_SPEED},
            new double[] {1.0, 1.0, (float) MAX_SPEED});

    /** Pendulum-v1 as registered: {@code g = 10}. */
    public Pendulum() {
        this(DEFAULT_GRAVITY);
    }

    /**
     * @param gravity the gravitational acceleration (Gymnasium's {@code g})
     * @throws IllegalArgumentException if {@code gravity} is not finite
     */
    public Pendulum(double gravity) {
        super(2, "[theta, thetaDot]");
        if (!Double.isFinite(gravity)) {
            throw new IllegalArgumentException("gravity " + gravity + " is invalid; expected a finite number (default 10)");
        }
        this.gravity = gravity;
        this.gravityCoefficient = (3 * gravity) / (2 * LENGTH);
    }

    /** @return the gravitational acceleration */
    public double gravity() {
        return gravity;
    }

    /** The float32 box {@code [-1, 1] x [-1, 1] x [-8, 8]}. */
    @Override
    public BoxSpace observationSpace() {
        return observationSpace;
    }

    /** {@code Box(-2, 2, (1,))}: the torque. */
    @Override
    public BoxSpace actionSpace() {
        return actionSpace;
    }

    /**
     * Draws {@code theta} from {@code U(-pi, pi)} and then {@code thetaDot} from {@code U(-1, 1)},
     * continuing the stream (seeded with 0 if {@link #reset(long)} was never called).
     */
    @Override
    public double[] reset() {
        return reset(DEFAULT_X_INIT, DEFAULT_Y_INIT);
    }

    /**
     * As Gymnasium's {@code reset(options={"x_init": xInit, "y_init": yInit})}: {@code theta} uniform
     * in {@code [-xInit, xInit)}, then {@code thetaDot} uniform in {@code [-yInit, yInit)},
     * continuing the stream.
     *
     * @param xInit the half-width of the range of {@code theta}
     * @param yInit the half-width of the range of {@code thetaDot}
     * @return the first observation
     * @throws IllegalArgumentException if a half-width is negative or not finite
     */
    @Override
    public double[] reset(double xInit, double yInit) {
        return begin(xInit, yInit);
    }

    @Override
    void drawInitialState(Pcg64 rng, double xInit, double yInit) {
        state[0] = rng.uniform(-xInit, xInit);
        state[1] = rng.uniform(-yInit, yInit);
    }

    @Override
    void checkResetOptions(double xInit, double yInit) {
        if (!(xInit >= 0) || !(yInit >= 0) || !Double.isFinite(xInit) || !Double.isFinite(yInit)) {
            throw new IllegalArgumentException("reset half-widths xInit = " + xInit + ", yInit = " + yInit
                    + " are invalid; expected finite, non-negative numbers");
        }
    }

    /**
     * One step of the dynamics, in Gymnasium's operation order with a float32 torque.
     *
     * @param action {@code [torque]}, with the torque in {@code [-2, 2]}; it is rounded to float32
     * @throws IllegalArgumentException if the action is null, not of length 1, NaN or outside
     *                                  {@code [-2, 2]} (Gymnasium would clip it; this class refuses)
     * @throws IllegalStateException    before the first reset
     */
    @Override
    public Step<double[]> step(double[] action) {
        requireSteppable();
        float u = requireAction(action);
        double theta = state[0];
        double thetaDot = state[1];
        double angle = normalizeAngle(theta);
        double torqueCost = 0.001f * (u * u);
        double cost = (angle * angle + 0.1 * (thetaDot * thetaDot)) + torqueCost;
        double torqueTerm = 3f * u;
        double newThetaDot = thetaDot + ((gravityCoefficient * Math.sin(theta)) + torqueTerm) * DT;
        newThetaDot = Math.min(Math.max(newThetaDot, -MAX_SPEED), MAX_SPEED);
        state[0] = theta + newThetaDot * DT;
        state[1] = newThetaDot;
        return new Step<>(observation(), -cost, false, false);
    }

    private float requireAction(double[] action) {
        if (action == null || action.length != 1) {
            throw new IllegalArgumentException("action " + (action == null ? "null" : Arrays.toString(action))
                    + " is not in the action space " + actionSpace + "; expected one torque value");
        }
        double a = action[0];
        if (!(a >= -MAX_TORQUE && a <= MAX_TORQUE)) {
            throw new IllegalArgumentException("action " + Arrays.toString(action) + " is not in the action space "
                    + actionSpace + "; expected a torque in [-2, 2] (out-of-range torques are not clipped)");
        }
        return (float) a;
    }

    /** {@code ((x + pi) mod 2 pi) - pi} with a floored modulo, as NumPy: a value in {@code [-pi, pi)}. */
    static double normalizeAngle(double x) {
        double m = (x + Math.PI) % (2 * Math.PI);
        if (m != 0 && m < 0) {
            m += 2 * Math.PI;
        }
        return m - Math.PI;
    }

    /** @return the observation Gymnasium gives for the current state: {@code [cos, sin, thetaDot]} as float32 */
    @Override
    public double[] observation() {
        return new double[] {(float) Math.cos(state[0]), (float) Math.sin(state[0]), (float) state[1]};
    }

    @Override
    public String toString() {
        return "Pendulum(g=" + gravity + ")";
    }
}
