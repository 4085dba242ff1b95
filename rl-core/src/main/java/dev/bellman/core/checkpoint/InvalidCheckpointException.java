package dev.bellman.core.checkpoint;

import java.io.IOException;

/**
 * A checkpoint that cannot be loaded: not a Bellman checkpoint, an unsupported format version,
 * written by another algorithm or for another environment, truncated, corrupted, or made with
 * other settings or sizes than the object it is loaded into. The message says which.
 */
public final class InvalidCheckpointException extends IOException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, naming the file where it is known */
    public InvalidCheckpointException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong, naming the file where it is known
     * @param cause   the failure that revealed it
     */
    public InvalidCheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
