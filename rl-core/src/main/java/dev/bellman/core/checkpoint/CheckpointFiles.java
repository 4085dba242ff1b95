package dev.bellman.core.checkpoint;

import dev.bellman.core.io.AtomicFiles;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * The checkpoint file: a header that says what wrote it, the states of its parts, and a trailer
 * that proves the file complete and intact.
 *
 * <pre>
 * magic "BELLCKPT"  8 bytes
 * format version    int (this build: {@value #FORMAT_VERSION})
 * algorithm         string (int length, UTF-8): the learner's class
 * environment       string: the environment's class
 * steps, episodes   long, long: where the run stood
 * parts             each: its name (modified UTF-8), then its {@link Checkpointable#writeState state}
 * ---- trailer ----
 * length            long: the bytes before the trailer
 * checksum          int: CRC-32 of those bytes
 * end marker        "ENDCKPT\n" 8 bytes
 * </pre>
 * All numbers are big-endian. Writes go through {@link AtomicFiles}: a process killed while
 * writing leaves the previous checkpoint as it was.
 *
 * <p>Loading checks, in this order, and fails with an {@link InvalidCheckpointException} that says
 * which: the magic (not a checkpoint), the version, the algorithm and the environment, the end
 * marker and length (truncated), the checksum (corrupted), then each part's own layout and sizes.
 * The checksum is verified in a pass of its own before any state is read, so a damaged file never
 * changes the objects it is loaded into.
 */
public final class CheckpointFiles {

    /** The format version this build writes and reads. */
    public static final int FORMAT_VERSION = 1;

    private static final byte[] MAGIC = "BELLCKPT".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "ENDCKPT\n".getBytes(StandardCharsets.US_ASCII);
    private static final int TRAILER_BYTES = Long.BYTES + Integer.BYTES + END.length;
    /** The longest class name a header may give; Java's own limit is 65535 bytes. */
    private static final int MAX_NAME_BYTES = 65_535;

    /**
     * What a checkpoint's header says.
     *
     * @param version     the format version
     * @param algorithm   the class of the learner that wrote it
     * @param environment the class of the environment it was written with
     * @param steps       the environment steps the run had taken
     * @param episodes    the episodes the run had finished
     */
    public record Header(int version, String algorithm, String environment, long steps, long episodes) {
    }

    /**
     * A named part of a checkpoint.
     *
     * @param name  the part's name, for example {@code "learner"}
     * @param state the object whose state it holds
     */
    public record Part(String name, Checkpointable state) {
        /**
         * Checks both components.
         *
         * @param name  the part's name, for example {@code "learner"}
         * @param state the object whose state it holds
         * @throws NullPointerException if either is null
         */
        public Part {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(state, "state");
        }
    }

    private CheckpointFiles() {
    }

    /**
     * Writes a checkpoint atomically.
     *
     * @param file   the target; its directory must exist; an existing file is replaced only once the
     *               new one is complete on disk
     * @param header what wrote it; its version is ignored, {@value #FORMAT_VERSION} is written
     * @param parts  the parts, in the order {@link #read} will get them
     * @throws IOException if writing fails (the previous file, if any, is left as it was)
     */
    public static void write(Path file, Header header, Part... parts) throws IOException {
        Objects.requireNonNull(header, "header");
        AtomicFiles.write(file, channel -> {
            CRC32 checksum = new CRC32();
            CountingStream counted = new CountingStream(Channels.newOutputStream(channel), checksum);
            OutputStream buffered = new java.io.BufferedOutputStream(counted, 1 << 16);
            StateWriter out = new StateWriter(buffered);
            buffered.write(MAGIC);
            out.writeInt(FORMAT_VERSION);
            out.writeString(header.algorithm());
            out.writeString(header.environment());
            out.writeLong(header.steps());
            out.writeLong(header.episodes());
            for (Part part : parts) {
                out.writeObject(part.name(), part.state());
            }
            out.flush();
            buffered.flush();
            ByteBuffer trailer = ByteBuffer.allocate(TRAILER_BYTES);
            trailer.putLong(counted.count).putInt((int) checksum.getValue()).put(END).flip();
            while (trailer.hasRemaining()) {
                channel.write(trailer);
            }
        });
    }

    /**
     * Reads a checkpoint's header, checking only that it is a checkpoint of a readable version.
     *
     * @param file the checkpoint
     * @return its header
     * @throws InvalidCheckpointException if it is not a checkpoint, of another format version, or too short
     * @throws IOException                if the file cannot be read
     */
    public static Header readHeader(Path file) throws IOException {
        try (DataInputStream in = open(file)) {
            return header(file, in);
        }
    }

    /**
     * Loads a checkpoint into its parts after checking that it is complete and intact and was
     * written by {@code algorithm} with {@code environment}.
     *
     * @param file        the checkpoint
     * @param algorithm   the class name the header must give for the learner
     * @param environment the class name the header must give for the environment
     * @param parts       the parts, in the order {@link #write} wrote them
     * @return the header
     * @throws InvalidCheckpointException if the file is not a checkpoint, of another format version,
     *                                    of another algorithm or environment, truncated, corrupted,
     *                                    or its parts do not fit the objects given; the message
     *                                    names the file and says which
     * @throws IOException                if the file cannot be read
     */
    public static Header read(Path file, String algorithm, String environment, Part... parts) throws IOException {
        Header header = readHeader(file);
        if (!header.algorithm().equals(algorithm)) {
            throw new InvalidCheckpointException(file + " is a checkpoint of another algorithm: it was written by "
                    + header.algorithm() + ", not " + algorithm);
        }
        if (!header.environment().equals(environment)) {
            throw new InvalidCheckpointException(file + " was written with another environment: "
                    + header.environment() + ", not " + environment);
        }
        verifyTrailer(file);
        try (DataInputStream in = open(file)) {
            header(file, in);
            StateReader reader = new StateReader(in);
            for (Part part : parts) {
                reader.readObject(part.name(), part.state());
            }
            // A part that read less than it wrote would otherwise go unnoticed.
            long left = remaining(in) - TRAILER_BYTES;
            if (left != 0) {
                throw new InvalidCheckpointException("its parts left " + left + " bytes unread: they were written by another version of "
                        + algorithm);
            }
        } catch (InvalidCheckpointException invalid) {
            if (invalid.getMessage().startsWith(file.toString())) {
                throw invalid;
            }
            throw new InvalidCheckpointException(file + ": " + invalid.getMessage(), invalid);
        }
        return header;
    }

    private static long remaining(DataInputStream in) throws IOException {
        long left = 0;
        byte[] skip = new byte[8192];
        for (int read; (read = in.read(skip)) > 0; ) {
            left += read;
        }
        return left;
    }

    private static DataInputStream open(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        try {
            return new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
        } catch (NoSuchFileException missing) {
            throw new NoSuchFileException(file.toString(), null, "no checkpoint there");
        }
    }

    private static Header header(Path file, DataInputStream in) throws IOException {
        byte[] magic = new byte[MAGIC.length];
        try {
            in.readFully(magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw new InvalidCheckpointException(file + " is not a Bellman checkpoint (it does not start with \"BELLCKPT\")");
            }
            int version = in.readInt();
            if (version != FORMAT_VERSION) {
                throw new InvalidCheckpointException(file + " has checkpoint format version " + version
                        + "; this build reads version " + FORMAT_VERSION);
            }
            // The header is read before the checksum is checked (so that a file of another version or
            // algorithm says so even when damaged): bound its strings rather than trust their lengths.
            String algorithm = headerString(file, in, "algorithm");
            String environment = headerString(file, in, "environment");
            return new Header(version, algorithm, environment, in.readLong(), in.readLong());
        } catch (EOFException end) {
            throw new InvalidCheckpointException(file + " is too short to be a checkpoint (" + Files.size(file)
                    + " bytes): it is truncated", end);
        } catch (InvalidCheckpointException truncated) {
            if (truncated.getMessage().startsWith(file.toString())) {
                throw truncated;
            }
            throw new InvalidCheckpointException(file + " is truncated inside its header", truncated);
        }
    }

    private static String headerString(Path file, DataInputStream in, String what) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_NAME_BYTES) {
            throw new InvalidCheckpointException(file + " is corrupted: its header gives the " + what + " name a length of "
                    + length + " bytes; expected 0 to " + MAX_NAME_BYTES);
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Checks the trailer and the checksum. */
    private static void verifyTrailer(Path file) throws IOException {
        long size = Files.size(file);
        ByteBuffer trailer = ByteBuffer.allocate(TRAILER_BYTES);
        if (size >= TRAILER_BYTES) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                channel.position(size - TRAILER_BYTES);
                while (trailer.hasRemaining() && channel.read(trailer) >= 0) {
                    // reads until full
                }
            }
        }
        trailer.flip();
        byte[] end = new byte[END.length];
        if (trailer.remaining() == TRAILER_BYTES) {
            trailer.position(Long.BYTES + Integer.BYTES);
            trailer.get(end);
        }
        if (!java.util.Arrays.equals(end, END)) {
            throw new InvalidCheckpointException(file + " is truncated: its end marker is missing (" + size
                    + " bytes), so it was not completely written");
        }
        long length = trailer.getLong(0);
        int expected = trailer.getInt(Long.BYTES);
        if (length != size - TRAILER_BYTES) {
            throw new InvalidCheckpointException(file + " is damaged: its trailer gives " + length + " bytes of content but it has "
                    + (size - TRAILER_BYTES));
        }
        CRC32 checksum = new CRC32();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            long left = length;
            while (left > 0) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (read < 0) {
                    throw new InvalidCheckpointException(file + " is truncated");
                }
                checksum.update(buffer, 0, read);
                left -= read;
            }
        }
        if ((int) checksum.getValue() != expected) {
            throw new InvalidCheckpointException(file + " is corrupted: its checksum does not match its content");
        }
    }

    /** Counts and checksums the bytes written through it. */
    private static final class CountingStream extends FilterOutputStream {
        private final CRC32 checksum;
        private long count;

        CountingStream(OutputStream out, CRC32 checksum) {
            super(out);
            this.checksum = checksum;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            checksum.update(b);
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
            checksum.update(bytes, offset, length);
            count += length;
        }
    }
}
