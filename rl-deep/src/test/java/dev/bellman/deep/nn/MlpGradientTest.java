package dev.bellman.deep.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Backpropagation against central finite differences of an independent double-precision forward
 * pass, for every parameter of small networks.
 *
 * <p>Tolerance: the analytical gradient is computed in float32 over sums of at most a few dozen
 * terms (relative rounding about 1e-6); the double central difference with h = 1e-6 has error
 * about 1e-9. So {@code 1e-5 + 1e-4 |g|} is loose for a correct gradient and far too tight for any
 * wrong term.
 */
class MlpGradientTest {

    private static final int BATCH = 7;
    private static final double HUBER_DELTA = 0.5;
    private static final double STEP = 1e-6;

    static Stream<Arguments> networks() {
        return Stream.of(
                Arguments.of(new MlpConfig(new int[] {3, 5, 4, 2}, Activation.RELU, Activation.IDENTITY, false), "mse"),
                Arguments.of(new MlpConfig(new int[] {3, 5, 4, 2}, Activation.RELU, Activation.IDENTITY, false), "huber"),
                Arguments.of(new MlpConfig(new int[] {3, 5, 4, 2}, Activation.TANH, Activation.TANH, false), "mse"),
                Arguments.of(new MlpConfig(new int[] {3, 5, 4, 2}, Activation.TANH, Activation.RELU, false), "huber"),
                Arguments.of(new MlpConfig(new int[] {3, 5, 4, 3}, Activation.RELU, Activation.IDENTITY, true), "mse"),
                Arguments.of(new MlpConfig(new int[] {3, 5, 4, 3}, Activation.TANH, Activation.IDENTITY, true), "huber"),
                Arguments.of(new MlpConfig(new int[] {4, 3}, Activation.RELU, Activation.TANH, false), "mse"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("networks")
    void backwardMatchesCentralFiniteDifferences(MlpConfig config, String loss) {
        Mlp net = new Mlp(config, 42);
        SplittableRandom random = new SplittableRandom(7);
        double[][] inputs = randomMatrix(random, BATCH, config.inputSize(), 1.5);
        double[][] targets = randomMatrix(random, BATCH, config.outputSize(), 1.0);
        INDArray input = Nd4j.create(inputs).castTo(DataType.FLOAT);
        INDArray target = Nd4j.create(targets).castTo(DataType.FLOAT);
        INDArray outputGradient = Nd4j.create(DataType.FLOAT, BATCH, config.outputSize());

        INDArray output = net.forward(input);
        double analyticalLoss = "mse".equals(loss)
                ? Losses.mse(output, target, outputGradient)
                : Losses.huber(output, target, HUBER_DELTA, outputGradient);
        net.backward(outputGradient);
        float[] gradient = new float[net.parameterCount()];
        net.gradientView().get(0, gradient);

        double[] theta = ReferenceMlp.parameters(net);
        assertEquals(loss(config, theta, inputs, targets, loss), analyticalLoss, 1e-5 * (1 + analyticalLoss));
        for (int p = 0; p < theta.length; p++) {
            double saved = theta[p];
            theta[p] = saved + STEP;
            double plus = loss(config, theta, inputs, targets, loss);
            theta[p] = saved - STEP;
            double minus = loss(config, theta, inputs, targets, loss);
            theta[p] = saved;
            double numerical = (plus - minus) / (2 * STEP);
            assertEquals(numerical, gradient[p], 1e-5 + 1e-4 * Math.abs(numerical),
                    "parameter " + p + " of " + theta.length);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("networks")
    void backwardOverwritesRatherThanAccumulates(MlpConfig config, String loss) {
        Mlp net = new Mlp(config, 3);
        INDArray input = Nd4j.rand(DataType.FLOAT, BATCH, config.inputSize());
        INDArray gradient = Nd4j.rand(DataType.FLOAT, BATCH, config.outputSize());
        net.forward(input);
        net.backward(gradient);
        float[] first = new float[net.parameterCount()];
        net.gradientView().get(0, first);
        net.backward(gradient);
        float[] second = new float[first.length];
        net.gradientView().get(0, second);
        assertTrue(java.util.Arrays.equals(first, second), "second backward must give the same gradients");
    }

    private static double loss(MlpConfig config, double[] theta, double[][] inputs, double[][] targets, String loss) {
        double[][] outputs = ReferenceMlp.forward(config, theta, inputs);
        double sum = 0;
        int count = 0;
        for (int row = 0; row < outputs.length; row++) {
            for (int j = 0; j < outputs[row].length; j++) {
                double difference = outputs[row][j] - targets[row][j];
                double magnitude = Math.abs(difference);
                if ("mse".equals(loss)) {
                    sum += difference * difference;
                } else {
                    sum += magnitude < HUBER_DELTA
                            ? 0.5 * difference * difference
                            : HUBER_DELTA * (magnitude - 0.5 * HUBER_DELTA);
                }
                count++;
            }
        }
        return sum / count;
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
