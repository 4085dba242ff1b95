package dev.bellman.deep.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class MlpTest {

    private static final MlpConfig CARTPOLE =
            new MlpConfig(new int[] {4, 64, 64, 2}, Activation.RELU, Activation.IDENTITY);
    private static final MlpConfig DUELING =
            new MlpConfig(new int[] {4, 32, 16, 3}, Activation.TANH, Activation.IDENTITY, true);

    @Test
    void parameterCountFollowsTheLayout() {
        assertEquals(4 * 64 + 64 + 64 * 64 + 64 + 64 * 2 + 2, new Mlp(CARTPOLE, 1).parameterCount());
        // Dueling head: one layer of 1 + 3 columns.
        assertEquals(4 * 32 + 32 + 32 * 16 + 16 + 16 * 4 + 4, new Mlp(DUELING, 1).parameterCount());
        Mlp net = new Mlp(CARTPOLE, 1);
        assertEquals(net.parameterCount(), net.parameters().length());
        assertEquals(net.parameterCount(), net.gradients().length());
        assertEquals(DataType.FLOAT, net.parameters().dataType());
        assertEquals(4, net.inputSize());
        assertEquals(2, net.outputSize());
    }

    @Test
    void initialisationIsPyTorchsUniformBoundPerLayer() {
        Mlp net = new Mlp(CARTPOLE, 11);
        float[] theta = net.parameterValues();
        int[] fanIn = {4, 64, 64};
        int[] fanOut = {64, 64, 2};
        int offset = 0;
        for (int l = 0; l < 3; l++) {
            double bound = 1 / Math.sqrt(fanIn[l]);
            int end = offset + fanIn[l] * fanOut[l] + fanOut[l];
            double largest = 0;
            for (int i = offset; i < end; i++) {
                assertTrue(Math.abs(theta[i]) <= bound, "parameter " + i + " = " + theta[i] + " beyond " + bound);
                largest = Math.max(largest, Math.abs(theta[i]));
            }
            // With hundreds of draws the largest magnitude comes close to the bound.
            assertTrue(largest > 0.9 * bound, "layer " + l + " largest " + largest + " of bound " + bound);
            offset = end;
        }
    }

    @Test
    void equalSeedsGiveEqualNetworksAndDifferentSeedsDifferentOnes() {
        assertArrayEquals(new Mlp(CARTPOLE, 5).parameterValues(), new Mlp(CARTPOLE, 5).parameterValues());
        assertFalse(Arrays.equals(new Mlp(CARTPOLE, 5).parameterValues(), new Mlp(CARTPOLE, 6).parameterValues()));
    }

    @Test
    void forwardMatchesTheDoubleReference() {
        for (MlpConfig config : new MlpConfig[] {CARTPOLE, DUELING}) {
            Mlp net = new Mlp(config, 2);
            INDArray input = Nd4j.rand(DataType.FLOAT, 64, 4).subi(0.5).muli(4);
            INDArray output = net.forward(input);
            double[][] expected = ReferenceMlp.forward(config, ReferenceMlp.parameters(net),
                    input.castTo(DataType.DOUBLE).toDoubleMatrix());
            assertArrayEquals(new long[] {64, config.outputSize()}, output.shape());
            for (int row = 0; row < 64; row++) {
                for (int a = 0; a < config.outputSize(); a++) {
                    assertEquals(expected[row][a], output.getDouble(row, a), 1e-5 * (1 + Math.abs(expected[row][a])));
                }
            }
        }
    }

    @Test
    void predictEqualsForwardToFloatRounding() {
        for (MlpConfig config : new MlpConfig[] {CARTPOLE, DUELING}) {
            Mlp net = new Mlp(config, 3);
            INDArray input = Nd4j.rand(DataType.FLOAT, 5, 4).subi(0.5).muli(4);
            INDArray output = net.forward(input).dup();
            double[] out = new double[config.outputSize()];
            for (int row = 0; row < 5; row++) {
                net.predict(input.getRow(row).toDoubleVector(), out);
                for (int a = 0; a < out.length; a++) {
                    double expected = output.getDouble(row, a);
                    assertEquals(expected, out[a], 1e-5 * (1 + Math.abs(expected)));
                }
            }
        }
    }

    @Test
    void predictSeesOptimizerSteps() {
        Mlp net = new Mlp(CARTPOLE, 3);
        double[] observation = {0.1, -0.2, 0.3, 0.05};
        double[] before = net.predict(observation);
        INDArray input = Nd4j.create(new float[][] {{0.1f, -0.2f, 0.3f, 0.05f}});
        net.forward(input);
        net.backward(Nd4j.ones(DataType.FLOAT, 1, 2));
        new Sgd(0.1).step(net);
        double[] after = net.predict(observation);
        INDArray fresh = net.forward(input);
        assertFalse(Arrays.equals(before, after));
        assertEquals(fresh.getDouble(0, 0), after[0], 1e-5);
        assertEquals(fresh.getDouble(0, 1), after[1], 1e-5);
    }

    @Test
    void duelingCombinesValueAndMeanCentredAdvantages() {
        // {1, 1, 2}: hidden layer w = 1, b = 0 (ReLU); head columns [V, A1, A2] with W = [0.5, 1, 3],
        // b = [0.1, 0, 1]. For x = 2: h = 2, V = 1.1, A = (2, 7), mean(A) = 4.5,
        // Q = V + A − mean(A) = (−1.4, 3.6)  (Wang et al. 2016, eq. 9).
        Mlp net = new Mlp(new MlpConfig(new int[] {1, 1, 2}, Activation.RELU, Activation.IDENTITY, true), 0);
        float[] theta = {1f, 0f, 0.5f, 1f, 3f, 0.1f, 0f, 1f};
        assertEquals(theta.length, net.parameterCount());
        net.parameterView().put(0, theta);
        net.markParametersChanged();
        INDArray q = net.forward(Nd4j.create(new float[][] {{2f}}));
        assertEquals(-1.4, q.getDouble(0, 0), 1e-6);
        assertEquals(3.6, q.getDouble(0, 1), 1e-6);
        assertArrayEquals(new double[] {-1.4, 3.6}, net.predict(new double[] {2}), 1e-6);
    }

    @Test
    void copyAndHardUpdateMakeEqualNetworks() {
        Mlp source = new Mlp(CARTPOLE, 1);
        Mlp copy = source.copy();
        assertEquals(source.config(), copy.config());
        assertArrayEquals(source.parameterValues(), copy.parameterValues());
        Mlp other = new Mlp(CARTPOLE, 2);
        other.copyParametersFrom(source);
        assertArrayEquals(source.parameterValues(), other.parameterValues());
        double[] observation = {0.3, 0.1, -0.4, 0.2};
        assertArrayEquals(source.predict(observation), other.predict(observation), 0.0);
        // The copy owns its storage.
        source.parameters().putScalar(0, 123f);
        assertEquals(other.parameterValues()[0], copy.parameterValues()[0]);
    }

    @Test
    void polyakUpdateMixesParameters() {
        Mlp source = new Mlp(CARTPOLE, 1);
        Mlp target = new Mlp(CARTPOLE, 2);
        float[] sourceTheta = source.parameterValues();
        float[] targetTheta = target.parameterValues();
        target.polyakUpdate(source, 0.25);
        float[] mixed = target.parameterValues();
        for (int i = 0; i < mixed.length; i++) {
            assertEquals(0.25 * sourceTheta[i] + 0.75 * targetTheta[i], mixed[i], 1e-6);
        }
        target.polyakUpdate(source, 1.0);
        assertArrayEquals(sourceTheta, target.parameterValues());
        assertThrows(IllegalArgumentException.class, () -> target.polyakUpdate(source, 1.5));
        assertThrows(IllegalArgumentException.class, () -> target.polyakUpdate(source, Double.NaN));
    }

    @Test
    void updatesBetweenDifferentConfigsAreRejected() {
        Mlp net = new Mlp(CARTPOLE, 1);
        Mlp other = new Mlp(new MlpConfig(new int[] {4, 64, 64, 3}, Activation.RELU, Activation.IDENTITY), 1);
        assertThrows(IllegalArgumentException.class, () -> net.copyParametersFrom(other));
        assertThrows(IllegalArgumentException.class, () -> net.polyakUpdate(other, 0.5));
    }

    @Test
    void workArraysAreReusedPerBatchSize() {
        Mlp net = new Mlp(CARTPOLE, 1);
        INDArray first = net.forward(Nd4j.rand(DataType.FLOAT, 8, 4));
        INDArray other = net.forward(Nd4j.rand(DataType.FLOAT, 3, 4));
        INDArray again = net.forward(Nd4j.rand(DataType.FLOAT, 8, 4));
        assertSame(first, again);
        assertArrayEquals(new long[] {3, 2}, other.shape());
    }

    @Test
    void forwardAcceptsDoubleAndNonContiguousInput() {
        Mlp net = new Mlp(CARTPOLE, 1);
        INDArray input = Nd4j.rand(DataType.FLOAT, 6, 4);
        INDArray expected = net.forward(input).dup();
        assertEquals(expected, net.forward(input.castTo(DataType.DOUBLE)).dup());
        INDArray transposedStorage = input.transpose().dup().transpose();
        assertEquals(expected, net.forward(transposedStorage).dup());
    }

    @Test
    void badInputsAreRejectedWithTheExpectedShape() {
        Mlp net = new Mlp(CARTPOLE, 1);
        IllegalArgumentException width = assertThrows(IllegalArgumentException.class,
                () -> net.forward(Nd4j.rand(DataType.FLOAT, 2, 5)));
        assertTrue(width.getMessage().contains("4") && width.getMessage().contains("5"), width.getMessage());
        assertThrows(IllegalArgumentException.class, () -> net.forward(Nd4j.create(DataType.FLOAT, 0, 4)));
        assertThrows(IllegalArgumentException.class, () -> net.forward(Nd4j.rand(DataType.FLOAT, 4)));
        assertThrows(NullPointerException.class, () -> net.forward(null));
        assertThrows(IllegalStateException.class, () -> net.backward(Nd4j.rand(DataType.FLOAT, 2, 2)));
        net.forward(Nd4j.rand(DataType.FLOAT, 2, 4));
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> net.backward(Nd4j.rand(DataType.FLOAT, 3, 2)));
        assertTrue(shape.getMessage().contains("[2, 2]") && shape.getMessage().contains("[3, 2]"), shape.getMessage());
        assertThrows(IllegalArgumentException.class, () -> net.predict(new double[3]));
        assertThrows(IllegalArgumentException.class, () -> net.predict(new double[4], new double[3]));
    }

    @Test
    void clippingScalesTheGradientsToTheMaximumNorm() {
        Mlp net = new Mlp(CARTPOLE, 1);
        net.forward(Nd4j.rand(DataType.FLOAT, 8, 4));
        net.backward(Nd4j.ones(DataType.FLOAT, 8, 2).muli(100));
        double norm = net.gradients().norm2Number().doubleValue();
        assertEquals(norm, net.clipGradientsByGlobalNorm(Double.POSITIVE_INFINITY), 1e-4 * norm);
        assertEquals(norm, net.clipGradientsByGlobalNorm(1.0), 1e-4 * norm);
        assertEquals(1.0, net.gradients().norm2Number().doubleValue(), 1e-5);
    }
}
