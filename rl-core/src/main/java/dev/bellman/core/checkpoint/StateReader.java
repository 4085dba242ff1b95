package dev.bellman.core.checkpoint;

import dev.bellman.core.random.SplitMixRandom;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Reads what a {@link StateWriter} wrote, checking as it goes: a section of another name, an array
 * of another length than the object it is read into, or the end of the data each give an
 * {@link InvalidCheckpointException} that names the section or the quantity.
 *
 * <p>Not thread-safe; one reader serves one checkpoint.
 */
public final class StateReader {

    private static final int CHUNK = 1 << 15;

    private final DataInputStream in;
    private final byte[] chunk = new byte[CHUNK];
    private String currentSection = "(start)";

    /**
     * @param stream the state; buffer it, this reader does not
     * @throws NullPointerException if {@code stream} is null
     */
    public StateReader(InputStream stream) {
        this.in = new DataInputStream(Objects.requireNonNull(stream, "stream"));
    }

    /**
     * Checks that the next part of the state is the section {@code name}.
     *
     * @param name the section's name that {@link StateWriter#section} wrote, for example {@code "q-table"}
     * @throws InvalidCheckpointException if another section follows: the checkpoint was written by
     *                                    another kind of object, or another version of it
     * @throws IOException                if reading fails
     */
    public void section(String name) throws IOException {
        String found = guard(in::readUTF);
        if (!found.equals(name)) {
            throw new InvalidCheckpointException("expected the section '" + name + "' after '" + currentSection
                    + "' but found '" + found + "': the checkpoint was written by another kind of object");
        }
        currentSection = name;
    }

    /**
     * Reads an int that {@link StateWriter#writeInt} wrote.
     *
     * @return the value read
     * @throws IOException if reading fails or the data ends
     */
    public int readInt() throws IOException {
        return guard(in::readInt);
    }

    /**
     * Reads a long that {@link StateWriter#writeLong} wrote.
     *
     * @return the value read
     * @throws IOException if reading fails or the data ends
     */
    public long readLong() throws IOException {
        return guard(in::readLong);
    }

    /**
     * Reads a double that {@link StateWriter#writeDouble} wrote.
     *
     * @return the value read
     * @throws IOException if reading fails or the data ends
     */
    public double readDouble() throws IOException {
        return guard(in::readDouble);
    }

    /**
     * Reads a float that {@link StateWriter#writeFloat} wrote.
     *
     * @return the value read
     * @throws IOException if reading fails or the data ends
     */
    public float readFloat() throws IOException {
        return guard(in::readFloat);
    }

    /**
     * Reads a boolean that {@link StateWriter#writeBoolean} wrote.
     *
     * @return the value read
     * @throws IOException if reading fails or the data ends
     */
    public boolean readBoolean() throws IOException {
        return guard(in::readBoolean);
    }

    /**
     * Reads a string that {@link StateWriter#writeString} wrote.
     *
     * @return the string read, decoded from UTF-8
     * @throws InvalidCheckpointException if the stored length is negative
     * @throws IOException                if reading fails or the data ends
     */
    public String readString() throws IOException {
        int length = guard(in::readInt);
        if (length < 0) {
            throw new InvalidCheckpointException("a string in section '" + currentSection + "' has length " + length);
        }
        byte[] bytes = new byte[length];
        guard(() -> {
            in.readFully(bytes);
            return null;
        });
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * Reads a value and checks it equals the one this object was built with.
     *
     * @param what     the setting's name, for the message
     * @param expected this object's value
     * @throws InvalidCheckpointException if the checkpoint's value differs
     * @throws IOException                if reading fails
     */
    public void expectString(String what, String expected) throws IOException {
        String found = readString();
        if (!found.equals(expected)) {
            throw new InvalidCheckpointException("the checkpoint was made with " + what + " " + found
                    + "; this object has " + expected + ": build it with the checkpoint's settings");
        }
    }

    /**
     * Reads a value and checks it equals the one this object was built with.
     *
     * @param what     the quantity's name, for the message
     * @param expected this object's value
     * @throws InvalidCheckpointException if the checkpoint's value differs
     * @throws IOException                if reading fails
     */
    public void expectLong(String what, long expected) throws IOException {
        long found = readLong();
        if (found != expected) {
            throw new InvalidCheckpointException("the checkpoint has " + what + " " + found + "; this object has " + expected);
        }
    }

    /**
     * Reads an array into {@code into}, which must have the checkpoint's length.
     *
     * @param into the array to fill, whose length must equal the stored length
     * @param what the array's name, for the message
     * @throws InvalidCheckpointException if the lengths differ
     * @throws IOException                if reading fails or the data ends
     */
    public void readInts(int[] into, String what) throws IOException {
        expectLength(into.length, what);
        for (int start = 0; start < into.length; start += CHUNK / Integer.BYTES) {
            int count = Math.min(CHUNK / Integer.BYTES, into.length - start);
            fill(count * Integer.BYTES).asIntBuffer().get(into, start, count);
        }
    }

    /**
     * As {@link #readInts(int[], String)}, for long values.
     *
     * @param into the array to fill, whose length must equal the stored length
     * @param what the array's name, for the message
     * @throws InvalidCheckpointException if the lengths differ
     * @throws IOException                if reading fails or the data ends
     */
    public void readLongs(long[] into, String what) throws IOException {
        expectLength(into.length, what);
        for (int start = 0; start < into.length; start += CHUNK / Long.BYTES) {
            int count = Math.min(CHUNK / Long.BYTES, into.length - start);
            fill(count * Long.BYTES).asLongBuffer().get(into, start, count);
        }
    }

    /**
     * As {@link #readInts(int[], String)}, for float values.
     *
     * @param into the array to fill, whose length must equal the stored length
     * @param what the array's name, for the message
     * @throws InvalidCheckpointException if the lengths differ
     * @throws IOException                if reading fails or the data ends
     */
    public void readFloats(float[] into, String what) throws IOException {
        expectLength(into.length, what);
        for (int start = 0; start < into.length; start += CHUNK / Float.BYTES) {
            int count = Math.min(CHUNK / Float.BYTES, into.length - start);
            fill(count * Float.BYTES).asFloatBuffer().get(into, start, count);
        }
    }

    /**
     * As {@link #readInts(int[], String)}, for double values.
     *
     * @param into the array to fill, whose length must equal the stored length
     * @param what the array's name, for the message
     * @throws InvalidCheckpointException if the lengths differ
     * @throws IOException                if reading fails or the data ends
     */
    public void readDoubles(double[] into, String what) throws IOException {
        expectLength(into.length, what);
        for (int start = 0; start < into.length; start += CHUNK / Double.BYTES) {
            int count = Math.min(CHUNK / Double.BYTES, into.length - start);
            fill(count * Double.BYTES).asDoubleBuffer().get(into, start, count);
        }
    }

    /**
     * As {@link #readInts(int[], String)}, for boolean values.
     *
     * @param into the array to fill, whose length must equal the stored length
     * @param what the array's name, for the message
     * @throws InvalidCheckpointException if the lengths differ
     * @throws IOException                if reading fails or the data ends
     */
    public void readBooleans(boolean[] into, String what) throws IOException {
        expectLength(into.length, what);
        for (int i = 0; i < into.length; i++) {
            into[i] = readBoolean();
        }
    }

    /**
     * Reads an array of whatever length the checkpoint holds.
     *
     * @param what the array's name, for the message
     * @return a new array with the stored length and values
     * @throws IOException if reading fails or the data ends
     */
    public double[] readDoubles(String what) throws IOException {
        double[] values = new double[readLength(what)];
        for (int start = 0; start < values.length; start += CHUNK / Double.BYTES) {
            int count = Math.min(CHUNK / Double.BYTES, values.length - start);
            fill(count * Double.BYTES).asDoubleBuffer().get(values, start, count);
        }
        return values;
    }

    /**
     * As {@link #readDoubles(String)}, for long values.
     *
     * @param what the array's name, for the message
     * @return a new array with the stored length and values
     * @throws IOException if reading fails or the data ends
     */
    public long[] readLongs(String what) throws IOException {
        long[] values = new long[readLength(what)];
        for (int start = 0; start < values.length; start += CHUNK / Long.BYTES) {
            int count = Math.min(CHUNK / Long.BYTES, values.length - start);
            fill(count * Long.BYTES).asLongBuffer().get(values, start, count);
        }
        return values;
    }

    /**
     * As {@link #readDoubles(String)}, for int values.
     *
     * @param what the array's name, for the message
     * @return a new array with the stored length and values
     * @throws IOException if reading fails or the data ends
     */
    public int[] readInts(String what) throws IOException {
        int[] values = new int[readLength(what)];
        for (int start = 0; start < values.length; start += CHUNK / Integer.BYTES) {
            int count = Math.min(CHUNK / Integer.BYTES, values.length - start);
            fill(count * Integer.BYTES).asIntBuffer().get(values, start, count);
        }
        return values;
    }

    /**
     * Continues {@code random}'s stream from the state {@link StateWriter#writeRandom} wrote.
     *
     * @param random the generator to set; its current state is replaced
     * @throws InvalidCheckpointException if the state is not a valid generator state
     * @throws IOException                if reading fails or the data ends
     */
    public void readRandom(SplitMixRandom random) throws IOException {
        long[] state = {readLong(), readLong()};
        try {
            random.restore(state);
        } catch (IllegalArgumentException invalid) {
            throw new InvalidCheckpointException("section '" + currentSection + "': " + invalid.getMessage(), invalid);
        }
    }

    /**
     * Reads a nested object's state written by {@link StateWriter#writeObject}.
     *
     * @param name   the section's name the object was written under
     * @param object the object whose state is restored from the section
     * @throws IOException if the section differs, the state does not fit or reading fails
     */
    public void readObject(String name, Checkpointable object) throws IOException {
        section(name);
        object.readState(this);
    }

    private void expectLength(int expected, String what) throws IOException {
        int length = readLength(what);
        if (length != expected) {
            throw new InvalidCheckpointException("the checkpoint has " + length + " " + what + " (section '" + currentSection
                    + "'); this object has " + expected + ": it was built for another size of problem");
        }
    }

    private int readLength(String what) throws IOException {
        int length = readInt();
        if (length < 0) {
            throw new InvalidCheckpointException("the checkpoint gives " + what + " the length " + length + " (section '"
                    + currentSection + "')");
        }
        return length;
    }

    private ByteBuffer fill(int bytes) throws IOException {
        guard(() -> {
            in.readFully(chunk, 0, bytes);
            return null;
        });
        return ByteBuffer.wrap(chunk, 0, bytes);
    }

    @FunctionalInterface
    private interface Read<T> {
        T read() throws IOException;
    }

    private <T> T guard(Read<T> read) throws IOException {
        try {
            return read.read();
        } catch (EOFException end) {
            throw new InvalidCheckpointException("the checkpoint ends inside section '" + currentSection + "': it is truncated", end);
        }
    }
}
