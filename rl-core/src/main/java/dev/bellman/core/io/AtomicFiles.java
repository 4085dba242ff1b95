package dev.bellman.core.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * Writes a file so that a reader, or a process killed halfway, never sees it half written: the
 * content goes to a new temporary file in the target's directory, is forced to the disk, and the
 * temporary file is then renamed over the target (an atomic move where the file system offers one).
 * A failed write leaves the target as it was and removes the temporary file; a process killed
 * before the rename leaves the target as it was and, at worst, a stray {@code *.tmp} file beside it.
 *
 * <p>Thread-safe: concurrent writers of the same target each get their own temporary file, and the
 * last rename wins.
 */
public final class AtomicFiles {

    /** Writes the content through a file channel. */
    @FunctionalInterface
    public interface ChannelWriter {
        /**
         * @param channel the temporary file, open for writing, positioned at 0
         * @throws IOException if writing fails
         */
        void write(FileChannel channel) throws IOException;
    }

    /** Writes the content through a buffered stream. */
    @FunctionalInterface
    public interface StreamWriter {
        /**
         * @param stream the temporary file's buffered stream; the caller need not flush or close it
         * @throws IOException if writing fails
         */
        void write(OutputStream stream) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Writes {@code file} atomically through a channel.
     *
     * @param file   the target; its directory must exist
     * @param writer writes the whole content
     * @throws IOException if the temporary file cannot be created, written, forced or moved
     */
    public static void write(Path file, ChannelWriter writer) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(writer, "writer");
        Path target = file.toAbsolutePath();
        Path directory = target.getParent();
        // Not Files.createTempFile: its files are private to the owner (0600), and the target should
        // get the permissions of any new file.
        Path temporary = null;
        FileChannel channel = null;
        for (long attempt = System.nanoTime(); channel == null; attempt++) {
            temporary = directory.resolve(target.getFileName() + "." + Long.toHexString(attempt) + ".tmp");
            try {
                channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException taken) {
                // another writer's temporary file: try the next name
            }
        }
        try {
            try (FileChannel out = channel) {
                writer.write(out);
                out.force(true);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException notAtomic) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Writes {@code file} atomically through a buffered stream (flushed before the content is
     * forced to the disk).
     *
     * @param file   the target; its directory must exist
     * @param writer writes the whole content
     * @throws IOException if the temporary file cannot be created, written, forced or moved
     */
    public static void writeStream(Path file, StreamWriter writer) throws IOException {
        Objects.requireNonNull(writer, "writer");
        write(file, channel -> {
            // Not closed here: closing the stream would close the channel before it is forced.
            OutputStream stream = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
            writer.write(stream);
            stream.flush();
        });
    }
}
