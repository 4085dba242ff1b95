package dev.bellman.deep.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class MlpPropertiesTest {

    /** The Java single-observation path and the batched path agree for any shape, seed and batch. */
    @Property(tries = 40)
    void predictAgreesWithEveryRowOfForward(@ForAll @IntRange(min = 1, max = 6) int inputs,
                                            @ForAll @IntRange(min = 1, max = 40) int hidden,
                                            @ForAll @IntRange(min = 1, max = 5) int outputs,
                                            @ForAll @IntRange(min = 1, max = 70) int batch,
                                            @ForAll boolean dueling,
                                            @ForAll long seed) {
        MlpConfig config = new MlpConfig(new int[] {inputs, hidden, hidden, outputs}, Activation.TANH,
                Activation.IDENTITY, dueling);
        Mlp net = new Mlp(config, seed);
        INDArray input = Nd4j.rand(DataType.FLOAT, batch, inputs).subi(0.5).muli(6);
        INDArray output = net.forward(input);
        double[] out = new double[outputs];
        for (int row = 0; row < batch; row++) {
            net.predict(input.getRow(row).toDoubleVector(), out);
            for (int a = 0; a < outputs; a++) {
                double expected = output.getDouble(row, a);
                assertEquals(expected, out[a], 1e-5 * (1 + Math.abs(expected)));
            }
        }
    }

    /** A Polyak update lands between the two parameter vectors, at fraction τ from the target. */
    @Property(tries = 30)
    void polyakUpdateInterpolates(@ForAll @IntRange(min = 0, max = 1000) int tauThousandths, @ForAll long seed) {
        double tau = tauThousandths / 1000.0;
        MlpConfig config = new MlpConfig(new int[] {3, 7, 2}, Activation.RELU, Activation.IDENTITY);
        Mlp source = new Mlp(config, seed);
        Mlp target = new Mlp(config, seed + 1);
        float[] from = source.parameterValues();
        float[] to = target.parameterValues();
        target.polyakUpdate(source, tau);
        float[] mixed = target.parameterValues();
        for (int i = 0; i < mixed.length; i++) {
            assertEquals(tau * from[i] + (1 - tau) * to[i], mixed[i], 1e-6);
        }
    }
}
