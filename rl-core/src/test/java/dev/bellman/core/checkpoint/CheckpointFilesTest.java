package dev.bellman.core.checkpoint;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checkpoint file format: a round trip, and each kind of damage failing with a message that says which. */
class CheckpointFilesTest {

    private static final String ALGORITHM = "test.Algorithm";
    private static final String ENVIRONMENT = "test.Environment";

    @TempDir
    Path dir;

    /** A small object with a counter and a table. */
    private static final class Counter implements Checkpointable {
        long count;
        final double[] table = new double[100];

        @Override
        public void writeState(StateWriter out) throws IOException {
            out.section("counter");
            out.writeLong(count);
            out.writeDoubles(table);
        }

        @Override
        public void readState(StateReader in) throws IOException {
            in.section("counter");
            count = in.readLong();
            in.readDoubles(table, "table entries");
        }
    }

    private Path written() throws IOException {
        Counter counter = new Counter();
        counter.count = 42;
        for (int i = 0; i < counter.table.length; i++) {
            counter.table[i] = Math.sqrt(i);
        }
        Path file = dir.resolve("test.ckpt");
        CheckpointFiles.write(file, new CheckpointFiles.Header(0, ALGORITHM, ENVIRONMENT, 1234, 56),
                new CheckpointFiles.Part("counter", counter));
        return file;
    }

    private static InvalidCheckpointException failsToLoad(Path file) {
        return assertThrows(InvalidCheckpointException.class,
                () -> CheckpointFiles.read(file, ALGORITHM, ENVIRONMENT, new CheckpointFiles.Part("counter", new Counter())));
    }

    @Test
    void aWrittenCheckpointReadsBackExactly() throws IOException {
        Path file = written();
        Counter restored = new Counter();
        CheckpointFiles.Header header = CheckpointFiles.read(file, ALGORITHM, ENVIRONMENT,
                new CheckpointFiles.Part("counter", restored));
        assertEquals(new CheckpointFiles.Header(CheckpointFiles.FORMAT_VERSION, ALGORITHM, ENVIRONMENT, 1234, 56), header);
        assertEquals(42, restored.count);
        assertEquals(Math.sqrt(99), restored.table[99], 0.0);
    }

    @Test
    void aTruncatedCheckpointFailsSayingTruncated() throws IOException {
        Path file = written();
        byte[] bytes = Files.readAllBytes(file);
        for (int length : new int[] {4, 30, bytes.length / 2, bytes.length - 1}) {
            Path truncated = dir.resolve("truncated-" + length + ".ckpt");
            Files.write(truncated, Arrays.copyOf(bytes, length));
            InvalidCheckpointException failure = failsToLoad(truncated);
            assertTrue(failure.getMessage().contains("truncated"), length + " bytes: " + failure.getMessage());
            assertTrue(failure.getMessage().contains(truncated.toString()), failure.getMessage());
        }
    }

    @Test
    void aFlippedByteFailsSayingCorrupted() throws IOException {
        Path file = written();
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(file, bytes);
        InvalidCheckpointException failure = failsToLoad(file);
        assertTrue(failure.getMessage().contains("corrupted"), failure.getMessage());
    }

    @Test
    void anotherFormatVersionFailsNamingIt() throws IOException {
        Path file = written();
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer.wrap(bytes).putInt(8, 99);
        Files.write(file, bytes);
        InvalidCheckpointException failure = failsToLoad(file);
        assertTrue(failure.getMessage().contains("version 99"), failure.getMessage());
        assertThrows(InvalidCheckpointException.class, () -> CheckpointFiles.readHeader(file));
    }

    @Test
    void aFileThatIsNotACheckpointFailsSayingSo() throws IOException {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "these are not the bytes of a checkpoint, but they are long enough to hold a header");
        InvalidCheckpointException failure = failsToLoad(file);
        assertTrue(failure.getMessage().contains("not a Bellman checkpoint"), failure.getMessage());
    }

    @Test
    void anotherAlgorithmFailsNamingBoth() throws IOException {
        Path file = written();
        InvalidCheckpointException failure = assertThrows(InvalidCheckpointException.class,
                () -> CheckpointFiles.read(file, "test.Other", ENVIRONMENT, new CheckpointFiles.Part("counter", new Counter())));
        assertTrue(failure.getMessage().contains("another algorithm"), failure.getMessage());
        assertTrue(failure.getMessage().contains(ALGORITHM) && failure.getMessage().contains("test.Other"), failure.getMessage());
    }

    @Test
    void aPartOfAnotherSizeFailsNamingTheQuantity() throws IOException {
        Path file = written();
        Checkpointable smaller = new Checkpointable() {
            private final double[] table = new double[10];

            @Override
            public void writeState(StateWriter out) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void readState(StateReader in) throws IOException {
                in.section("counter");
                in.readLong();
                in.readDoubles(table, "table entries");
            }
        };
        InvalidCheckpointException failure = assertThrows(InvalidCheckpointException.class,
                () -> CheckpointFiles.read(file, ALGORITHM, ENVIRONMENT, new CheckpointFiles.Part("counter", smaller)));
        assertTrue(failure.getMessage().contains("100 table entries"), failure.getMessage());
    }

    @Test
    void aDamagedFileLeavesTheObjectUnchanged() throws IOException {
        Path file = written();
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 30] ^= 0x01;
        Files.write(file, bytes);
        Counter untouched = new Counter();
        assertThrows(InvalidCheckpointException.class,
                () -> CheckpointFiles.read(file, ALGORITHM, ENVIRONMENT, new CheckpointFiles.Part("counter", untouched)));
        assertEquals(0, untouched.count);
        assertArrayEquals(new double[100], untouched.table);
    }
}
