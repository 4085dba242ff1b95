package dev.bellman.core.checkpoint;

import java.io.IOException;

/**
 * An object whose complete state can be written to a checkpoint and read back, so that a run
 * resumed from the checkpoint continues with exactly the numbers of the run that was never
 * stopped: learned parameters, optimizer moments, counters, schedules and the states of its random
 * generators.
 *
 * <p>{@link #readState} restores into an object built with the same configuration as the one that
 * wrote the state (the configuration itself is the caller's: constructor arguments are not part of
 * the state); implementations check what they can (sizes, settings) and throw
 * {@link InvalidCheckpointException} naming the difference.
 */
public interface Checkpointable {

    /**
     * Writes this object's complete state.
     *
     * @param out the checkpoint being written
     * @throws IOException if writing fails
     */
    void writeState(StateWriter out) throws IOException;

    /**
     * Replaces this object's state with the one {@link #writeState} wrote.
     *
     * @param in the checkpoint being read, positioned where {@link #writeState} began
     * @throws InvalidCheckpointException if the state does not fit this object (another size,
     *                                    other settings, another layout)
     * @throws IOException                if reading fails
     */
    void readState(StateReader in) throws IOException;
}
