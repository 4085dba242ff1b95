package dev.bellman.approx.features;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActionFeaturesTest {

    @Test
    void denseStackingPutsTheStateFeaturesInTheActionsBlock() {
        PolynomialFeatures base = new PolynomialFeatures(1, new double[] {0, 0}, new double[] {4, 4},
                Normalization.UNIT_INTERVAL);
        ActionFeatures<double[]> features = ActionFeatures.stack(base, 3);
        double[] out = new double[10];
        out[9] = 42;

        features.write(new double[] {1, 3}, 1, out);

        assertArrayEquals(new double[] {0, 0, 0, 1, 0.25, 0.75, 0, 0, 0, 42}, out, 1e-15);
        features.write(new double[] {2, 2}, 0, out);
        assertArrayEquals(new double[] {1, 0.5, 0.5, 0, 0, 0, 0, 0, 0, 42}, out, 1e-15);
        features.write(new double[] {4, 0}, 2, out);
        assertArrayEquals(new double[] {0, 0, 0, 0, 0, 0, 1, 1, 0, 42}, out, 1e-15);
        assertEquals(9, features.dimension());
        assertEquals(3, features.actionCount());
    }

    @Test
    void sparseStackingOffsetsTheIndicesByTheActionsBlock() {
        SparseActionFeatures<Integer> features = SparseActionFeatures.stack(new OneHotFeatures(5), 4);
        int[] index = new int[1];

        features.activeIndices(3, 2, index);

        assertEquals(2 * 5 + 3, index[0]);
        double[] out = new double[20];
        features.write(3, 2, out);
        for (int i = 0; i < 20; i++) {
            assertEquals(i == 13 ? 1.0 : 0.0, out[i], "feature " + i);
        }
        assertEquals(20, features.dimension());
        assertEquals(1, features.activeCount());
    }

    @Test
    void stackingSparseFeaturesThroughTheDenseFactoryStaysSparse() {
        ActionFeatures<Integer> features = ActionFeatures.stack(new StateAggregation(10, 2), 3);
        assertInstanceOf(SparseActionFeatures.class, features);
        int[] index = new int[1];

        ((SparseActionFeatures<Integer>) features).activeIndices(7, 2, index);

        assertEquals(2 * 2 + 1, index[0], "state 7 is in group 1 of 2; block 2");
    }

    @Test
    void badActionsAndCountsAreRejected() {
        ActionFeatures<Integer> features = ActionFeatures.stack(new OneHotFeatures(5), 4);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> features.write(0, 4, new double[20]));
        assertTrue(error.getMessage().contains("action 4 is outside [0, 4)"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> features.write(0, -1, new double[20]));
        assertThrows(IllegalArgumentException.class, () -> features.write(0, 0, new double[19]));
        assertThrows(IllegalArgumentException.class, () -> ActionFeatures.stack(new OneHotFeatures(5), 0));
        assertThrows(IllegalArgumentException.class, () -> ActionFeatures.stack(null, 2));
        assertThrows(IllegalArgumentException.class,
                () -> ActionFeatures.stack(new OneHotFeatures(1 << 20), 1 << 12));
    }
}
