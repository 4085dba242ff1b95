package dev.bellman.deep.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link Mlp#inputGradient(INDArray)}, dLoss/dInput, against central finite differences of the
 * independent double-precision forward pass {@link ReferenceMlp}, for the loss
 * {@code L = Σ G ⊙ output} whose output gradient is the given {@code G}.
 *
 * <p>Tolerance, as in {@link MlpGradientTest}: the analytical gradient is a float32 sum of a few
 * dozen terms (relative rounding about 1e-6), the double central difference with h = 1e-6 is exact
 * to about 1e-9, so {@code 1e-5 + 1e-4 |g|} is loose for a correct gradient and far too tight for a
 * wrong term (a missing activation derivative or a transposed weight changes it at order 1).
 */
class MlpInputGradientTest {

    private static final int BATCH = 7;
    private static final double STEP = 1e-6;

    static Stream<Arguments> networks() {
        return Stream.of(
                Arguments.of("relu", new MlpConfig(new int[] {3, 5, 4, 2}, Activation.RELU, Activation.IDENTITY, false)),
                Arguments.of("tanh", new MlpConfig(new int[] {3, 5, 4, 2}, Activation.TANH, Activation.TANH, false)),
                Arguments.of("identity", new MlpConfig(new int[] {3, 4, 2}, Activation.IDENTITY, Activation.IDENTITY,
                        false)),
                Arguments.of("one layer", new MlpConfig(new int[] {4, 3}, Activation.RELU, Activation.TANH, false)),
                Arguments.of("dueling", new MlpConfig(new int[] {3, 5, 4, 3}, Activation.RELU, Activation.IDENTITY, true)),
                // Pendulum's DDPG critic: [cos θ, sin θ, θ', a] -> Q.
                Arguments.of("critic", new MlpConfig(new int[] {3 + 1, 16, 16, 1}, Activation.RELU, Activation.IDENTITY,
                        false)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void inputGradientMatchesCentralFiniteDifferences(String name, MlpConfig config) {
        Mlp net = new Mlp(config, 42);
        SplittableRandom random = new SplittableRandom(11);
        double[][] inputs = randomMatrix(random, BATCH, config.inputSize(), 1.5);
        INDArray input = Nd4j.create(inputs).castTo(DataType.FLOAT);
        INDArray outputGradient = Nd4j.create(randomMatrix(random, BATCH, config.outputSize(), 1.0)).castTo(DataType.FLOAT);
        // The float32 network sees everything rounded to float; the reference must see the same.
        double[][] rounded = toDoubles(input);
        double[][] weights = toDoubles(outputGradient);

        net.forward(input);
        INDArray gradient = net.inputGradient(outputGradient);
        assertArrayEquals(new long[] {BATCH, config.inputSize()}, gradient.shape());

        double[] theta = ReferenceMlp.parameters(net);
        for (int row = 0; row < BATCH; row++) {
            for (int i = 0; i < config.inputSize(); i++) {
                double saved = rounded[row][i];
                rounded[row][i] = saved + STEP;
                double plus = weightedOutput(config, theta, rounded, weights);
                rounded[row][i] = saved - STEP;
                double minus = weightedOutput(config, theta, rounded, weights);
                rounded[row][i] = saved;
                double numerical = (plus - minus) / (2 * STEP);
                assertEquals(numerical, gradient.getDouble(row, i), 1e-5 + 1e-4 * Math.abs(numerical),
                        name + ": row " + row + ", input " + i);
            }
        }
    }

    /** A linear network's input gradient is G Wᵀ exactly; this pins the orientation of every product. */
    @Test
    void aLinearNetworksInputGradientIsTheWeightMatrixTransposed() {
        MlpConfig config = new MlpConfig(new int[] {3, 2}, Activation.IDENTITY, Activation.IDENTITY, false);
        Mlp net = new Mlp(config, 5);
        float[] theta = net.parameterValues();
        net.forward(Nd4j.rand(DataType.FLOAT, 2, 3));
        float[][] g = {{1f, 0f}, {0.5f, -2f}};
        INDArray gradient = net.inputGradient(Nd4j.create(g));
        for (int row = 0; row < 2; row++) {
            for (int i = 0; i < 3; i++) {
                // W is [in, out] row-major at offset 0: W[i][j] = theta[i * 2 + j].
                double expected = (double) g[row][0] * theta[i * 2] + (double) g[row][1] * theta[i * 2 + 1];
                assertEquals(expected, gradient.getDouble(row, i), 1e-6, "row " + row + ", input " + i);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void inputGradientLeavesParameterGradientsAndParametersAlone(String name, MlpConfig config) {
        Mlp net = new Mlp(config, 3);
        INDArray input = Nd4j.rand(DataType.FLOAT, BATCH, config.inputSize());
        INDArray outputGradient = Nd4j.rand(DataType.FLOAT, BATCH, config.outputSize());
        net.forward(input);
        net.backward(outputGradient);
        float[] gradients = net.gradients().toFloatVector();
        float[] parameters = net.parameterValues();
        long version = net.parameterVersion();

        net.inputGradient(Nd4j.rand(DataType.FLOAT, BATCH, config.outputSize()).muli(10));

        assertArrayEquals(gradients, net.gradients().toFloatVector(), name + ": gradients()");
        assertArrayEquals(parameters, net.parameterValues(), name + ": parameters()");
        assertEquals(version, net.parameterVersion(), name + ": parameterVersion()");
    }

    /**
     * The input gradient reuses the deltas of {@link Mlp#backward(INDArray)}; neither may leave
     * anything behind that changes the other's result after the same forward pass.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void backwardAndInputGradientDoNotDisturbEachOther(String name, MlpConfig config) {
        INDArray input = Nd4j.rand(DataType.FLOAT, BATCH, config.inputSize());
        INDArray outputGradient = Nd4j.rand(DataType.FLOAT, BATCH, config.outputSize());
        INDArray other = Nd4j.rand(DataType.FLOAT, BATCH, config.outputSize());

        Mlp clean = new Mlp(config, 8);
        clean.forward(input);
        clean.backward(outputGradient);
        float[] expectedGradients = clean.gradients().toFloatVector();
        float[] expectedInputGradient = clean.inputGradient(outputGradient).ravel().toFloatVector();

        Mlp mixed = new Mlp(config, 8);
        mixed.forward(input);
        mixed.inputGradient(other);
        mixed.backward(outputGradient);
        assertArrayEquals(expectedGradients, mixed.gradients().toFloatVector(), name + ": backward after inputGradient");
        mixed.backward(other);
        assertArrayEquals(expectedInputGradient, mixed.inputGradient(outputGradient).ravel().toFloatVector(),
                name + ": inputGradient after backward");
    }

    @Test
    void inputGradientFollowsTheLastForwardsBatchSize() {
        MlpConfig config = new MlpConfig(new int[] {3, 6, 2}, Activation.TANH, Activation.IDENTITY, false);
        Mlp net = new Mlp(config, 1);
        net.forward(Nd4j.rand(DataType.FLOAT, 4, 3));
        assertArrayEquals(new long[] {4, 3}, net.inputGradient(Nd4j.ones(DataType.FLOAT, 4, 2)).shape());
        net.forward(Nd4j.rand(DataType.FLOAT, 1, 3));
        assertArrayEquals(new long[] {1, 3}, net.inputGradient(Nd4j.ones(DataType.FLOAT, 1, 2)).shape());
    }

    @Test
    void badOutputGradientsAreRejectedWithTheExpectedShape() {
        MlpConfig config = new MlpConfig(new int[] {3, 6, 2}, Activation.RELU, Activation.IDENTITY, false);
        Mlp net = new Mlp(config, 1);
        IllegalStateException beforeForward = assertThrows(IllegalStateException.class,
                () -> net.inputGradient(Nd4j.ones(DataType.FLOAT, 4, 2)));
        assertTrue(beforeForward.getMessage().contains("forward"), beforeForward.getMessage());

        net.forward(Nd4j.rand(DataType.FLOAT, 4, 3));
        for (INDArray wrong : new INDArray[] {Nd4j.ones(DataType.FLOAT, 4, 3), Nd4j.ones(DataType.FLOAT, 5, 2),
                Nd4j.ones(DataType.FLOAT, 8)}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> net.inputGradient(wrong));
            assertTrue(e.getMessage().contains("[4, 2]"), e.getMessage());
        }
        assertThrows(NullPointerException.class, () -> net.inputGradient(null));
    }

    private static double weightedOutput(MlpConfig config, double[] theta, double[][] inputs, double[][] weights) {
        double[][] outputs = ReferenceMlp.forward(config, theta, inputs);
        double sum = 0;
        for (int row = 0; row < outputs.length; row++) {
            for (int j = 0; j < outputs[row].length; j++) {
                sum += weights[row][j] * outputs[row][j];
            }
        }
        return sum;
    }

    private static double[][] toDoubles(INDArray matrix) {
        double[][] values = new double[matrix.rows()][matrix.columns()];
        for (int row = 0; row < values.length; row++) {
            for (int j = 0; j < values[row].length; j++) {
                values[row][j] = matrix.getDouble(row, j);
            }
        }
        return values;
    }

    private static double[][] randomMatrix(SplittableRandom random, int rows, int columns, double scale) {
        double[][] values = new double[rows][columns];
        for (double[] row : values) {
            for (int j = 0; j < columns; j++) {
                row[j] = random.nextDouble(-scale, scale);
            }
        }
        return values;
    }
}
