package dev.bellman.deep.nn;

import java.io.IOException;

/**
 * A model file that {@link ModelFiles} cannot read: wrong magic number, unknown format version,
 * truncated, or with inconsistent contents. The message says which.
 */
public final class InvalidModelFileException extends IOException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong with the file, and which file */
    public InvalidModelFileException(String message) {
        super(message);
    }
}
