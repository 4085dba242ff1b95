package dev.bellman.core.wrappers;

import dev.bellman.core.Environment;
import dev.bellman.core.Step;
import dev.bellman.core.checkpoint.Checkpointable;
import dev.bellman.core.checkpoint.StateReader;
import dev.bellman.core.checkpoint.StateWriter;
import dev.bellman.core.space.Space;

import java.io.IOException;
import java.util.Objects;

/**
 * A wrapper that maps every observation of the inner environment, from {@code reset} and from
 * {@code step}, through {@link #observation(Object)}; rewards, flags and info pass unchanged.
 * Subclasses define the new {@link #observationSpace()}.
 *
 * @param <O> the observation type this wrapper returns
 * @param <A> the action type (unchanged)
 * @param <I> the observation type of the inner environment
 */
public abstract class ObservationWrapper<O, A, I> implements Environment<O, A>, Checkpointable {

    /** The wrapped environment. */
    protected final Environment<I, A> env;

    /**
     * @param env the environment to wrap
     * @throws NullPointerException if {@code env} is {@code null}
     */
    protected ObservationWrapper(Environment<I, A> env) {
        this.env = Objects.requireNonNull(env, "the wrapped environment must not be null");
    }

    /**
     * Maps one observation of the inner environment.
     *
     * @param observation an observation from the inner environment
     * @return the observation this wrapper returns
     */
    protected abstract O observation(I observation);

    /** @return the wrapped environment */
    public Environment<I, A> inner() {
        return env;
    }

    @Override
    public Space<A> actionSpace() {
        return env.actionSpace();
    }

    @Override
    public O reset(long seed) {
        return observation(env.reset(seed));
    }

    @Override
    public O reset() {
        return observation(env.reset());
    }

    @Override
    public Step<O> step(A action) {
        Step<I> step = env.step(action);
        return new Step<>(observation(step.observation()), step.reward(), step.terminated(), step.truncated(),
                step.info());
    }

    /** Closes the wrapped environment. */
    @Override
    public void close() {
        env.close();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "<" + env + ">";
    }

    /**
     * Writes the wrapped environment's state (and, in subclasses, the wrapper's own).
     *
     * @throws UnsupportedOperationException if the wrapped environment is not {@link Checkpointable}
     */
    @Override
    public void writeState(StateWriter out) throws IOException {
        InnerState.write(out, this, env);
    }

    /**
     * Restores what {@link #writeState} wrote.
     *
     * @throws UnsupportedOperationException if the wrapped environment is not {@link Checkpointable}
     */
    @Override
    public void readState(StateReader in) throws IOException {
        InnerState.read(in, this, env);
    }
}
