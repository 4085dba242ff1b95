package dev.bellman.deep.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class LossesTest {

    private static final INDArray PREDICTION = Nd4j.create(new float[][] {{1f, 2f}, {-3f, 0.5f}});
    private static final INDArray TARGET = Nd4j.create(new float[][] {{0f, 2.25f}, {0f, 0.5f}});

    @Test
    void mseIsTheMeanSquareAndItsGradient() {
        // d = (1, −0.25, −3, 0): Σd² = 1 + 0.0625 + 9 = 10.0625, n = 4.
        INDArray gradient = Nd4j.create(DataType.FLOAT, 2, 2);
        assertEquals(10.0625 / 4, Losses.mse(PREDICTION, TARGET, gradient), 1e-9);
        assertArrayEquals(new float[] {0.5f, -0.125f, -1.5f, 0f}, gradient.data().asFloat(), 1e-7f);
    }

    @Test
    void huberIsQuadraticInsideDeltaAndLinearOutside() {
        // delta = 0.5, d = (1, −0.25, −3, 0): 0.5(1 − 0.25) + 0.5·0.0625 + 0.5(3 − 0.25) + 0 = 0.375 + 0.03125 + 1.375 = 1.78125,
        // over n = 4; gradient (δ, d, −δ, 0) / 4. Values as torch.nn.HuberLoss(delta=0.5).
        INDArray gradient = Nd4j.create(DataType.FLOAT, 2, 2);
        assertEquals(1.78125 / 4, Losses.huber(PREDICTION, TARGET, 0.5, gradient), 1e-9);
        assertArrayEquals(new float[] {0.125f, -0.0625f, -0.125f, 0f}, gradient.data().asFloat(), 1e-7f);
    }

    @Test
    void huberWithDeltaOneIsSmoothL1() {
        // d = (1, −0.25, −3, 0): (0.5 + 0.03125 + 2.5 + 0) / 4.
        INDArray gradient = Nd4j.create(DataType.FLOAT, 2, 2);
        assertEquals(3.03125 / 4, Losses.huber(PREDICTION, TARGET, 1.0, gradient), 1e-9);
    }

    @Test
    void acceptsViewsAndDoublePredictions() {
        INDArray wide = Nd4j.create(new float[][] {{9f, 1f, 2f}, {9f, -3f, 0.5f}});
        INDArray view = wide.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(1, 3));
        INDArray gradient = Nd4j.create(DataType.FLOAT, 2, 2);
        assertEquals(10.0625 / 4, Losses.mse(view, TARGET.castTo(DataType.DOUBLE), gradient), 1e-9);
    }

    @Test
    void mismatchedShapesAndBadDeltaAreRejected() {
        INDArray gradient = Nd4j.create(DataType.FLOAT, 2, 2);
        assertThrows(IllegalArgumentException.class,
                () -> Losses.mse(PREDICTION, Nd4j.create(DataType.FLOAT, 2, 3), gradient));
        assertThrows(IllegalArgumentException.class,
                () -> Losses.mse(PREDICTION, TARGET, Nd4j.create(DataType.FLOAT, 4)));
        assertThrows(IllegalArgumentException.class,
                () -> Losses.mse(PREDICTION, TARGET, Nd4j.create(DataType.DOUBLE, 2, 2)));
        assertThrows(IllegalArgumentException.class, () -> Losses.huber(PREDICTION, TARGET, 0, gradient));
    }

    @Test
    void clipByGlobalNormFollowsPyTorch() {
        // Norm of (3, 4) is 5; clipped to 1 the vector is scaled by 1 / (5 + 1e-6).
        INDArray gradients = Nd4j.create(new float[] {3f, 4f});
        assertEquals(5.0, GradientClipping.clipByGlobalNorm(gradients, 1.0), 1e-12);
        assertArrayEquals(new float[] {0.6f, 0.8f}, gradients.toFloatVector(), 1e-6f);
        INDArray small = Nd4j.create(new float[] {0.3f, 0.4f});
        assertEquals(0.5, GradientClipping.clipByGlobalNorm(small, 1.0), 1e-7);
        assertArrayEquals(new float[] {0.3f, 0.4f}, small.toFloatVector());
        assertThrows(IllegalArgumentException.class, () -> GradientClipping.clipByGlobalNorm(small, 0));
        assertThrows(IllegalArgumentException.class, () -> GradientClipping.clipByGlobalNorm(small, Double.NaN));
    }
}
