package dev.bellman.env.classic;

import dev.bellman.core.Environment;
import dev.bellman.core.checkpoint.Checkpointable;
import dev.bellman.core.checkpoint.InvalidCheckpointException;
import dev.bellman.core.checkpoint.StateReader;
import dev.bellman.core.checkpoint.StateWriter;
import dev.bellman.core.random.Pcg64;

import java.io.IOException;
import java.util.Arrays;

/**
 * What the classic-control environments share: a double-precision internal state, a PCG64 stream
 * reseeded as Gymnasium's {@code reset(seed=k)}, two-number reset options, the started/terminated
 * bookkeeping and the wording of misuse errors. The whole of it (state, stream, bookkeeping) goes
 * into a checkpoint, so a run resumes even in the middle of an episode.
 *
 * @param <A> the action type
 */
abstract class ClassicControlEnvironment<A> implements Environment<double[], A>, Checkpointable {

    /** The seed of the stream used when {@code reset()} comes before any {@code reset(seed)}. */
    private static final long DEFAULT_SEED = 0;

    /** The internal state, in the layout {@link #stateLayout} names. */
    final double[] state;
    private final String stateLayout;
    private Pcg64 rng = Pcg64.seeded(DEFAULT_SEED);
    private boolean started;
    /** Whether the episode reached a terminal state; stepping then needs a reset. */
    boolean terminated;

    ClassicControlEnvironment(int stateLength, String stateLayout) {
        this.state = new double[stateLength];
        this.stateLayout = stateLayout;
    }

    /** As Gymnasium's {@code reset(seed=seed)}: reseeds the PCG64 stream, then {@link #reset()}. */
    @Override
    public final double[] reset(long seed) {
        rng = Pcg64.seeded(seed);
        return reset();
    }

    /**
     * As Gymnasium's {@code reset(seed=seed, options=...)} with this environment's two reset options:
     * reseeds the PCG64 stream, then {@link #reset(double, double)}.
     *
     * @param seed   the seed of the new PCG64 stream
     * @param first  the first reset option (see {@link #reset(double, double)})
     * @param second the second reset option
     * @return the first observation
     * @throws IllegalArgumentException if the options are invalid, as {@link #reset(double, double)} says
     */
    public final double[] reset(long seed, double first, double second) {
        checkResetOptions(first, second);
        rng = Pcg64.seeded(seed);
        return reset(first, second);
    }

    /**
     * As Gymnasium's {@code reset(options=...)} with this environment's two reset options,
     * continuing the stream.
     *
     * @param first  the first reset option
     * @param second the second reset option
     * @return the first observation
     * @throws IllegalArgumentException if the options are invalid
     */
    public abstract double[] reset(double first, double second);

    /** Checks the options, draws the initial state from the stream and starts a new episode. */
    final double[] begin(double first, double second) {
        checkResetOptions(first, second);
        drawInitialState(rng, first, second);
        started = true;
        terminated = false;
        return observation();
    }

    /** Rejects invalid reset options; by default Gymnasium's check of {@code low}/{@code high} bounds. */
    void checkResetOptions(double low, double high) {
        if (!Double.isFinite(low) || !Double.isFinite(high) || low > high) {
            throw new IllegalArgumentException("reset bounds low = " + low + ", high = " + high
                    + " are invalid; expected finite bounds with low <= high");
        }
    }

    /** Writes the initial state into {@link #state}, drawing from {@code rng} in Gymnasium's order. */
    abstract void drawInitialState(Pcg64 rng, double first, double second);

    /** @throws IllegalStateException before the first reset or after termination */
    final void requireSteppable() {
        if (!started) {
            throw notStarted("step");
        }
        if (terminated) {
            throw new IllegalStateException("step called after the episode terminated in state "
                    + Arrays.toString(state) + "; call reset() first");
        }
    }

    /** @return a copy of the internal double state, in the layout the class documents */
    public double[] state() {
        return state.clone();
    }

    /**
     * Replaces the internal state; the next step starts from it (even if the episode had
     * terminated: the termination flag is cleared, as stepping resumes from a new state). Values
     * outside the usual ranges are kept as given, as in Gymnasium.
     *
     * @param newState the state, in the layout the class documents
     * @throws IllegalArgumentException if the length is wrong or a component is NaN
     * @throws IllegalStateException    before the first reset
     */
    public void setState(double[] newState) {
        if (!started) {
            throw notStarted("setState");
        }
        if (newState == null) {
            throw new IllegalArgumentException("state is null; expected " + state.length + " values " + stateLayout);
        }
        if (newState.length != state.length) {
            throw new IllegalArgumentException("state " + Arrays.toString(newState) + " has length " + newState.length
                    + "; expected " + state.length + " values " + stateLayout);
        }
        for (int i = 0; i < state.length; i++) {
            if (Double.isNaN(newState[i])) {
                throw new IllegalArgumentException("state " + Arrays.toString(newState) + " has NaN at index " + i
                        + "; expected numbers " + stateLayout);
            }
        }
        System.arraycopy(newState, 0, state, 0, state.length);
        terminated = false;
    }

    /** @return the observation Gymnasium gives for the current state, float32 values widened to double */
    public abstract double[] observation();

    /** Writes the internal state, the PCG64 stream's state and the episode bookkeeping. */
    @Override
    public void writeState(StateWriter out) throws IOException {
        out.section(getClass().getSimpleName());
        out.writeDoubles(state);
        out.writeLongs(rng.state());
        out.writeBoolean(started);
        out.writeBoolean(terminated);
    }

    /**
     * Restores what {@link #writeState} wrote.
     *
     * @throws InvalidCheckpointException if the state is of another environment or its stream state is invalid
     */
    @Override
    public void readState(StateReader in) throws IOException {
        in.section(getClass().getSimpleName());
        in.readDoubles(state, "state values");
        long[] stream = new long[4];
        in.readLongs(stream, "PCG64 state words");
        try {
            rng = Pcg64.fromState(stream);
        } catch (IllegalArgumentException invalid) {
            throw new InvalidCheckpointException(getClass().getSimpleName() + ": " + invalid.getMessage(), invalid);
        }
        started = in.readBoolean();
        terminated = in.readBoolean();
    }

    /** The error for {@code call} made before the first reset. */
    static IllegalStateException notStarted(String call) {
        return new IllegalStateException(call + " called before reset; call reset(seed) first");
    }
}
