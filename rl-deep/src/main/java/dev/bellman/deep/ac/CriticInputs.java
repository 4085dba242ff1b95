package dev.bellman.deep.ac;

import dev.bellman.deep.nn.FloatViews;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The network shapes and critic inputs the actor-critics share. */
final class CriticInputs {

    private CriticInputs() {
    }

    /** @return the layer sizes {@code input, hidden…, output} */
    static int[] layers(int input, int[] hidden, int output) {
        int[] sizes = new int[hidden.length + 2];
        sizes[0] = input;
        System.arraycopy(hidden, 0, sizes, 1, hidden.length);
        sizes[sizes.length - 1] = output;
        return sizes;
    }

    /**
     * Writes rows {@code [observation_i, action_i]}, {@code i = firstRow … firstRow + rows − 1},
     * into a critic's input of {@code rows} rows, through a heap copy (one bulk transfer instead of
     * one per row).
     *
     * @param input           the critic input, [rows, observationSize + actionSize]
     * @param heap            scratch of at least the input's size
     * @param observationRows observations, {@code observationSize} per row
     * @param actionRows      scaled actions, {@code actionSize} per row
     * @param firstRow        the first row of {@code observationRows} and {@code actionRows} to use
     * @param rows            the number of rows
     */
    static void fill(INDArray input, float[] heap, float[] observationRows, int observationSize, float[] actionRows,
                     int actionSize, int firstRow, int rows) {
        int width = observationSize + actionSize;
        for (int i = 0; i < rows; i++) {
            System.arraycopy(observationRows, (firstRow + i) * observationSize, heap, i * width, observationSize);
            System.arraycopy(actionRows, (firstRow + i) * actionSize, heap, i * width + observationSize, actionSize);
        }
        FloatViews.view(input, "critic input").put(0, heap, 0, rows * width);
    }
}
