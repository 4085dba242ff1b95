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
 * A wrapper that maps every action through {@link #action(Object)} before passing it to the inner
 * environment; observations, rewards, flags and info pass unchanged. Subclasses define the new
 * {@link #actionSpace()} and reject actions outside it.
 *
 * @param <O> the observation type (unchanged)
 * @param <A> the action type this wrapper accepts
 * @param <I> the action type of the inner environment
 */
public abstract class ActionWrapper<O, A, I> implements Environment<O, A>, Checkpointable {

    /** The wrapped environment. */
    protected final Environment<O, I> env;

    /**
     * @param env the environment to wrap
     * @throws NullPointerException if {@code env} is {@code null}
     */
    protected ActionWrapper(Environment<O, I> env) {
        this.env = Objects.requireNonNull(env, "the wrapped environment must not be null");
    }

    /**
     * Maps one action of this wrapper's action space to an action of the inner environment.
     *
     * @param action an action of this wrapper
     * @return the inner environment's action
     * @throws IllegalArgumentException if {@code action} is outside {@link #actionSpace()}
     */
    protected abstract I action(A action);

    /** @return the wrapped environment */
    public Environment<O, I> inner() {
        return env;
    }

    @Override
    public Space<O> observationSpace() {
        return env.observationSpace();
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
        return env.step(action(action));
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
