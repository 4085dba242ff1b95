package dev.bellman.examples;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/** Range checks of numeric options; each message names the option, the value and the range. */
final class OptionChecks {

    private OptionChecks() {
    }

    /** @throws IllegalArgumentException if {@code value} is given and outside {@code [0, 1]} */
    static void unitInterval(String option, Double value) {
        if (value != null && !(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(option + " " + value + " is outside [0, 1]");
        }
    }

    /** @throws IllegalArgumentException if {@code value} is given and outside {@code (0, 1]} */
    static void stepSize(String option, Double value) {
        if (value != null && !(value > 0 && value <= 1)) {
            throw new IllegalArgumentException(option + " " + value + " is outside (0, 1]");
        }
    }

    /** @throws IllegalArgumentException if {@code value < 1} */
    static void atLeastOne(String option, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(option + " " + value + " must be at least 1");
        }
    }

    /**
     * @throws IllegalArgumentException naming {@code option} if {@code directory} exists and is not a
     *                                  directory, or a file stands where one of its parents would be
     */
    static void directoryCanBeCreated(String option, Path directory) {
        Path absolute = directory.toAbsolutePath();
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new IllegalArgumentException(option + " " + directory + " is a file; expected a directory (new or existing)");
        }
        for (Path parent = absolute.getParent(); parent != null; parent = parent.getParent()) {
            if (Files.exists(parent)) {
                if (!Files.isDirectory(parent)) {
                    throw new IllegalArgumentException(option + " " + directory + " lies below the file " + parent
                            + "; expected a directory (new or existing)");
                }
                return;
            }
        }
    }

    /**
     * A file-system failure in words, without the exception's class name:
     * {@code "/x/y: Is a directory"}.
     */
    static String describe(IOException e) {
        if (e instanceof FileSystemException fileSystem) {
            String reason = fileSystem.getReason();
            if (reason == null) {
                reason = e instanceof FileAlreadyExistsException ? "already exists"
                        : e instanceof NoSuchFileException ? "no such file or directory"
                        : e instanceof AccessDeniedException ? "permission denied"
                        : e instanceof NotDirectoryException ? "not a directory" : "cannot be accessed";
            }
            return fileSystem.getFile() + (fileSystem.getOtherFile() != null ? " -> " + fileSystem.getOtherFile() : "")
                    + ": " + reason;
        }
        return String.valueOf(e.getMessage());
    }
}
