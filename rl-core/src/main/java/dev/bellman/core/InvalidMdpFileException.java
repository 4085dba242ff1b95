package dev.bellman.core;

import java.io.IOException;

/**
 * An MDP file that {@link CompactModelFiles} cannot read: not a Bellman MDP file, an unsupported
 * format version, truncated, with trailing bytes, or with contents that do not make a valid model
 * (a next state out of range, probabilities not summing to 1, a reward that is not finite). The
 * message names the file and says which.
 */
public final class InvalidMdpFileException extends IOException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong with the file, and which file */
    public InvalidMdpFileException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong with the file, and which file
     * @param cause   the validation error the contents raised
     */
    public InvalidMdpFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
