package dev.bellman.deep.nn;

import dev.bellman.core.checkpoint.Checkpointable;
import dev.bellman.core.checkpoint.StateReader;
import dev.bellman.core.checkpoint.StateWriter;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A multilayer perceptron in float32 on ND4J, with backpropagation and a fast single-observation
 * path.
 *
 * <h2>Computation</h2>
 * Matrix products go through ND4J's {@code gemm} into preallocated arrays; every element-wise step
 * (bias, activation, activation derivative, dueling combination, bias gradient) is a plain Java
 * loop over heap copies of the same memory, because ND4J's per-call overhead (10–70 µs) dwarfs the
 * work at reinforcement-learning sizes. Batched products in plain Java were tried for small layers
 * and measured no faster than gemm (slower for 64-unit layers), so every batched product uses
 * gemm. {@link #predict(double[], double[])} runs entirely in Java over a heap mirror of the
 * parameters: about 7 µs for a 4-256-256-2 network instead of 30–80 µs through ND4J. Call
 * {@link Nd4jThreads#use(int)} once to choose ND4J's (process-wide) thread count.
 *
 * <h2>Parameter layout</h2>
 * {@link #parameters()} and {@link #gradients()} are each one flat float32 vector of
 * {@link #parameterCount()} elements, laid out layer by layer from the input: the layer's weights
 * {@code W} as an [in, out] row-major matrix (so a layer computes {@code x W + b} on a row {@code x}),
 * then its bias {@code b} of length out. In a dueling network the last layer is the two heads stored
 * as one layer with {@code out = 1 + outputSize}: column 0 is the value head {@code V}, columns 1 …
 * outputSize the advantage head {@code A}.
 *
 * <h2>Initialisation</h2>
 * As PyTorch's {@code nn.Linear}: every weight and bias of a layer is drawn from
 * {@code U(−1/√in, 1/√in)} (PyTorch's kaiming_uniform with a = √5 gives exactly this bound for
 * weights). Draw order, from one {@link SplittableRandom} seeded with the given seed: layer by layer,
 * the weights in row-major order, then the biases, i.e. the order of the flat layout above.
 *
 * <h2>Parameter changes</h2>
 * A version counter tells the single-observation mirror when to refresh. Every method of this class
 * that changes parameters, and every {@link Optimizer}, advances it; code that writes into
 * {@link #parameters()} directly must call {@link #markParametersChanged()}.
 *
 * <h2>Checkpoints</h2>
 * {@link #writeState} writes the shape and the parameters; {@link #readState} restores the
 * parameters in place, into the same storage, so views and optimizers that hold it stay valid.
 * Gradients and work arrays are not state: every backward pass overwrites them.
 *
 * <p>Not thread-safe. Inputs are not checked element by element for NaN or infinity, for speed;
 * non-finite inputs give non-finite outputs.
 */
public final class Mlp implements Checkpointable {

    /** Batch-size caches kept before the oldest are dropped; training uses one or two sizes. */
    private static final int MAX_CACHED_BATCH_SIZES = 4;

    private final MlpConfig config;
    private final int layerCount;
    /** Inputs of layer l, {@code layerIn[l]}; outputs {@code layerOut[l]} (1 + outputs for a dueling head). */
    private final int[] layerIn;
    private final int[] layerOut;
    private final Activation[] layerActivation;
    /** Offsets into the flat vector of each layer's weights and biases. */
    private final int[] weightOffset;
    private final int[] biasOffset;
    private final int parameterCount;

    private final INDArray parameters;
    private final INDArray gradients;
    private final FloatBuffer parameterView;
    private final FloatBuffer gradientView;
    private final INDArray[] weights;
    private final INDArray[] weightGradients;

    private final Map<Integer, BatchBuffers> buffersByBatchSize = new HashMap<>();
    private BatchBuffers last;
    private INDArray lastInput;

    private long parameterVersion;
    private long mirrorVersion = -1;
    private final float[] mirror;
    /** Per-layer activations of the single-observation path; the last holds the head's output. */
    private final float[][] predictActivations;
    private final float[] predictInput;
    private float[] batchInput = new float[0];
    private final float[][] batchActivations;
    private final float[] biasScratch;
    /** This network's and the source's parameters during {@link #polyakUpdate}; allocated on first use. */
    private float[][] polyakScratch;

    /**
     * Creates a network with PyTorch's default initialisation, drawn from {@code seed}.
     *
     * @param config shape of the network
     * @param seed   seed of the initialisation; equal seeds give equal networks
     * @throws NullPointerException     if {@code config} is null
     * @throws IllegalArgumentException if the network has more than {@code Integer.MAX_VALUE}
     *                                  parameters
     */
    public Mlp(MlpConfig config, long seed) {
        this(config);
        initialise(new SplittableRandom(seed));
    }

    private Mlp(MlpConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        int[] sizes = config.layerSizes();
        layerCount = sizes.length - 1;
        layerIn = new int[layerCount];
        layerOut = new int[layerCount];
        layerActivation = new Activation[layerCount];
        weightOffset = new int[layerCount];
        biasOffset = new int[layerCount];
        long offset = 0;
        int widest = 0;
        for (int l = 0; l < layerCount; l++) {
            boolean outputLayer = l == layerCount - 1;
            layerIn[l] = sizes[l];
            layerOut[l] = outputLayer && config.dueling() ? 1 + sizes[l + 1] : sizes[l + 1];
            layerActivation[l] = outputLayer ? config.output() : config.hidden();
            weightOffset[l] = Math.toIntExact(offset);
            offset += (long) layerIn[l] * layerOut[l];
            biasOffset[l] = Math.toIntExact(offset);
            offset += layerOut[l];
            widest = Math.max(widest, layerOut[l]);
        }
        if (offset > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("network " + config + " has " + offset
                    + " parameters, more than " + Integer.MAX_VALUE);
        }
        parameterCount = (int) offset;
        parameters = Nd4j.create(DataType.FLOAT, parameterCount);
        gradients = Nd4j.create(DataType.FLOAT, parameterCount);
        parameterView = FloatViews.view(parameters, "parameters");
        gradientView = FloatViews.view(gradients, "gradients");
        weights = new INDArray[layerCount];
        weightGradients = new INDArray[layerCount];
        for (int l = 0; l < layerCount; l++) {
            long[] shape = {layerIn[l], layerOut[l]};
            long[] stride = {layerOut[l], 1};
            weights[l] = Nd4j.create(parameters.data(), shape, stride, weightOffset[l], 'c', DataType.FLOAT);
            weightGradients[l] = Nd4j.create(gradients.data(), shape, stride, weightOffset[l], 'c', DataType.FLOAT);
        }
        mirror = new float[parameterCount];
        predictActivations = new float[layerCount][];
        for (int l = 0; l < layerCount; l++) {
            predictActivations[l] = new float[layerOut[l]];
        }
        predictInput = new float[config.inputSize()];
        batchActivations = new float[layerCount][];
        biasScratch = new float[widest];
    }

    private void initialise(SplittableRandom random) {
        float[] values = new float[parameterCount];
        for (int l = 0; l < layerCount; l++) {
            double bound = 1.0 / Math.sqrt(layerIn[l]);
            int end = biasOffset[l] + layerOut[l];
            for (int i = weightOffset[l]; i < end; i++) {
                values[i] = (float) random.nextDouble(-bound, bound);
            }
        }
        parameterView.put(0, values);
        markParametersChanged();
    }

    /**
     * The shape of this network.
     *
     * @return the shape of this network
     */
    public MlpConfig config() {
        return config;
    }

    /**
     * Number of inputs per observation.
     *
     * @return the number of inputs per observation
     */
    public int inputSize() {
        return config.inputSize();
    }

    /**
     * Number of outputs per observation.
     *
     * @return the number of outputs per observation
     */
    public int outputSize() {
        return config.outputSize();
    }

    /**
     * Number of trainable parameters: the length of {@link #parameters()}.
     *
     * @return the number of trainable parameters
     */
    public int parameterCount() {
        return parameterCount;
    }

    /**
     * The flat float32 parameter vector, laid out as described in the class documentation. It is
     * the network's own storage: writing into it changes the network, after which
     * {@link #markParametersChanged()} must be called.
     *
     * @return the network's flat float32 parameter vector, not a copy
     */
    public INDArray parameters() {
        return parameters;
    }

    /**
     * The flat float32 gradient vector, same layout as {@link #parameters()}, filled by
     * {@link #backward(INDArray)}.
     *
     * @return the network's flat float32 gradient vector, not a copy
     */
    public INDArray gradients() {
        return gradients;
    }

    /**
     * Records that {@link #parameters()} was written outside this class, so that
     * {@link #predict(double[], double[])} refreshes its mirror. Optimizers call it after each step.
     */
    public void markParametersChanged() {
        parameterVersion++;
    }

    /**
     * Counter advanced by every parameter change; equal values mean unchanged parameters (as far as
     * changes were reported).
     *
     * @return the parameter version, advanced by every reported parameter change
     */
    public long parameterVersion() {
        return parameterVersion;
    }

    /**
     * Computes the outputs for a batch of observations and keeps what {@link #backward(INDArray)}
     * needs.
     *
     * <p>Work arrays are allocated once per batch size and reused. The input is kept by reference
     * for the backward pass and must not be modified before it.
     *
     * @param input observations, one per row: [batch, inputSize]; contiguous float32 preferred
     *              (other types and layouts are converted, at the cost of a copy)
     * @return outputs [batch, outputSize], owned by this network and overwritten by the next
     *         {@code forward} with the same batch size
     * @throws NullPointerException     if {@code input} is null
     * @throws IllegalArgumentException if {@code input} is not a matrix, has no rows, or its column
     *                                  count differs from {@link #inputSize()}
     */
    public INDArray forward(INDArray input) {
        Objects.requireNonNull(input, "input");
        if (input.rank() != 2) {
            throw new IllegalArgumentException("input must be a [batch, " + inputSize() + "] matrix, got shape "
                    + Arrays.toString(input.shape()));
        }
        if (input.columns() != inputSize()) {
            throw new IllegalArgumentException("input must have " + inputSize() + " columns (the input size), got "
                    + input.columns());
        }
        if (input.rows() == 0) {
            throw new IllegalArgumentException("input batch must have at least one row, got 0");
        }
        INDArray x = FloatViews.dense(input);
        BatchBuffers buffers = buffersFor(Math.toIntExact(x.rows()));
        int batch = buffers.batch;
        INDArray previous = x;
        for (int l = 0; l < layerCount; l++) {
            Nd4j.gemm(previous, weights[l], buffers.activation[l], false, false, 1.0, 0.0);
            float[] values = buffers.heapActivation[l];
            int out = layerOut[l];
            buffers.activationView[l].get(0, values);
            parameterView.get(biasOffset[l], biasScratch, 0, out);
            for (int row = 0; row < batch; row++) {
                int start = row * out;
                for (int j = 0; j < out; j++) {
                    values[start + j] += biasScratch[j];
                }
            }
            layerActivation[l].apply(values, batch * out);
            buffers.activationView[l].put(0, values);
            previous = buffers.activation[l];
        }
        last = buffers;
        lastInput = x;
        if (!config.dueling()) {
            return buffers.activation[layerCount - 1];
        }
        combineDuelingHead(buffers.heapActivation[layerCount - 1], batch, buffers.heapOutput);
        buffers.outputView.put(0, buffers.heapOutput);
        return buffers.output;
    }

    /** Q = V + A − mean(A) per row; {@code head} rows are {@code [V, A_1 … A_n]}. */
    private void combineDuelingHead(float[] head, int batch, float[] q) {
        int actions = outputSize();
        int width = actions + 1;
        for (int row = 0; row < batch; row++) {
            int start = row * width;
            float sum = 0f;
            for (int a = 1; a <= actions; a++) {
                sum += head[start + a];
            }
            float value = head[start];
            float mean = sum / actions;
            int outStart = row * actions;
            for (int a = 0; a < actions; a++) {
                q[outStart + a] = value + head[start + 1 + a] - mean;
            }
        }
    }

    /**
     * Backpropagates {@code outputGradient} through the last {@link #forward(INDArray)} and writes
     * the gradient of the loss with respect to every parameter into {@link #gradients()},
     * overwriting what was there.
     *
     * @param outputGradient dLoss/dOutput, shape [batch, outputSize] of the last forward
     * @throws NullPointerException     if {@code outputGradient} is null
     * @throws IllegalStateException    if no forward pass preceded
     * @throws IllegalArgumentException if the shape differs from the last forward's output
     */
    public void backward(INDArray outputGradient) {
        backpropagate(outputGradient, true, false, null);
    }

    /**
     * {@link #backward(INDArray)} on two cores: each layer's weight gradient is computed on
     * {@code lane} while the caller computes the delta of the layer below. The gradients are
     * bit-identical to {@link #backward(INDArray)}'s. Returns when both lanes are done.
     *
     * @param outputGradient dLoss/dOutput, shape [batch, outputSize] of the last forward
     * @param lane           where the weight gradients are computed
     * @throws NullPointerException     if an argument is null
     * @throws IllegalStateException    if no forward pass preceded
     * @throws IllegalArgumentException if the shape differs from the last forward's output
     */
    public void backward(INDArray outputGradient, WorkerLane lane) {
        Objects.requireNonNull(lane, "lane");
        backpropagate(outputGradient, true, false, lane);
    }

    /**
     * Backpropagates {@code outputGradient} through the last {@link #forward(INDArray)} down to the
     * input, without computing parameter gradients: {@link #gradients()} is left as it was. This is
     * how DDPG's actor learns through its critic: the critic's gradient with respect to its action
     * inputs, {@code ∂Q/∂a}, drives the actor, and the critic's own gradients are not needed.
     *
     * @param outputGradient dLoss/dOutput, shape [batch, outputSize] of the last forward
     * @return dLoss/dInput, shape [batch, inputSize], owned by this network and overwritten by the
     *         next call with the same batch size
     * @throws NullPointerException     if {@code outputGradient} is null
     * @throws IllegalStateException    if no forward pass preceded
     * @throws IllegalArgumentException if the shape differs from the last forward's output
     */
    public INDArray inputGradient(INDArray outputGradient) {
        return backpropagate(outputGradient, false, true, null);
    }

    private INDArray backpropagate(INDArray outputGradient, boolean parameterGradients, boolean toInput, WorkerLane lane) {
        Objects.requireNonNull(outputGradient, "outputGradient");
        if (last == null) {
            throw new IllegalStateException("backward needs a preceding forward");
        }
        BatchBuffers buffers = last;
        int batch = buffers.batch;
        long[] expected = {batch, outputSize()};
        if (!Arrays.equals(outputGradient.shape(), expected)) {
            throw new IllegalArgumentException("outputGradient must have the last forward's output shape "
                    + Arrays.toString(expected) + ", got " + Arrays.toString(outputGradient.shape()));
        }
        FloatBuffer given = FloatViews.view(FloatViews.dense(outputGradient), "outputGradient");
        int top = layerCount - 1;
        float[] delta = buffers.heapDelta[top];
        if (config.dueling()) {
            float[] gradientQ = buffers.heapOutput;
            given.get(0, gradientQ);
            splitDuelingGradient(gradientQ, batch, delta);
        } else {
            given.get(0, delta);
            layerActivation[top].multiplyByDerivative(delta, buffers.heapActivation[top], batch * layerOut[top]);
        }
        buffers.deltaView[top].put(0, delta);
        for (int l = top; l >= 0; l--) {
            if (parameterGradients) {
                int layer = l;
                INDArray layerInput = l == 0 ? lastInput : buffers.activation[l - 1];
                Runnable weightGradient = () -> {
                    Nd4j.gemm(layerInput, buffers.delta[layer], weightGradients[layer], true, false, 1.0, 0.0);
                    writeBiasGradient(layer, buffers.heapDelta[layer], batch);
                };
                if (lane == null) {
                    weightGradient.run();
                } else {
                    // Reads delta[l] and activation[l − 1], which the caller no longer writes.
                    lane.run(weightGradient);
                }
            }
            if (l > 0) {
                float[] below = buffers.heapDelta[l - 1];
                Nd4j.gemm(buffers.delta[l], weights[l], buffers.delta[l - 1], false, true, 1.0, 0.0);
                buffers.deltaView[l - 1].get(0, below);
                layerActivation[l - 1].multiplyByDerivative(below, buffers.heapActivation[l - 1],
                        batch * layerOut[l - 1]);
                buffers.deltaView[l - 1].put(0, below);
            }
        }
        if (lane != null) {
            lane.join();
        }
        if (!toInput) {
            return null;
        }
        if (buffers.inputGradient == null) {
            buffers.inputGradient = Nd4j.create(DataType.FLOAT, batch, inputSize());
        }
        Nd4j.gemm(buffers.delta[0], weights[0], buffers.inputGradient, false, true, 1.0, 0.0);
        return buffers.inputGradient;
    }

    /** dQ/dV = Σ_a g_a and dQ/dA_k = g_k − mean(g), per row; {@code head} rows are {@code [dV, dA…]}. */
    private void splitDuelingGradient(float[] gradientQ, int batch, float[] head) {
        int actions = outputSize();
        int width = actions + 1;
        for (int row = 0; row < batch; row++) {
            int start = row * actions;
            float sum = 0f;
            for (int a = 0; a < actions; a++) {
                sum += gradientQ[start + a];
            }
            float mean = sum / actions;
            int headStart = row * width;
            head[headStart] = sum;
            for (int a = 0; a < actions; a++) {
                head[headStart + 1 + a] = gradientQ[start + a] - mean;
            }
        }
    }

    private void writeBiasGradient(int layer, float[] delta, int batch) {
        int out = layerOut[layer];
        Arrays.fill(biasScratch, 0, out, 0f);
        for (int row = 0; row < batch; row++) {
            int start = row * out;
            for (int j = 0; j < out; j++) {
                biasScratch[j] += delta[start + j];
            }
        }
        gradientView.put(biasOffset[layer], biasScratch, 0, out);
    }

    /**
     * Rescales {@link #gradients()} in place to L2 norm at most {@code maxNorm}, as PyTorch's
     * {@code clip_grad_norm_}; see {@link GradientClipping#clipByGlobalNorm(INDArray, double)}.
     *
     * @param maxNorm largest allowed norm; positive; {@code +∞} only measures the norm
     * @return the norm before clipping
     * @throws IllegalArgumentException if {@code maxNorm} is not positive or is NaN
     */
    public double clipGradientsByGlobalNorm(double maxNorm) {
        return GradientClipping.clipByGlobalNorm(gradients, maxNorm);
    }

    /**
     * Computes the outputs for one observation in plain Java, without allocation.
     *
     * <p>Agrees with {@link #forward(INDArray)} to float32 rounding (the sums run in a different
     * order). Uses a heap mirror of the parameters, refreshed when {@link #parameterVersion()} has
     * changed since the last call.
     *
     * @param observation the inputs, length {@link #inputSize()}
     * @param out         receives the outputs, length {@link #outputSize()}
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if a length is wrong
     */
    public void predict(double[] observation, double[] out) {
        Objects.requireNonNull(observation, "observation");
        Objects.requireNonNull(out, "out");
        if (observation.length != inputSize()) {
            throw new IllegalArgumentException("observation must have length " + inputSize() + " (the input size), got "
                    + observation.length);
        }
        if (out.length != outputSize()) {
            throw new IllegalArgumentException("out must have length " + outputSize() + " (the output size), got "
                    + out.length);
        }
        for (int i = 0; i < predictInput.length; i++) {
            predictInput[i] = (float) observation[i];
        }
        float[] head = mirrorForward(predictInput, predictActivations, 1);
        writeOutputs(head, 0, out, 0);
    }

    /**
     * Computes the outputs for several observations in plain Java, in one pass over the weights.
     * Each observation's outputs equal, bit for bit, what {@link #predict(double[], double[])}
     * gives for it alone (the same sums in the same order). It is only 3–6% faster per observation
     * than one call each (the output rows are read and written for every weight either way); from
     * about 8 observations {@link #forward(INDArray)} is faster (docs/benchmarks.md).
     *
     * @param observations the observations, each of length {@link #inputSize()}; at least one
     * @param out          receives observation {@code r}'s outputs at
     *                     {@code [r · outputSize(), (r + 1) · outputSize())}; length at least
     *                     {@code observations.size() · outputSize()}
     * @throws NullPointerException     if an argument or an observation is null
     * @throws IllegalArgumentException if there are no observations, or a length is wrong
     */
    public void predict(List<double[]> observations, double[] out) {
        Objects.requireNonNull(observations, "observations");
        Objects.requireNonNull(out, "out");
        int rows = observations.size();
        if (rows == 0) {
            throw new IllegalArgumentException("observations must hold at least one observation");
        }
        if (out.length < rows * outputSize()) {
            throw new IllegalArgumentException("out must have length at least " + rows * outputSize() + " ("
                    + rows + " observations × " + outputSize() + " outputs), got " + out.length);
        }
        if (batchInput.length < rows * inputSize()) {
            batchInput = new float[rows * inputSize()];
            for (int l = 0; l < layerCount; l++) {
                batchActivations[l] = new float[rows * layerOut[l]];
            }
        }
        for (int r = 0; r < rows; r++) {
            double[] observation = Objects.requireNonNull(observations.get(r), "observation");
            if (observation.length != inputSize()) {
                throw new IllegalArgumentException("observation " + r + " must have length " + inputSize()
                        + " (the input size), got " + observation.length);
            }
            for (int i = 0; i < observation.length; i++) {
                batchInput[r * inputSize() + i] = (float) observation[i];
            }
        }
        float[] head = mirrorForward(batchInput, batchActivations, rows);
        for (int r = 0; r < rows; r++) {
            writeOutputs(head, r, out, r * outputSize());
        }
    }

    /** Runs the layers over {@code rows} inputs on the heap mirror; returns the top activations. */
    private float[] mirrorForward(float[] input, float[][] activations, int rows) {
        if (mirrorVersion != parameterVersion) {
            parameterView.get(0, mirror);
            mirrorVersion = parameterVersion;
        }
        float[] x = input;
        for (int l = 0; l < layerCount; l++) {
            float[] y = activations[l];
            int in = layerIn[l];
            int width = layerOut[l];
            for (int r = 0; r < rows; r++) {
                System.arraycopy(mirror, biasOffset[l], y, r * width, width);
            }
            // Input by input (y += x_i · W_i) keeps the inner loop contiguous and vectorisable and
            // reads each weight row once for all rows; zero inputs (frequent after ReLU) are skipped.
            for (int i = 0; i < in; i++) {
                int weightRow = weightOffset[l] + i * width;
                for (int r = 0; r < rows; r++) {
                    float xi = x[r * in + i];
                    if (xi == 0f) {
                        continue;
                    }
                    int outRow = r * width;
                    for (int j = 0; j < width; j++) {
                        y[outRow + j] += xi * mirror[weightRow + j];
                    }
                }
            }
            layerActivation[l].apply(y, rows * width);
            x = y;
        }
        return x;
    }

    /** Copies row {@code r} of the top activations to {@code out}, combining a dueling head. */
    private void writeOutputs(float[] head, int r, double[] out, int offset) {
        int actions = outputSize();
        if (config.dueling()) {
            int row = r * (actions + 1);
            float sum = 0f;
            for (int a = 1; a <= actions; a++) {
                sum += head[row + a];
            }
            float mean = sum / actions;
            for (int a = 0; a < actions; a++) {
                out[offset + a] = head[row] + head[row + 1 + a] - mean;
            }
        } else {
            int row = r * actions;
            for (int a = 0; a < actions; a++) {
                out[offset + a] = head[row + a];
            }
        }
    }

    /**
     * Computes the outputs for one observation in plain Java; allocates the result.
     *
     * @param observation one observation, of length {@link #inputSize()}
     * @return a new array of {@link #outputSize()} outputs
     * @see #predict(double[], double[])
     */
    public double[] predict(double[] observation) {
        double[] out = new double[outputSize()];
        predict(observation, out);
        return out;
    }

    /**
     * Hard update: makes this network's parameters equal to {@code source}'s.
     *
     * @param source the network to copy from, with an equal config
     * @throws NullPointerException     if {@code source} is null
     * @throws IllegalArgumentException if the configs differ
     */
    public void copyParametersFrom(Mlp source) {
        requireSameConfig(source);
        parameterView.put(0, source.parameterView, 0, parameterCount);
        markParametersChanged();
    }

    /**
     * Soft (Polyak) update {@code θ ← τ θ_source + (1 − τ) θ}, as in DDPG (Lillicrap et al. 2016).
     *
     * @param source network to move towards
     * @param tau    step size τ in [0, 1]; 1 is a hard copy, 0 leaves this network unchanged
     * @throws NullPointerException     if {@code source} is null
     * @throws IllegalArgumentException if the configs differ or {@code tau} is outside [0, 1]
     */
    public void polyakUpdate(Mlp source, double tau) {
        requireSameConfig(source);
        if (!(tau >= 0.0 && tau <= 1.0)) {
            throw new IllegalArgumentException("tau must be in [0, 1], got " + tau);
        }
        float sourceWeight = (float) tau;
        float ownWeight = (float) (1.0 - tau);
        if (polyakScratch == null) {
            // Bulk copies: element-wise FloatBuffer access was a sixth of DDPG's Java time.
            polyakScratch = new float[2][parameterCount];
        }
        float[] own = polyakScratch[0];
        float[] from = polyakScratch[1];
        parameterView.get(0, own);
        source.parameterView.get(0, from);
        for (int i = 0; i < parameterCount; i++) {
            own[i] = sourceWeight * from[i] + ownWeight * own[i];
        }
        parameterView.put(0, own);
        markParametersChanged();
    }

    /**
     * A new network with the same config and parameters (gradients and work arrays are not copied).
     *
     * @return the new network, independent of this one
     */
    public Mlp copy() {
        Mlp copy = new Mlp(config);
        copy.copyParametersFrom(this);
        return copy;
    }

    /** Creates a network of the given config with parameters read from {@code values}; for loading. */
    static Mlp withParameters(MlpConfig config, float[] values) {
        Mlp net = new Mlp(config);
        if (values.length != net.parameterCount) {
            throw new IllegalArgumentException(config + " has " + net.parameterCount + " parameters, got "
                    + values.length);
        }
        net.parameterView.put(0, values);
        net.markParametersChanged();
        return net;
    }

    /**
     * Writes the network's shape and its {@link #parameterCount()} float32 parameters, bit-exact.
     *
     * @throws IOException if writing fails
     */
    @Override
    public void writeState(StateWriter out) throws IOException {
        out.writeString(config.toString());
        out.writeFloats(parameterValues());
    }

    /**
     * Replaces the parameters with those {@link #writeState} wrote, in place.
     *
     * @throws dev.bellman.core.checkpoint.InvalidCheckpointException if the checkpoint's network has
     *                                                                another shape
     * @throws IOException                                            if reading fails
     */
    @Override
    public void readState(StateReader in) throws IOException {
        in.expectString("network shape", config.toString());
        float[] values = new float[parameterCount];
        in.readFloats(values, "network parameters");
        parameterView.put(0, values);
        markParametersChanged();
    }

    /** Heap copy of the parameters. */
    float[] parameterValues() {
        float[] values = new float[parameterCount];
        parameterView.get(0, values);
        return values;
    }

    FloatBuffer parameterView() {
        return parameterView;
    }

    FloatBuffer gradientView() {
        return gradientView;
    }

    private void requireSameConfig(Mlp source) {
        Objects.requireNonNull(source, "source");
        if (!config.equals(source.config)) {
            throw new IllegalArgumentException("configs differ: this network is " + config + ", the source is "
                    + source.config);
        }
    }

    private BatchBuffers buffersFor(int batch) {
        BatchBuffers buffers = buffersByBatchSize.get(batch);
        if (buffers == null) {
            if (buffersByBatchSize.size() >= MAX_CACHED_BATCH_SIZES) {
                // Rarely reached (evaluation at odd sizes); dropping all is simpler than LRU and
                // costs one reallocation per size afterwards.
                buffersByBatchSize.clear();
            }
            buffers = new BatchBuffers(batch);
            buffersByBatchSize.put(batch, buffers);
        }
        return buffers;
    }

    /** Work arrays of one batch size: per layer the activations and the backpropagated deltas. */
    private final class BatchBuffers {
        final int batch;
        final INDArray[] activation = new INDArray[layerCount];
        final FloatBuffer[] activationView = new FloatBuffer[layerCount];
        final float[][] heapActivation = new float[layerCount][];
        final INDArray[] delta = new INDArray[layerCount];
        final FloatBuffer[] deltaView = new FloatBuffer[layerCount];
        final float[][] heapDelta = new float[layerCount][];
        final INDArray output;
        final FloatBuffer outputView;
        final float[] heapOutput;
        /** dLoss/dInput, allocated on the first {@link #inputGradient(INDArray)} at this size. */
        INDArray inputGradient;

        BatchBuffers(int batch) {
            this.batch = batch;
            for (int l = 0; l < layerCount; l++) {
                activation[l] = Nd4j.create(DataType.FLOAT, batch, layerOut[l]);
                activationView[l] = FloatViews.view(activation[l], "activation");
                heapActivation[l] = new float[batch * layerOut[l]];
                delta[l] = Nd4j.create(DataType.FLOAT, batch, layerOut[l]);
                deltaView[l] = FloatViews.view(delta[l], "delta");
                heapDelta[l] = new float[batch * layerOut[l]];
            }
            if (config.dueling()) {
                output = Nd4j.create(DataType.FLOAT, batch, outputSize());
                outputView = FloatViews.view(output, "output");
                heapOutput = new float[batch * outputSize()];
            } else {
                output = null;
                outputView = null;
                heapOutput = null;
            }
        }
    }
}
