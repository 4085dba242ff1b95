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
 * An environment that wraps another one of the same observation and action types, as Gymnasium's
 * {@code Wrapper}: every method delegates to the inner environment unless a subclass overrides it.
 * Wrappers that change the observation or action type extend {@link ObservationWrapper} or
 * {@link ActionWrapper} instead.
 *
 * @param <O> the observation type
 * @param <A> the action type
 */
public abstract class Wrapper<O, A> implements Environment<O, A>, Checkpointable {

    /** The wrapped environment. */
    protected final Environment<O, A> env;

    /**
     * @param env the environment to wrap
     * @throws NullPointerException if {@code env} is {@code null}
     */
    protected Wrapper(Environment<O, A> env) {
        this.env = Objects.requireNonNull(env, "the wrapped environment must not be null");
    }

    /** @return the wrapped environment */
    public Environment<O, A> inner() {
        return env;
    }

    @Override
    public Space<O> observationSpace() {
        return env.observationSpace();
    }

    @Override
    public Space<A> actionSpace() {
        return env.actionSpace();
    }

    @Override
    public O reset(long seed) {
        return env.reset(seed);
    }

    @Override
    public O reset() {
        return env.reset();
    }

    @Override
    public Step<O> step(A action) {
        return env.step(action);
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
