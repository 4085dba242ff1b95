package dev.bellman.core.checkpoint;

import dev.bellman.core.random.SplitMixRandom;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Writes the state of {@link Checkpointable} objects: primitives, strings and primitive arrays
 * (length first), big-endian, with named sections so that a reader that expects another layout
 * fails with a message naming the section instead of misreading numbers.
 *
 * <p>Not thread-safe; one writer serves one checkpoint.
 */
public final class StateWriter {

    private static final int CHUNK = 1 << 15;

    private final DataOutputStream out;
    private final ByteBuffer chunk = ByteBuffer.allocate(CHUNK);

    /**
     * @param stream where the state goes; buffer it, this writer does not
     * @throws NullPointerException if {@code stream} is null
     */
    public StateWriter(OutputStream stream) {
        this.out = new DataOutputStream(Objects.requireNonNull(stream, "stream"));
    }

    /**
     * Marks the start of a named part of the state; {@link StateReader#section} checks the name.
     *
     * @param name the part's name, for example {@code "q-table"}
     * @throws IOException if writing fails
     */
    public void section(String name) throws IOException {
        out.writeUTF(name);
    }

    /**
     * Writes an int, which {@link StateReader#readInt} reads back.
     *
     * @param value the value to write
     * @throws IOException if writing fails
     */
    public void writeInt(int value) throws IOException {
        out.writeInt(value);
    }

    /**
     * Writes a long, which {@link StateReader#readLong} reads back.
     *
     * @param value the value to write
     * @throws IOException if writing fails
     */
    public void writeLong(long value) throws IOException {
        out.writeLong(value);
    }

    /**
     * Writes a double, which {@link StateReader#readDouble} reads back.
     *
     * @param value the value to write
     * @throws IOException if writing fails
     */
    public void writeDouble(double value) throws IOException {
        out.writeDouble(value);
    }

    /**
     * Writes a float, which {@link StateReader#readFloat} reads back.
     *
     * @param value the value to write
     * @throws IOException if writing fails
     */
    public void writeFloat(float value) throws IOException {
        out.writeFloat(value);
    }

    /**
     * Writes a boolean, which {@link StateReader#readBoolean} reads back.
     *
     * @param value the value to write
     * @throws IOException if writing fails
     */
    public void writeBoolean(boolean value) throws IOException {
        out.writeBoolean(value);
    }

    /**
     * Writes a string of any length (UTF-8, length first).
     *
     * @param value the string to write, not null
     * @throws IOException if writing fails
     */
    public void writeString(String value) throws IOException {
        byte[] bytes = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /**
     * Writes the length, then the values.
     *
     * @param values the array to write; {@link StateReader#readInts} reads it back
     * @throws IOException if writing fails
     */
    public void writeInts(int[] values) throws IOException {
        out.writeInt(values.length);
        for (int start = 0; start < values.length; start += CHUNK / Integer.BYTES) {
            int count = Math.min(CHUNK / Integer.BYTES, values.length - start);
            chunk.clear();
            chunk.asIntBuffer().put(values, start, count);
            out.write(chunk.array(), 0, count * Integer.BYTES);
        }
    }

    /**
     * Writes the length, then the values.
     *
     * @param values the array to write; {@link StateReader#readLongs} reads it back
     * @throws IOException if writing fails
     */
    public void writeLongs(long[] values) throws IOException {
        out.writeInt(values.length);
        for (int start = 0; start < values.length; start += CHUNK / Long.BYTES) {
            int count = Math.min(CHUNK / Long.BYTES, values.length - start);
            chunk.clear();
            chunk.asLongBuffer().put(values, start, count);
            out.write(chunk.array(), 0, count * Long.BYTES);
        }
    }

    /**
     * Writes the length, then the values.
     *
     * @param values the array to write; {@link StateReader#readFloats} reads it back
     * @throws IOException if writing fails
     */
    public void writeFloats(float[] values) throws IOException {
        out.writeInt(values.length);
        for (int start = 0; start < values.length; start += CHUNK / Float.BYTES) {
            int count = Math.min(CHUNK / Float.BYTES, values.length - start);
            chunk.clear();
            chunk.asFloatBuffer().put(values, start, count);
            out.write(chunk.array(), 0, count * Float.BYTES);
        }
    }

    /**
     * Writes the length, then the values.
     *
     * @param values the array to write; {@link StateReader#readDoubles} reads it back
     * @throws IOException if writing fails
     */
    public void writeDoubles(double[] values) throws IOException {
        out.writeInt(values.length);
        for (int start = 0; start < values.length; start += CHUNK / Double.BYTES) {
            int count = Math.min(CHUNK / Double.BYTES, values.length - start);
            chunk.clear();
            chunk.asDoubleBuffer().put(values, start, count);
            out.write(chunk.array(), 0, count * Double.BYTES);
        }
    }

    /**
     * Writes the length, then one byte per value.
     *
     * @param values the array to write; {@link StateReader#readBooleans} reads it back
     * @throws IOException if writing fails
     */
    public void writeBooleans(boolean[] values) throws IOException {
        out.writeInt(values.length);
        for (boolean value : values) {
            out.writeBoolean(value);
        }
    }

    /**
     * Writes the state of a random generator, so that {@link StateReader#readRandom} continues its
     * stream where it stands.
     *
     * @param random the generator whose state is written; it is not advanced
     * @throws IOException if writing fails
     */
    public void writeRandom(SplitMixRandom random) throws IOException {
        long[] state = random.state();
        out.writeLong(state[0]);
        out.writeLong(state[1]);
    }

    /**
     * Writes a nested object's state as a section named {@code name}.
     *
     * @param name   the section's name, which {@link StateReader#readObject} checks
     * @param object the object whose state is written
     * @throws IOException if writing fails
     */
    public void writeObject(String name, Checkpointable object) throws IOException {
        section(name);
        object.writeState(this);
    }

    /** @throws IOException if flushing fails */
    void flush() throws IOException {
        out.flush();
    }
}
