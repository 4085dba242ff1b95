package dev.bellman.env.classic;

import dev.bellman.core.Step;
import dev.bellman.core.random.Pcg64;
import dev.bellman.core.space.BoxSpace;
import dev.bellman.core.space.DiscreteSpace;

import java.util.Arrays;

/**
 * Gymnasium's Acrobot-v1 (Sutton 1996; Sutton &amp; Barto §11.3), step for step: two links hang
 * from a pivot and a torque on the joint between them must swing the tip above the height of one
 * link over the pivot. This class is the raw environment: it never truncates (see
 * {@link Environments#make(String)} for the 500-step limit).
 *
 * <ul>
 *   <li>State {@code [theta1, theta2, dtheta1, dtheta2]} in double precision; {@code theta1} is the
 *   angle of link 1 from straight down, {@code theta2} that of link 2 relative to link 1.</li>
 *   <li>Observation {@code [cos t1, sin t1, cos t2, sin t2, dt1, dt2]}, each rounded to float32 and
 *   widened back to {@code double}.</li>
 *   <li>Actions {@code 0}, {@code 1}, {@code 2}: torque {@code -1}, {@code 0}, {@code +1}.</li>
 *   <li>Dynamics: one classical Runge-Kutta step of 0.2 s of the equations of motion ("book" form
 *   by default, or the NeurIPS 1996 form); then the angles are wrapped into {@code [-pi, pi]} and
 *   the speeds clamped to {@code ±4 pi} and {@code ±9 pi}.</li>
 *   <li>Terminates when {@code -cos t1 - cos(t2 + t1) > 1}; reward {@code -1} per step and
 *   {@code 0} on the terminating step.</li>
 *   <li>Reset: four values uniform in {@code [-0.1, 0.1)} from NumPy's PCG64 stream, each rounded to
 *   float32 as Gymnasium does, so {@code reset(k)} equals Gymnasium's {@code reset(seed=k)}.</li>
 * </ul>
 */
public final class Acrobot extends ClassicControlEnvironment<Integer> {

    /** The equations of motion. */
    public enum Dynamics {
        /** Sutton &amp; Barto's book, Gymnasium's default ({@code book_or_nips = "book"}). */
        BOOK,
        /** The 1996 NeurIPS paper, without the {@code dtheta1^2} term ({@code "nips"}). */
        NIPS
    }

    /** Time step in seconds. */
    public static final double DT = 0.2;
    /** Length of link 1. */
    public static final double LINK_LENGTH_1 = 1.0;
    /** Length of link 2. */
    public static final double LINK_LENGTH_2 = 1.0;
    /** Mass of link 1. */
    public static final double LINK_MASS_1 = 1.0;
    /** Mass of link 2. */
    public static final double LINK_MASS_2 = 1.0;
    /** Position of the centre of mass of link 1. */
    public static final double LINK_COM_POS_1 = 0.5;
    /** Position of the centre of mass of link 2. */
    public static final double LINK_COM_POS_2 = 0.5;
    /** Moment of inertia of either link. */
    public static final double LINK_MOI = 1.0;
    /** Gravitational acceleration. */
    public static final double GRAVITY = 9.8;
    /** Speed limit of {@code dtheta1}. */
    public static final double MAX_VEL_1 = 4 * Math.PI;
    /** Speed limit of {@code dtheta2}. */
    public static final double MAX_VEL_2 = 9 * Math.PI;
    /** Default lower bound of each reset value. */
    public static final double RESET_LOW = -0.1;
    /** Default upper bound of each reset value. */
    public static final double RESET_HIGH = 0.1;

    private static final double[] TORQUES = {-1.0, 0.0, 1.0};

    private final Dynamics dynamics;
    // Scratch arrays of the Runge-Kutta step: (theta1, theta2, dtheta1, dtheta2, torque) and its
    // derivatives, reused so that a step allocates only its observation.
    private final double[] integrationStart = new double[5];
    private final double[] integrationEnd = new double[5];
    private final double[] probe = new double[5];
    private final double[] slope1 = new double[5];
    private final double[] slope2 = new double[5];
    private final double[] slope3 = new double[5];
    private final double[] slope4 = new double[5];
    private final DiscreteSpace actionSpace = new DiscreteSpace(3);
    private final BoxSpace observationSpace = new BoxSpace(
            new double[] {-1.0, -1.0, -1.0, -1.0, (float) -MAX_VEL_1, (float) -MAX_VEL_2},
            new double[] {1.0, 1.0, 1.0, 1.0, (float) MAX_VEL_1, (float) MAX_VEL_2});

    /** Acrobot-v1 as registered: the book dynamics. */
    public Acrobot() {
        this(Dynamics.BOOK);
    }

    /**
     * @param dynamics the equations of motion (Gymnasium's {@code book_or_nips})
     * @throws IllegalArgumentException if {@code dynamics} is null
     */
    public Acrobot(Dynamics dynamics) {
        super(4, "[theta1, theta2, dtheta1, dtheta2]");
        if (dynamics == null) {
            throw new IllegalArgumentException("dynamics is null; expected BOOK (default) or NIPS");
        }
        this.dynamics = dynamics;
    }

    /** @return the equations of motion */
    public Dynamics dynamics() {
        return dynamics;
    }

    /** The float32 box of the six observation components, bounds rounded to float32. */
    @Override
    public BoxSpace observationSpace() {
        return observationSpace;
    }

    /** {@code Discrete(3)}: 0 torque -1, 1 no torque, 2 torque +1. */
    @Override
    public DiscreteSpace actionSpace() {
        return actionSpace;
    }

    /**
     * Draws the four state values from {@code U(-0.1, 0.1)} in order, each rounded to float32
     * (continuing the stream, which is seeded with 0 if {@link #reset(long)} was never called).
     */
    @Override
    public double[] reset() {
        return reset(RESET_LOW, RESET_HIGH);
    }

    /**
     * As Gymnasium's {@code reset(options={"low": low, "high": high})}: four values uniform in
     * {@code [low, high)}, each rounded to float32, continuing the stream.
     *
     * @param low  the lower bound of each state value
     * @param high the upper bound of each state value
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
            state[i] = (float) rng.uniform(low, high);
        }
    }

    /**
     * One Runge-Kutta step of 0.2 s with constant torque, in Gymnasium's operation order.
     *
     * @param action 0 (torque -1), 1 (none) or 2 (torque +1)
     * @throws IllegalArgumentException if the action is not 0, 1 or 2
     * @throws IllegalStateException    before the first reset or after termination
     */
    @Override
    public Step<double[]> step(Integer action) {
        requireSteppable();
        int a = actionSpace.require(action, "action");
        double[] y = integrationStart;
        System.arraycopy(state, 0, y, 0, 4);
        y[4] = TORQUES[a];
        double[] next = rk4(y);
        state[0] = wrap(next[0]);
        state[1] = wrap(next[1]);
        state[2] = Math.min(Math.max(next[2], -MAX_VEL_1), MAX_VEL_1);
        state[3] = Math.min(Math.max(next[3], -MAX_VEL_2), MAX_VEL_2);
        terminated = -Math.cos(state[0]) - Math.cos(state[1] + state[0]) > 1.0;
        return new Step<>(observation(), terminated ? 0.0 : -1.0, terminated, false);
    }

    private double[] rk4(double[] y0) {
        double dt = DT - 0.0;
        double half = dt / 2.0;
        double[] k1 = derivatives(y0, slope1);
        double[] k2 = derivatives(axpy(y0, half, k1, probe), slope2);
        double[] k3 = derivatives(axpy(y0, half, k2, probe), slope3);
        double[] k4 = derivatives(axpy(y0, dt, k3, probe), slope4);
        double scale = dt / 6.0;
        double[] out = integrationEnd;
        for (int i = 0; i < y0.length; i++) {
            out[i] = y0[i] + scale * (((k1[i] + 2 * k2[i]) + 2 * k3[i]) + k4[i]);
        }
        return out;
    }

    /** {@code out = y + h k}, returned. */
    private static double[] axpy(double[] y, double h, double[] k, double[] out) {
        for (int i = 0; i < y.length; i++) {
            out[i] = y[i] + h * k[i];
        }
        return out;
    }

    /** The time derivative of {@code (t1, t2, dt1, dt2, tau)}, in Gymnasium's operation order, into {@code out}. */
    private double[] derivatives(double[] s, double[] out) {
        double m1 = LINK_MASS_1;
        double m2 = LINK_MASS_2;
        double l1 = LINK_LENGTH_1;
        double lc1 = LINK_COM_POS_1;
        double lc2 = LINK_COM_POS_2;
        double i1 = LINK_MOI;
        double i2 = LINK_MOI;
        double g = GRAVITY;
        double theta1 = s[0];
        double theta2 = s[1];
        double dtheta1 = s[2];
        double dtheta2 = s[3];
        double tau = s[4];
        double cos2 = Math.cos(theta2);
        double sin2 = Math.sin(theta2);
        double d1 = ((m1 * (lc1 * lc1) + m2 * ((l1 * l1 + lc2 * lc2) + ((2 * l1) * lc2) * cos2)) + i1) + i2;
        double d2 = m2 * (lc2 * lc2 + (l1 * lc2) * cos2) + i2;
        double phi2 = ((m2 * lc2) * g) * Math.cos((theta1 + theta2) - Math.PI / 2.0);
        double phi1 = ((((-m2 * l1) * lc2) * (dtheta2 * dtheta2)) * sin2
                - (((((2 * m2) * l1) * lc2) * dtheta2) * dtheta1) * sin2)
                + ((m1 * lc1 + m2 * l1) * g) * Math.cos(theta1 - Math.PI / 2) + phi2;
        double denominator = (m2 * (lc2 * lc2) + i2) - (d2 * d2) / d1;
        double ddtheta2;
        if (dynamics == Dynamics.NIPS) {
            ddtheta2 = ((tau + (d2 / d1) * phi1) - phi2) / denominator;
        } else {
            ddtheta2 = (((tau + (d2 / d1) * phi1) - (((m2 * l1) * lc2) * (dtheta1 * dtheta1)) * sin2) - phi2)
                    / denominator;
        }
        double ddtheta1 = -(d2 * ddtheta2 + phi1) / d1;
        out[0] = dtheta1;
        out[1] = dtheta2;
        out[2] = ddtheta1;
        out[3] = ddtheta2;
        out[4] = 0.0;
        return out;
    }

    /** Into {@code [-pi, pi]} by whole turns, as Gymnasium's {@code wrap}. */
    private static double wrap(double x) {
        double diff = Math.PI - -Math.PI;
        while (x > Math.PI) {
            x = x - diff;
        }
        while (x < -Math.PI) {
            x = x + diff;
        }
        return x;
    }

    /**
     * Replaces the internal state; the next {@link #step} starts from it (even if the episode had
     * terminated: the termination flag is cleared). Values are kept as given, as in Gymnasium:
     * angles are wrapped and speeds clamped only by the next step.
     *
     * @param newState {@code [theta1, theta2, dtheta1, dtheta2]}
     * @throws IllegalArgumentException if the length is not 4 or a component is NaN or infinite
     * @throws IllegalStateException    before the first reset
     */
    @Override
    public void setState(double[] newState) {
        for (int i = 0; newState != null && i < newState.length; i++) {
            if (Double.isInfinite(newState[i])) {
                throw new IllegalArgumentException("state " + Arrays.toString(newState) + " is infinite at index "
                        + i + "; expected finite numbers [theta1, theta2, dtheta1, dtheta2]");
            }
        }
        super.setState(newState);
    }

    /** @return the observation Gymnasium gives for the current state, each component as float32 */
    @Override
    public double[] observation() {
        return new double[] {(float) Math.cos(state[0]), (float) Math.sin(state[0]), (float) Math.cos(state[1]),
            (float) Math.sin(state[1]), (float) state[2], (float) state[3]};
    }

    @Override
    public String toString() {
        return "Acrobot(" + dynamics + ")";
    }
}
