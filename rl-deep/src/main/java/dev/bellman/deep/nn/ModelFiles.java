package dev.bellman.deep.nn;

import dev.bellman.core.io.AtomicFiles;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Saves and loads an {@link Mlp}, optionally with its {@link Optimizer}, in a versioned binary
 * format.
 *
 * <h2>Format, version 1</h2>
 * Big-endian ({@link DataOutputStream}); floats and doubles bit-exact:
 * <pre>
 * int     magic 0x424C4E4E ("BLNN")
 * int     format version, 1
 * int     number of layer sizes k, then k × int layer sizes
 * UTF     hidden activation name, UTF output activation name (enum constant names)
 * boolean dueling
 * int     parameter count P, then P × float parameters (layout of {@link Mlp#parameters()})
 * boolean optimizer present; if so:
 *   UTF    optimizer name: "adam", "rmsprop" or "sgd"
 *   int    number of hyper-parameters h, then h × double:
 *            adam: learningRate, beta1, beta2, epsilon; rmsprop: learningRate, alpha, epsilon;
 *            sgd: learningRate
 *   long   step count
 *   int    number of state vectors s, then for each: int length, length × float
 *            adam: first moments, second moments; rmsprop: square averages; sgd: none
 *            (length 0 when no step was taken yet)
 * end of file
 * </pre>
 * Files are written to a temporary file in the target's directory and then renamed over the
 * target (atomically where the file system allows), so a crash never leaves a half-written model.
 */
public final class ModelFiles {

    /** "BLNN" in ASCII. */
    static final int MAGIC = 0x424C4E4E;
    /** Current format version; readers reject other versions. */
    static final int FORMAT_VERSION = 1;

    private ModelFiles() {
    }

    /**
     * A loaded network and, if the file held one, its optimizer with restored state.
     *
     * @param net       the network
     * @param optimizer the optimizer, or empty if none was saved
     */
    public record Loaded(Mlp net, Optional<Optimizer> optimizer) {

        /**
         * @param net       the network
         * @param optimizer the optimizer, or empty if none was saved
         * @throws NullPointerException if an argument is null
         */
        public Loaded {
            Objects.requireNonNull(net, "net");
            Objects.requireNonNull(optimizer, "optimizer");
        }
    }

    /**
     * Saves {@code net} without an optimizer.
     *
     * @param file the model file
     * @param net  the network to save
     * @throws IOException          if writing fails; the target is then unchanged
     * @throws NullPointerException if an argument is null
     */
    public static void save(Path file, Mlp net) throws IOException {
        write(file, net, null);
    }

    /**
     * Saves {@code net} with {@code optimizer}'s hyper-parameters and state, so that training can
     * continue exactly after {@link #loadWithOptimizer(Path)}.
     *
     * @param file      the model file
     * @param net       the network to save
     * @param optimizer the optimizer whose hyper-parameters and state are saved with it
     * @throws IOException              if writing fails; the target is then unchanged
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if the optimizer is not one of {@link Adam}, {@link RmsProp},
     *                                  {@link Sgd}
     */
    public static void save(Path file, Mlp net, Optimizer optimizer) throws IOException {
        write(file, net, Objects.requireNonNull(optimizer, "optimizer"));
    }

    /**
     * Loads the network of a model file, ignoring any optimizer section.
     *
     * @param file the model file
     * @return the network, with the saved parameters
     * @throws InvalidModelFileException if the file is truncated, has the wrong magic number, an
     *                                   unknown format version or inconsistent contents
     * @throws IOException               if reading fails
     */
    public static Mlp load(Path file) throws IOException {
        return loadWithOptimizer(file).net();
    }

    /**
     * Loads the network and, if saved, the optimizer of a model file.
     *
     * @param file the model file
     * @return the network and, if the file held one, its optimizer with restored state
     * @throws InvalidModelFileException if the file is truncated, has the wrong magic number, an
     *                                   unknown format version or inconsistent contents
     * @throws IOException               if reading fails
     */
    public static Loaded loadWithOptimizer(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        try (InputStream stream = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(stream))) {
            Loaded loaded = read(in, file);
            if (in.read() != -1) {
                throw new InvalidModelFileException(file + ": unexpected bytes after the end of the model");
            }
            return loaded;
        } catch (EOFException truncated) {
            throw new InvalidModelFileException(file + ": truncated model file (ends before the model is complete)");
        }
    }

    private static void write(Path file, Mlp net, Optimizer optimizer) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(net, "net");
        // Forced to the disk before the rename: a crash leaves the previous file loadable.
        AtomicFiles.writeStream(file, stream -> {
            DataOutputStream out = new DataOutputStream(stream);
            writeModel(out, net, optimizer);
            out.flush();
        });
    }

    private static void writeModel(DataOutputStream out, Mlp net, Optimizer optimizer) throws IOException {
        MlpConfig config = net.config();
        out.writeInt(MAGIC);
        out.writeInt(FORMAT_VERSION);
        int[] sizes = config.layerSizes();
        out.writeInt(sizes.length);
        for (int size : sizes) {
            out.writeInt(size);
        }
        out.writeUTF(config.hidden().name());
        out.writeUTF(config.output().name());
        out.writeBoolean(config.dueling());
        writeFloats(out, net.parameterValues());
        out.writeBoolean(optimizer != null);
        if (optimizer == null) {
            return;
        }
        if (optimizer instanceof Adam adam) {
            writeOptimizer(out, "adam",
                    new double[] {adam.learningRate(), adam.beta1(), adam.beta2(), adam.epsilon()},
                    adam.stepCount(), adam.firstMoments(), adam.secondMoments());
        } else if (optimizer instanceof RmsProp rmsProp) {
            writeOptimizer(out, "rmsprop",
                    new double[] {rmsProp.learningRate(), rmsProp.alpha(), rmsProp.epsilon()},
                    rmsProp.stepCount(), rmsProp.squareAverages());
        } else if (optimizer instanceof Sgd sgd) {
            writeOptimizer(out, "sgd", new double[] {sgd.learningRate()}, sgd.stepCount());
        } else {
            throw new IllegalArgumentException("cannot save optimizer " + optimizer.getClass().getName()
                    + "; supported: Adam, RmsProp, Sgd");
        }
    }

    private static void writeOptimizer(DataOutputStream out, String name, double[] hyperParameters, long steps,
                                       float[]... state) throws IOException {
        out.writeUTF(name);
        out.writeInt(hyperParameters.length);
        for (double value : hyperParameters) {
            out.writeDouble(value);
        }
        out.writeLong(steps);
        out.writeInt(state.length);
        for (float[] vector : state) {
            writeFloats(out, vector);
        }
    }

    private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
        out.writeInt(values.length);
        for (float value : values) {
            out.writeFloat(value);
        }
    }

    private static Loaded read(DataInputStream in, Path file) throws IOException {
        int magic = in.readInt();
        if (magic != MAGIC) {
            throw new InvalidModelFileException(file + ": not a Bellman model file (magic number 0x"
                    + Integer.toHexString(magic) + ", expected 0x" + Integer.toHexString(MAGIC) + ")");
        }
        int version = in.readInt();
        if (version != FORMAT_VERSION) {
            throw new InvalidModelFileException(file + ": unknown model format version " + version
                    + ", this reader supports version " + FORMAT_VERSION);
        }
        int sizeCount = in.readInt();
        if (sizeCount < 2 || sizeCount > 1_000) {
            throw new InvalidModelFileException(file + ": implausible number of layer sizes " + sizeCount);
        }
        int[] sizes = new int[sizeCount];
        for (int i = 0; i < sizeCount; i++) {
            sizes[i] = in.readInt();
        }
        MlpConfig config;
        try {
            Activation hidden = Activation.valueOf(in.readUTF());
            Activation output = Activation.valueOf(in.readUTF());
            config = new MlpConfig(sizes, hidden, output, in.readBoolean());
        } catch (IllegalArgumentException invalid) {
            throw new InvalidModelFileException(file + ": invalid network configuration: " + invalid.getMessage());
        }
        Mlp net;
        try {
            net = Mlp.withParameters(config, readFloats(in, file, Integer.MAX_VALUE));
        } catch (IllegalArgumentException mismatch) {
            throw new InvalidModelFileException(file + ": " + mismatch.getMessage());
        }
        if (!in.readBoolean()) {
            return new Loaded(net, Optional.empty());
        }
        String name = in.readUTF();
        double[] hyperParameters = new double[readCount(in, file, "hyper-parameters", 16)];
        for (int i = 0; i < hyperParameters.length; i++) {
            hyperParameters[i] = in.readDouble();
        }
        long steps = in.readLong();
        float[][] state = new float[readCount(in, file, "optimizer state vectors", 16)][];
        for (int i = 0; i < state.length; i++) {
            state[i] = readFloats(in, file, net.parameterCount());
        }
        try {
            return new Loaded(net, Optional.of(optimizer(name, hyperParameters, steps, state, file)));
        } catch (IllegalArgumentException invalid) {
            throw new InvalidModelFileException(file + ": invalid " + name + " optimizer: " + invalid.getMessage());
        }
    }

    private static Optimizer optimizer(String name, double[] hyper, long steps, float[][] state, Path file)
            throws InvalidModelFileException {
        switch (name) {
            case "adam" -> {
                expectCounts(file, name, hyper, 4, state, 2);
                Adam adam = new Adam(hyper[0], hyper[1], hyper[2], hyper[3]);
                adam.restoreState(steps, state[0], state[1]);
                return adam;
            }
            case "rmsprop" -> {
                expectCounts(file, name, hyper, 3, state, 1);
                RmsProp rmsProp = new RmsProp(hyper[0], hyper[1], hyper[2]);
                rmsProp.restoreState(steps, state[0]);
                return rmsProp;
            }
            case "sgd" -> {
                expectCounts(file, name, hyper, 1, state, 0);
                Sgd sgd = new Sgd(hyper[0]);
                sgd.restoreState(steps);
                return sgd;
            }
            default -> throw new InvalidModelFileException(file + ": unknown optimizer \"" + name
                    + "\"; known: adam, rmsprop, sgd");
        }
    }

    private static void expectCounts(Path file, String name, double[] hyper, int hyperCount, float[][] state,
                                     int stateCount) throws InvalidModelFileException {
        if (hyper.length != hyperCount || state.length != stateCount) {
            throw new InvalidModelFileException(file + ": optimizer " + name + " needs " + hyperCount
                    + " hyper-parameters and " + stateCount + " state vectors, the file has " + hyper.length
                    + " and " + state.length);
        }
    }

    private static int readCount(DataInputStream in, Path file, String what, int max) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > max) {
            throw new InvalidModelFileException(file + ": implausible number of " + what + ": " + count);
        }
        return count;
    }

    /** Reads a length-prefixed float vector; {@code expectedLength} bounds it (state may also be empty). */
    private static float[] readFloats(DataInputStream in, Path file, int expectedLength) throws IOException {
        int length = in.readInt();
        boolean plausible = expectedLength == Integer.MAX_VALUE
                ? length >= 0
                : length == 0 || length == expectedLength;
        if (!plausible) {
            throw new InvalidModelFileException(file + ": float vector of length " + length
                    + (expectedLength == Integer.MAX_VALUE ? "" : ", expected " + expectedLength + " or 0"));
        }
        // Read in chunks so that a corrupt huge length fails with EOF instead of exhausting memory.
        float[] values = new float[Math.min(length, 1 << 16)];
        int read = 0;
        while (read < length) {
            if (read == values.length) {
                values = Arrays.copyOf(values, (int) Math.min(length, 2L * values.length));
            }
            values[read++] = in.readFloat();
        }
        return values;
    }
}
