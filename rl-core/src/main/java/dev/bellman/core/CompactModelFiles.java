package dev.bellman.core;

import dev.bellman.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Objects;

/**
 * Reads and writes a {@link CompactModel} in the Bellman MDP file format, so that models generated
 * elsewhere (a Python script, another program) can be planned on, and large models built once can
 * be reused. Both directions stream through a 1 MiB buffer per section: no per-state lists, nothing
 * held beyond the model itself.
 *
 * <h2>Format, version 1</h2>
 *
 * <p>All numbers are <b>little-endian</b> (numpy's {@code '<i4'}, {@code '<f4'}, {@code '<f8'}; the
 * native order of x86 and ARM). The sections follow one another with no padding. {@code S} is the
 * state count, {@code A} the action count, {@code P = S·A} the number of state-action pairs, pair
 * {@code (s, a)} has index {@code s·A + a}; {@code O} is the outcome count; {@code R} is the real
 * type, float32 or float64 as the flags say.
 *
 * <table>
 * <caption>Layout</caption>
 * <tr><th>offset</th><th>bytes</th><th>type</th><th>field</th></tr>
 * <tr><td>0</td><td>8</td><td>bytes</td><td>magic {@code 42 4C 4D 44 50 00 00 00} ("BLMDP" and three zeros)</td></tr>
 * <tr><td>8</td><td>4</td><td>uint32</td><td>format version, 1</td></tr>
 * <tr><td>12</td><td>4</td><td>uint32</td><td>flags: bit 0 deterministic, bit 1 single precision
 *     ({@code R} = float32, else float64); other bits 0</td></tr>
 * <tr><td>16</td><td>4</td><td>int32</td><td>{@code S}, at least 1</td></tr>
 * <tr><td>20</td><td>4</td><td>int32</td><td>{@code A}, at least 1 ({@code P} at most 2³¹ − 9)</td></tr>
 * <tr><td>24</td><td>8</td><td>int64</td><td>{@code O}: {@code P} if deterministic, else at least
 *     {@code P} and at most 2³¹ − 9</td></tr>
 * <tr><td>32</td><td>⌈S/8⌉</td><td>bits</td><td>terminal flags: state {@code s} is bit
 *     {@code s mod 8} (least significant first) of byte {@code ⌊s/8⌋}; unused bits 0</td></tr>
 * <tr><td colspan="4"><i>deterministic</i></td></tr>
 * <tr><td></td><td>4P</td><td>int32[P]</td><td>next state of each pair, in {@code [0, S)}</td></tr>
 * <tr><td></td><td>|R|·P</td><td>R[P]</td><td>expected reward {@code r(s, a)} of each pair, finite</td></tr>
 * <tr><td colspan="4"><i>stochastic</i></td></tr>
 * <tr><td></td><td>4(P+1)</td><td>int32[P+1]</td><td>outcome offsets: pair {@code p}'s outcomes are
 *     {@code offsets[p] ≤ k < offsets[p+1]}; {@code offsets[0] = 0}, increasing,
 *     {@code offsets[P] = O}</td></tr>
 * <tr><td></td><td>4O</td><td>int32[O]</td><td>next state of each outcome, in {@code [0, S)}</td></tr>
 * <tr><td></td><td>|R|·O</td><td>R[O]</td><td>probability of each outcome; a pair's sum to 1 within
 *     {@value TabularModel#PROBABILITY_TOLERANCE} (plus 2⁻²⁴ per outcome in float32)</td></tr>
 * <tr><td></td><td>|R|·P</td><td>R[P]</td><td>expected reward {@code r(s, a)} of each pair, finite</td></tr>
 * </table>
 *
 * <p>The file ends after the last section. A terminal state still has its pairs (planners ignore
 * them). A 10⁷-state, 4-action deterministic model in float32 takes 321,250,032 bytes.
 *
 * <p>Reading validates everything a model built with {@link CompactModel#deterministic} or
 * {@link CompactModel#stochastic} would (it builds through them) and the file's own structure, and
 * fails with an {@link InvalidMdpFileException} that names the file and what is wrong: not a
 * Bellman MDP file, an unsupported version, bad flags or counts, truncated (how many bytes the
 * header implies, how many there are, and in which section the file ends), trailing bytes, an
 * offset out of order, a next state out of range, probabilities not summing to 1, a reward that is
 * not finite. Writing is atomic: the model goes to a temporary file in the target's directory,
 * which is then moved over the target. See {@code docs/mdp-file-format.md} for an example in Python.
 */
public final class CompactModelFiles {

    /** The magic bytes that open every Bellman MDP file. */
    private static final byte[] MAGIC = {'B', 'L', 'M', 'D', 'P', 0, 0, 0};
    /** The format version this class writes and reads. */
    public static final int FORMAT_VERSION = 1;
    /** The header's length in bytes. */
    static final int HEADER_BYTES = 32;
    static final int FLAG_DETERMINISTIC = 1;
    static final int FLAG_FLOAT = 2;
    private static final int MAX_COUNT = Integer.MAX_VALUE - 8;
    private static final int BUFFER_BYTES = 1 << 20;

    private CompactModelFiles() {
    }

    /**
     * Writes {@code model} to {@code file}, atomically: either the whole new model is there
     * afterwards or, if writing fails, the file is as it was (and no temporary file is left).
     *
     * @param model the model
     * @param file  the target; its directory must exist
     * @throws IOException if writing fails
     */
    public static void write(CompactModel model, Path file) throws IOException {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(file, "file");
        AtomicFiles.write(file, channel -> writeModel(model, new Output(channel)));
    }

    private static void writeModel(CompactModel model, Output out) throws IOException {
        int states = model.stateCount();
        int actions = model.actionCount();
        boolean deterministic = model.isDeterministic();
        boolean single = model.precision() == CompactModel.Precision.FLOAT;
        int outcomes = model.outcomeCount();
        out.bytes(MAGIC);
        out.putInt(FORMAT_VERSION);
        out.putInt((deterministic ? FLAG_DETERMINISTIC : 0) | (single ? FLAG_FLOAT : 0));
        out.putInt(states);
        out.putInt(actions);
        out.putLong(outcomes);
        int bits = 0;
        for (int s = 0; s < states; s++) {
            if (model.isTerminal(s)) {
                bits |= 1 << (s & 7);
            }
            if ((s & 7) == 7 || s == states - 1) {
                out.putByte(bits);
                bits = 0;
            }
        }
        if (!deterministic) {
            for (int s = 0; s < states; s++) {
                for (int a = 0; a < actions; a++) {
                    out.putInt(model.outcomeStart(s, a));
                }
            }
            out.putInt(model.outcomeEnd(states - 1, actions - 1));
        }
        for (int k = 0; k < outcomes; k++) {
            out.putInt(model.nextState(k));
        }
        if (!deterministic) {
            for (int k = 0; k < outcomes; k++) {
                out.putReal(model.probability(k), single);
            }
        }
        for (int s = 0; s < states; s++) {
            for (int a = 0; a < actions; a++) {
                out.putReal(model.reward(s, a), single);
            }
        }
        out.flush();
    }

    /**
     * Reads a model written by {@link #write} or by any program following the format above.
     *
     * @param file the file
     * @return the model, deterministic or stochastic and in the precision the file says
     * @throws InvalidMdpFileException if the file is not a valid Bellman MDP file of a supported
     *                                 version; the message names the file and the problem
     * @throws IOException             if reading fails
     */
    public static CompactModel read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            Layout layout = readHeader(channel, file);
            try {
                return layout.deterministic ? readDeterministic(channel, file, layout)
                        : readStochastic(channel, file, layout);
            } catch (IllegalArgumentException invalid) {
                throw new InvalidMdpFileException(file + ": " + invalid.getMessage(), invalid);
            }
        }
    }

    /** What the header says, and where each section lies. */
    private static final class Layout {
        boolean deterministic;
        boolean single;
        int states;
        int actions;
        int pairs;
        int outcomes;
        long terminalStart;
        long offsetsStart;
        long nextStart;
        long probabilitiesStart;
        long rewardsStart;
        long end;

        String counts() {
            return (deterministic ? "deterministic" : "stochastic") + ", " + (single ? "float32" : "float64") + ", "
                    + states + " states, " + actions + " actions, " + outcomes + " outcomes";
        }

        /** @return the name and byte range of the section holding byte {@code offset} */
        String sectionAt(long offset) {
            String[] names = {"header", "terminal flags", "outcome offsets", "next states", "probabilities", "rewards"};
            long[] starts = {0, terminalStart, offsetsStart, nextStart, probabilitiesStart, rewardsStart, end};
            for (int i = 0; i < names.length; i++) {
                if (offset >= starts[i] && offset < starts[i + 1]) {
                    return "the " + names[i] + " section (bytes " + starts[i] + " to " + (starts[i + 1] - 1) + ")";
                }
            }
            return "the end";
        }
    }

    private static Layout readHeader(FileChannel channel, Path file) throws IOException {
        long size = channel.size();
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        readFully(channel, header, 0);
        header.flip();
        int found = header.remaining();
        byte[] magic = new byte[Math.min(found, MAGIC.length)];
        header.get(magic);
        if (!Arrays.equals(magic, Arrays.copyOf(MAGIC, magic.length))) {
            throw new InvalidMdpFileException(file + ": not a Bellman MDP file (it does not start with the magic bytes"
                    + " \"BLMDP\" 00 00 00)");
        }
        if (found >= 12) {
            int version = header.getInt(8);
            if (version != FORMAT_VERSION) {
                throw new InvalidMdpFileException(file + ": unsupported Bellman MDP format version "
                        + Integer.toUnsignedString(version) + "; this version of Bellman reads version "
                        + FORMAT_VERSION);
            }
        }
        if (found < HEADER_BYTES) {
            throw new InvalidMdpFileException(file + ": truncated header: a Bellman MDP header takes " + HEADER_BYTES
                    + " bytes, the file has " + size);
        }
        int flags = header.getInt(12);
        if ((flags & ~(FLAG_DETERMINISTIC | FLAG_FLOAT)) != 0) {
            throw new InvalidMdpFileException(file + ": unknown flags 0x" + Integer.toHexString(flags)
                    + " in the header; version " + FORMAT_VERSION + " knows only bit 0 (deterministic) and bit 1"
                    + " (float32)");
        }
        Layout layout = new Layout();
        layout.deterministic = (flags & FLAG_DETERMINISTIC) != 0;
        layout.single = (flags & FLAG_FLOAT) != 0;
        int states = header.getInt(16);
        int actions = header.getInt(20);
        long outcomes = header.getLong(24);
        if (states < 1 || actions < 1) {
            throw new InvalidMdpFileException(file + ": the header declares " + states + " states and " + actions
                    + " actions; at least one of each is needed");
        }
        long pairs = (long) states * actions;
        if (pairs > MAX_COUNT) {
            throw new InvalidMdpFileException(file + ": the header declares " + states + " states × " + actions
                    + " actions = " + pairs + " pairs; at most " + MAX_COUNT + " are supported");
        }
        if (layout.deterministic && outcomes != pairs) {
            throw new InvalidMdpFileException(file + ": the header declares a deterministic model with " + outcomes
                    + " outcomes; it must have one per pair, " + pairs);
        }
        if (outcomes < pairs || outcomes > MAX_COUNT) {
            throw new InvalidMdpFileException(file + ": the header declares " + outcomes + " outcomes for " + pairs
                    + " pairs; expected between " + pairs + " (one per pair) and " + MAX_COUNT);
        }
        layout.states = states;
        layout.actions = actions;
        layout.pairs = (int) pairs;
        layout.outcomes = (int) outcomes;
        int realBytes = layout.single ? 4 : 8;
        layout.terminalStart = HEADER_BYTES;
        layout.offsetsStart = layout.terminalStart + (states + 7L) / 8;
        layout.nextStart = layout.offsetsStart + (layout.deterministic ? 0 : 4L * (pairs + 1));
        layout.probabilitiesStart = layout.nextStart + 4L * outcomes;
        layout.rewardsStart = layout.probabilitiesStart + (layout.deterministic ? 0 : realBytes * outcomes);
        layout.end = layout.rewardsStart + realBytes * pairs;
        if (size < layout.end) {
            throw new InvalidMdpFileException(file + ": truncated: the header declares a model (" + layout.counts()
                    + ") of " + layout.end + " bytes, the file has " + size + "; it ends inside "
                    + layout.sectionAt(size));
        }
        if (size > layout.end) {
            throw new InvalidMdpFileException(file + ": " + (size - layout.end) + " bytes of trailing data: the header"
                    + " declares a model (" + layout.counts() + ") of " + layout.end + " bytes, the file has " + size);
        }
        return layout;
    }

    private static CompactModel readDeterministic(FileChannel channel, Path file, Layout layout) throws IOException {
        CompactModel.Precision precision = layout.single ? CompactModel.Precision.FLOAT : CompactModel.Precision.DOUBLE;
        CompactModel.DeterministicBuilder builder = CompactModel.deterministic(layout.states, layout.actions, precision);
        readTerminal(channel, file, layout, builder::terminal);
        Section next = new Section(channel, file, "next states", layout.nextStart, layout.probabilitiesStart);
        Section rewards = new Section(channel, file, "rewards", layout.rewardsStart, layout.end);
        for (int s = 0; s < layout.states; s++) {
            for (int a = 0; a < layout.actions; a++) {
                builder.set(s, a, next.getInt(), rewards.getReal(layout.single));
            }
        }
        return builder.build();
    }

    private static CompactModel readStochastic(FileChannel channel, Path file, Layout layout) throws IOException {
        CompactModel.Precision precision = layout.single ? CompactModel.Precision.FLOAT : CompactModel.Precision.DOUBLE;
        CompactModel.StochasticBuilder builder = CompactModel.stochastic(layout.states, layout.actions, precision);
        readTerminal(channel, file, layout, builder::terminal);
        Section offsets = new Section(channel, file, "outcome offsets", layout.offsetsStart, layout.nextStart);
        Section next = new Section(channel, file, "next states", layout.nextStart, layout.probabilitiesStart);
        Section probabilities = new Section(channel, file, "probabilities", layout.probabilitiesStart,
                layout.rewardsStart);
        Section rewards = new Section(channel, file, "rewards", layout.rewardsStart, layout.end);
        int start = offsets.getInt();
        if (start != 0) {
            throw new InvalidMdpFileException(file + ": the first outcome offset is " + start + "; it must be 0");
        }
        for (int s = 0; s < layout.states; s++) {
            for (int a = 0; a < layout.actions; a++) {
                int end = offsets.getInt();
                if (end < start || end > layout.outcomes) {
                    throw new InvalidMdpFileException(file + ": state " + s + ", action " + a + ": outcome offsets "
                            + start + " to " + end + " are not an increasing range within [0, " + layout.outcomes
                            + "]");
                }
                for (int k = start; k < end; k++) {
                    builder.outcome(next.getInt(), probabilities.getReal(layout.single));
                }
                builder.endPair(rewards.getReal(layout.single));
                start = end;
            }
        }
        if (start != layout.outcomes) {
            throw new InvalidMdpFileException(file + ": the last outcome offset is " + start + "; it must equal the"
                    + " outcome count, " + layout.outcomes);
        }
        return builder.build();
    }

    /** Receives the states the terminal flags mark. */
    private interface TerminalSink {
        void terminal(int state);
    }

    private static void readTerminal(FileChannel channel, Path file, Layout layout, TerminalSink sink)
            throws IOException {
        Section flags = new Section(channel, file, "terminal flags", layout.terminalStart, layout.offsetsStart);
        for (int base = 0; base < layout.states; base += 8) {
            int bits = flags.getByte();
            int used = Math.min(8, layout.states - base);
            if (bits >>> used != 0) {
                throw new InvalidMdpFileException(file + ": the terminal flags set bits beyond the last state "
                        + (layout.states - 1) + " (last byte 0x" + Integer.toHexString(bits) + ")");
            }
            for (int bit = 0; bits != 0 && bit < used; bit++) {
                if ((bits & (1 << bit)) != 0) {
                    sink.terminal(base + bit);
                }
            }
        }
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, at);
            if (read < 0) {
                return;
            }
            at += read;
        }
    }

    /** A cursor over one section of the file, read through its own buffer. */
    private static final class Section {
        private final FileChannel channel;
        private final Path file;
        private final String name;
        private final long end;
        private final ByteBuffer buffer;
        private long position;

        Section(FileChannel channel, Path file, String name, long start, long end) {
            this.channel = channel;
            this.file = file;
            this.name = name;
            this.end = end;
            this.position = start;
            this.buffer = ByteBuffer.allocateDirect((int) Math.min(BUFFER_BYTES, Math.max(8, end - start)))
                    .order(ByteOrder.LITTLE_ENDIAN);
            buffer.flip();
        }

        int getByte() throws IOException {
            require(1);
            return buffer.get() & 0xFF;
        }

        int getInt() throws IOException {
            require(4);
            return buffer.getInt();
        }

        double getReal(boolean single) throws IOException {
            if (single) {
                require(4);
                return buffer.getFloat();
            }
            require(8);
            return buffer.getDouble();
        }

        private void require(int bytes) throws IOException {
            if (buffer.remaining() >= bytes) {
                return;
            }
            buffer.compact();
            int wanted = (int) Math.min(buffer.remaining(), end - position);
            buffer.limit(buffer.position() + wanted);
            while (buffer.hasRemaining()) {
                int read = channel.read(buffer, position);
                if (read < 0) {
                    break;
                }
                position += read;
            }
            buffer.flip();
            if (buffer.remaining() < bytes) {
                throw new InvalidMdpFileException(file + ": the " + name + " section ends early (the file changed"
                        + " while it was read, or is truncated at byte " + position + ")");
            }
        }
    }

    /** Little-endian output through one buffer. */
    private static final class Output {
        private final FileChannel channel;
        private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);

        Output(FileChannel channel) {
            this.channel = channel;
        }

        void bytes(byte[] bytes) throws IOException {
            room(bytes.length);
            buffer.put(bytes);
        }

        void putByte(int value) throws IOException {
            room(1);
            buffer.put((byte) value);
        }

        void putInt(int value) throws IOException {
            room(4);
            buffer.putInt(value);
        }

        void putLong(long value) throws IOException {
            room(8);
            buffer.putLong(value);
        }

        void putReal(double value, boolean single) throws IOException {
            room(8);
            if (single) {
                buffer.putFloat((float) value);
            } else {
                buffer.putDouble(value);
            }
        }

        private void room(int bytes) throws IOException {
            if (buffer.remaining() < bytes) {
                flush();
            }
        }

        void flush() throws IOException {
            buffer.flip();
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            buffer.clear();
        }
    }
}
