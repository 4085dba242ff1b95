package dev.bellman.core.wrappers;

import dev.bellman.core.Environment;
import dev.bellman.core.Step;
import dev.bellman.core.checkpoint.StateReader;
import dev.bellman.core.checkpoint.StateWriter;

import java.io.IOException;

/**
 * Truncates episodes after a number of steps, as Gymnasium's {@code TimeLimit}: {@code reset} sets
 * the elapsed-step counter to 0, every {@code step} increments it, and the step that brings it to
 * {@code maxEpisodeSteps} (or beyond) returns {@code truncated = true}. A step that both reaches a
 * terminal state and hits the limit has {@code terminated} and {@code truncated} both {@code true}.
 * Stepping after the episode ended (for any reason) or before the first reset is an
 * {@link IllegalStateException}.
 *
 * @param <O> the observation type
 * @param <A> the action type
 */
public final class TimeLimit<O, A> extends Wrapper<O, A> {

    private final int maxEpisodeSteps;
    private int elapsedSteps;
    private boolean running;

    /**
     * @param env             the environment to limit
     * @param maxEpisodeSteps the number of steps after which an episode is truncated, at least 1
     * @throws IllegalArgumentException if {@code maxEpisodeSteps < 1}
     */
    public TimeLimit(Environment<O, A> env, int maxEpisodeSteps) {
        super(env);
        if (maxEpisodeSteps < 1) {
            throw new IllegalArgumentException("maxEpisodeSteps = " + maxEpisodeSteps + " must be at least 1");
        }
        this.maxEpisodeSteps = maxEpisodeSteps;
    }

    /** @return the number of steps after which an episode is truncated */
    public int maxEpisodeSteps() {
        return maxEpisodeSteps;
    }

    /** @return the steps taken since the last reset */
    public int elapsedSteps() {
        return elapsedSteps;
    }

    @Override
    public O reset(long seed) {
        O observation = env.reset(seed);
        start();
        return observation;
    }

    @Override
    public O reset() {
        O observation = env.reset();
        start();
        return observation;
    }

    private void start() {
        elapsedSteps = 0;
        running = true;
    }

    /**
     * Steps the inner environment and truncates once {@link #maxEpisodeSteps()} steps have elapsed.
     *
     * @throws IllegalStateException if no episode is running (never reset, or done)
     */
    @Override
    public Step<O> step(A action) {
        if (!running) {
            throw new IllegalStateException("step called " + (elapsedSteps == 0 ? "before reset" : "after the episode ended at step "
                    + elapsedSteps + " of the time limit " + maxEpisodeSteps) + "; call reset() first");
        }
        Step<O> step = env.step(action);
        elapsedSteps++;
        boolean truncated = step.truncated() || elapsedSteps >= maxEpisodeSteps;
        running = !(step.terminated() || truncated);
        if (truncated == step.truncated()) {
            return step;
        }
        return new Step<>(step.observation(), step.reward(), step.terminated(), true, step.info());
    }

    @Override
    public String toString() {
        return "TimeLimit(" + maxEpisodeSteps + ")<" + env + ">";
    }

    /** Writes the wrapped environment's state, then the steps taken in the episode. */
    @Override
    public void writeState(StateWriter out) throws IOException {
        super.writeState(out);
        out.writeInt(elapsedSteps);
        out.writeBoolean(running);
    }

    /** Restores what {@link #writeState} wrote. */
    @Override
    public void readState(StateReader in) throws IOException {
        super.readState(in);
        elapsedSteps = in.readInt();
        running = in.readBoolean();
    }
}
