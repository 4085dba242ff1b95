package dev.bellman.env.classic;

import dev.bellman.core.Step;
import dev.bellman.core.random.Pcg64;
import dev.bellman.core.space.BoxSpace;
import dev.bellman.core.space.DiscreteSpace;

/**
 * Gymnasium's CartPole-v1 (Barto, Sutton &amp; Anderson 1983), step for step: a pole hinged on a
 * cart that is pushed left or right with a force of 10 N; the episode terminates when the cart
 * leaves {@code [-2.4, 2.4]} or the pole leans more than 12° from upright. This class is the raw
 * environment: it never truncates (see {@link Environments#make(String)} for the 500-step limit).
 *
 * <ul>
 *   <li>State {@code [x, xDot, theta, thetaDot]} in double precision, {@code theta = 0} upright.</li>
 *   <li>Observation: the state rounded to float32 and widened back to {@code double}, as
 *   Gymnasium's float32 observations.</li>
 *   <li>Actions {@code 0} (push left, −10 N) and {@code 1} (push right, +10 N).</li>
 *   <li>Reward {@code +1} every step, the terminating one included; or, with the Sutton–Barto
 *   variant, {@code 0} per step and {@code -1} on termination.</li>
 *   <li>Reset: each state component uniform in {@code [-0.05, 0.05)} from NumPy's PCG64 stream,
 *   so {@code reset(k)} equals Gymnasium's {@code reset(seed=k)}.</li>
 * </ul>
 * Termination is tested on the double state with strict inequalities, never on the observation.
 */
public final class CartPole extends ClassicControlEnvironment<Integer> {

    /** How positions are advanced each step. */
    public enum Integrator {
        /** Explicit Euler (Gymnasium's default {@code "euler"}): positions use the old velocities. */
        EULER,
        /** Semi-implicit Euler (any other {@code kinematics_integrator}): positions use the new velocities. */
        SEMI_IMPLICIT_EULER
    }

    /** Gravity, m/s². */
    public static final double GRAVITY = 9.8;
    /** Cart mass, kg. */
    public static final double MASS_CART = 1.0;
    /** Pole mass, kg. */
    public static final double MASS_POLE = 0.1;
    /** Half the pole's length, m. */
    public static final double LENGTH = 0.5;
    /** Magnitude of the push, N. */
    public static final double FORCE_MAG = 10.0;
    /** Seconds per step. */
    public static final double TAU = 0.02;
    /** Pole angle beyond which the episode terminates: 12° in radians. */
    public static final double THETA_THRESHOLD = 12 * 2 * Math.PI / 360;
    /** Cart position beyond which the episode terminates, m. */
    public static final double X_THRESHOLD = 2.4;
    /** Default bound of the uniform reset distribution, {@code ±0.05} on every component. */
    public static final double RESET_BOUND = 0.05;

    private static final double TOTAL_MASS = MASS_POLE + MASS_CART;
    private static final double POLEMASS_LENGTH = MASS_POLE * LENGTH;
    private static final double FOUR_THIRDS = 4.0 / 3.0;

    private final boolean suttonBartoReward;
    private final Integrator integrator;
    private final DiscreteSpace actionSpace = new DiscreteSpace(2);
    private final BoxSpace observationSpace;

    /** CartPole-v1 as registered: +1 rewards, explicit Euler. */
    public CartPole() {
        this(false, Integrator.EULER);
    }

    /**
     * @param suttonBartoReward {@code true} for Gymnasium's {@code sutton_barto_reward=True}: reward 0
     *                          per step and −1 on termination
     * @param integrator        the integrator (Gymnasium's {@code kinematics_integrator})
     * @throws IllegalArgumentException if {@code integrator} is null
     */
    public CartPole(boolean suttonBartoReward, Integrator integrator) {
        super(4, "[x, xDot, theta, thetaDot]");
        if (integrator == null) {
            throw new IllegalArgumentException("integrator is null; expected EULER or SEMI_IMPLICIT_EULER");
        }
        this.suttonBartoReward = suttonBartoReward;
        this.integrator = integrator;
        double xHigh = (float) (X_THRESHOLD * 2);
        double thetaHigh = (float) (THETA_THRESHOLD * 2);
        double inf = Double.POSITIVE_INFINITY;
        this.observationSpace = new BoxSpace(new double[] {-xHigh, -inf, -thetaHigh, -inf},
                new double[] {xHigh, inf, thetaHigh, inf});
    }

    /** @return {@code true} if rewards follow Sutton &amp; Barto (0 per step, −1 on failure) */
    public boolean suttonBartoReward() {
        return suttonBartoReward;
    }

    /** @return the integrator */
    public Integrator integrator() {
        return integrator;
    }

    /**
     * The float32 box of Gymnasium: {@code ±[4.8, inf, 24°, inf]}, each bound rounded to float32.
     */
    @Override
    public BoxSpace observationSpace() {
        return observationSpace;
    }

    /** {@code Discrete(2)}: 0 pushes left, 1 pushes right. */
    @Override
    public DiscreteSpace actionSpace() {
        return actionSpace;
    }

    /**
     * Draws the four state components from {@code U(-0.05, 0.05)}, in order, continuing the stream
     * (seeded with 0 if {@link #reset(long)} was never called).
     */
    @Override
    public double[] reset() {
        return reset(-RESET_BOUND, RESET_BOUND);
    }

    /**
     * As Gymnasium's {@code reset(options={"low": low, "high": high})}: each component uniform in
     * {@code [low, high)}, continuing the stream.
     *
     * @param low  the lower bound of each component
     * @param high the upper bound of each component
     * @return the first observation
     * @throws IllegalArgumentException if {@code low > high} or a bound is not finite
     */
    @Override
    public double[] reset(double low, double high) {
        return begin(low, high);
    }

    @Override
    void drawInitialState(Pcg64 rng, double low, double high) {
        for (int i = 0; i < 4; i++) {
            state[i] = rng.uniform(low, high);
        }
    }

    /**
     * One step of the dynamics, in Gymnasium's operation order.
     *
     * @param action 0 (push left) or 1 (push right)
     * @throws IllegalArgumentException if the action is not 0 or 1
     * @throws IllegalStateException    before the first reset or after termination
     */
    @Override
    public Step<double[]> step(Integer action) {
        requireSteppable();
        int a = actionSpace.require(action, "action");
        advance(a == 1 ? FORCE_MAG : -FORCE_MAG);
        double x = state[0];
        double theta = state[2];
        terminated = x < -X_THRESHOLD || x > X_THRESHOLD
                || theta < -THETA_THRESHOLD || theta > THETA_THRESHOLD;
        double reward;
        if (suttonBartoReward) {
            reward = terminated ? -1.0 : 0.0;
        } else {
            reward = 1.0;
        }
        return new Step<>(observation(), reward, terminated, false);
    }

    /**
     * Integrates one {@link #TAU} of the dynamics under {@code force}. Kept apart from
     * {@link #step} so that {@code step} stays small enough for the JIT to inline into a training
     * loop, which lets it drop the {@code Step} record's allocation.
     */
    private void advance(double force) {
        double x = state[0];
        double xDot = state[1];
        double theta = state[2];
        double thetaDot = state[3];
        double c = Math.cos(theta);
        double s = Math.sin(theta);
        double temp = (force + POLEMASS_LENGTH * (thetaDot * thetaDot) * s) / TOTAL_MASS;
        double thetaAcc = (GRAVITY * s - c * temp)
                / (LENGTH * (FOUR_THIRDS - MASS_POLE * (c * c) / TOTAL_MASS));
        double xAcc = temp - POLEMASS_LENGTH * thetaAcc * c / TOTAL_MASS;
        if (integrator == Integrator.EULER) {
            x = x + TAU * xDot;
            xDot = xDot + TAU * xAcc;
            theta = theta + TAU * thetaDot;
            thetaDot = thetaDot + TAU * thetaAcc;
        } else {
            xDot = xDot + TAU * xAcc;
            x = x + TAU * xDot;
            thetaDot = thetaDot + TAU * thetaAcc;
            theta = theta + TAU * thetaDot;
        }
        state[0] = x;
        state[1] = xDot;
        state[2] = theta;
        state[3] = thetaDot;
    }

    /** @return the observation Gymnasium gives for the current state: each component as float32 */
    @Override
    public double[] observation() {
        return new double[] {(float) state[0], (float) state[1], (float) state[2], (float) state[3]};
    }

    @Override
    public String toString() {
        return "CartPole(suttonBartoReward=" + suttonBartoReward + ", integrator=" + integrator + ")";
    }
}
