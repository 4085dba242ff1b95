package dev.bellman.env.classic;

import dev.bellman.core.Step;
import dev.bellman.core.checkpoint.StateReader;
import dev.bellman.core.checkpoint.StateWriter;
import dev.bellman.core.random.Pcg64;
import dev.bellman.core.space.BoxSpace;

import java.io.IOException;
import java.util.Arrays;

/**
 * Gymnasium's MountainCarContinuous-v0, step for step: the mountain car of {@link MountainCar}
 * driven by a continuous force, rewarded 100 at the flag ({@code x = 0.45}) and charged
 * {@code 0.1 a^2} per step. This class is the raw environment: it never truncates (see
 * {@link Environments#make(String)} for the 999-step limit).
 *
 * <ul>
 *   <li>State {@code [position, velocity]}. As in Gymnasium it is float64 after a reset and float32
 *   after every step, and the precision of each operation follows NumPy 2's promotion rules
 *   (SPECS.md §3), so states, rewards and the goal test match Gymnasium bit for bit.</li>
 *   <li>Observation: the state rounded to float32 and widened back to {@code double}.</li>
 *   <li>Action: a one-element force array in {@code [-1, 1]}, treated as float32 as Gymnasium's
 *   {@code Box(-1, 1, (1,), float32)} is: the value is rounded to float32.</li>
 *   <li>Dynamics: {@code v' = clip(v + a * 0.0015 - 0.0025 cos(3 p), ±0.07)},
 *   {@code p' = clip(p + v', -1.2, 0.6)}; at the left wall a car moving left stops.</li>
 *   <li>Reward {@code (100 if terminated else 0) - 0.1 a^2}. Terminates when {@code p' >= 0.45}
 *   and {@code v' >= goalVelocity} (0 by default), compared in the state's precision.</li>
 *   <li>Reset: position uniform in {@code [-0.6, -0.4)} from NumPy's PCG64 stream, velocity 0, so
 *   {@code reset(k)} equals Gymnasium's {@code reset(seed=k)}.</li>
 * </ul>
 *
 * <p>Unlike Gymnasium, which silently clips an out-of-range force (while charging the unclipped
 * one), this class rejects any action outside the action space (or NaN) with an
 * {@link IllegalArgumentException}.
 */
public final class ContinuousMountainCar extends MountainCarTrack<double[]> {

    /** Position of the flag. */
    public static final double GOAL_POSITION = 0.45;
    /** Velocity change per step and unit of force. */
    public static final double POWER = 0.0015;
    /** Gravity coefficient of the {@code cos(3 p)} slope term. */
    public static final double GRAVITY = 0.0025;
    /** Smallest force. */
    public static final double MIN_ACTION = -1.0;
    /** Largest force. */
    public static final double MAX_ACTION = 1.0;

    private final BoxSpace actionSpace = new BoxSpace(new double[] {MIN_ACTION}, new double[] {MAX_ACTION});

    /** Whether the state is float32-typed (after a step, or set from float values). */
    private boolean float32State;

    /** MountainCarContinuous-v0 as registered: goal velocity 0. */
    public ContinuousMountainCar() {
        this(0.0);
    }

    /**
     * @param goalVelocity the least velocity at the flag that counts as success (Gymnasium's
     *                     {@code goal_velocity})
     * @throws IllegalArgumentException if {@code goalVelocity} is NaN
     */
    public ContinuousMountainCar(double goalVelocity) {
        super(goalVelocity);
    }

    /** {@code Box(-1, 1, (1,))}: the force. */
    @Override
    public BoxSpace actionSpace() {
        return actionSpace;
    }

    @Override
    void drawInitialState(Pcg64 rng, double low, double high) {
        super.drawInitialState(rng, low, high);
        // Gymnasium's reset state is float64; only a step makes it float32.
        float32State = false;
    }

    /** Precision of an intermediate value, as NumPy 2 types it. */
    private enum Kind {
        /** float64. */
        DOUBLE,
        /** float32. */
        FLOAT,
        /** A Python float constant assigned by a clip. */
        CONSTANT
    }

    /**
     * One step of the dynamics, with Gymnasium's operation order and NumPy 2's precision rules for a
     * float32 action.
     *
     * @param action {@code [force]}, with the force in {@code [-1, 1]}; it is rounded to float32
     * @throws IllegalArgumentException if the action is null, not of length 1, NaN or outside
     *                                  {@code [-1, 1]} (Gymnasium would clip it; this class refuses)
     * @throws IllegalStateException    before the first reset or after termination
     */
    @Override
    public Step<double[]> step(double[] action) {
        requireSteppable();
        float a = requireAction(action);
        double position = state[0];
        double velocity = state[1];
        boolean s32 = float32State;
        double c = Math.cos(s32 ? 3f * (float) position : 3 * position);
        float increment = a * (float) POWER - (float) (GRAVITY * c);

        double v;
        Kind vKind;
        if (s32) {
            v = (float) velocity + increment;
            vKind = Kind.FLOAT;
        } else {
            v = velocity + increment;
            vKind = Kind.DOUBLE;
        }
        double speedLimit = vKind == Kind.FLOAT ? (float) MAX_SPEED : MAX_SPEED;
        if (v > speedLimit) {
            v = MAX_SPEED;
            vKind = Kind.CONSTANT;
        }
        if (v < -speedLimit) {
            v = -MAX_SPEED;
            vKind = Kind.CONSTANT;
        }

        double p;
        Kind pKind;
        if (s32) {
            p = (float) position + (float) v;
            pKind = Kind.FLOAT;
        } else {
            p = position + v;
            pKind = Kind.DOUBLE;
        }
        double upper = pKind == Kind.FLOAT ? (float) MAX_POSITION : MAX_POSITION;
        double lower = pKind == Kind.FLOAT ? (float) MIN_POSITION : MIN_POSITION;
        if (p > upper) {
            p = MAX_POSITION;
            pKind = Kind.CONSTANT;
        }
        if (p < lower) {
            p = MIN_POSITION;
            pKind = Kind.CONSTANT;
        }
        if (p == (pKind == Kind.FLOAT ? (float) MIN_POSITION : MIN_POSITION) && v < 0) {
            v = 0.0;
            vKind = Kind.CONSTANT;
        }

        double goal = pKind == Kind.FLOAT ? (float) GOAL_POSITION : GOAL_POSITION;
        double goalSpeed = vKind == Kind.FLOAT ? (float) goalVelocity : goalVelocity;
        terminated = p >= goal && v >= goalSpeed;
        double reward = (terminated ? 100.0 : 0.0) - ((double) a * a) * 0.1;
        state[0] = (float) p;
        state[1] = (float) v;
        float32State = true;
        return new Step<>(observation(), reward, terminated, false);
    }

    private float requireAction(double[] action) {
        if (action == null || action.length != 1) {
            throw new IllegalArgumentException("action " + (action == null ? "null" : Arrays.toString(action))
                    + " is not in the action space " + actionSpace + "; expected one force value");
        }
        double a = action[0];
        if (!(a >= MIN_ACTION && a <= MAX_ACTION)) {
            throw new IllegalArgumentException("action " + Arrays.toString(action) + " is not in the action space "
                    + actionSpace + "; expected a force in [-1, 1] (out-of-range forces are not clipped)");
        }
        return (float) a;
    }

    /**
     * @return whether the internal state is float32-typed, as Gymnasium's is after every step (and
     *         not after a reset)
     */
    public boolean stateIsFloat32() {
        return float32State;
    }

    /**
     * Replaces the internal state; the next {@link #step} starts from it (even if the episode had
     * terminated: the termination flag is cleared). The state is taken as float32 exactly when both
     * components are exactly representable as floats (as after a Gymnasium step), else as float64
     * (as after a Gymnasium reset); the precision changes how the next step rounds. Values outside
     * the track or speed limits are kept as given, as in Gymnasium.
     *
     * @param newState {@code [position, velocity]}
     * @throws IllegalArgumentException if the length is not 2 or a component is NaN
     * @throws IllegalStateException    before the first reset
     */
    @Override
    public void setState(double[] newState) {
        super.setState(newState);
        float32State = (float) state[0] == state[0] && (float) state[1] == state[1];
    }

    @Override
    public String toString() {
        return "ContinuousMountainCar(goalVelocity=" + goalVelocity + ")";
    }

    /** Adds whether the state is held in float32, as after a float32 action, to the shared state. */
    @Override
    public void writeState(StateWriter out) throws IOException {
        super.writeState(out);
        out.writeBoolean(float32State);
    }

    /** Restores what {@link #writeState} wrote. */
    @Override
    public void readState(StateReader in) throws IOException {
        super.readState(in);
        float32State = in.readBoolean();
    }
}
