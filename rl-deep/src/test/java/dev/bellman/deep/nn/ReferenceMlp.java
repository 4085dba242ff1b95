package dev.bellman.deep.nn;

/**
 * An independent double-precision forward pass over the documented flat parameter layout, used as
 * the reference for finite differences and for checking the float32 paths.
 */
final class ReferenceMlp {

    private ReferenceMlp() {
    }

    static double[][] forward(MlpConfig config, double[] theta, double[][] inputs) {
        int[] sizes = config.layerSizes();
        int layers = sizes.length - 1;
        double[][] outputs = new double[inputs.length][];
        for (int row = 0; row < inputs.length; row++) {
            double[] x = inputs[row];
            int offset = 0;
            for (int l = 0; l < layers; l++) {
                boolean last = l == layers - 1;
                int in = sizes[l];
                int out = last && config.dueling() ? 1 + sizes[l + 1] : sizes[l + 1];
                double[] y = new double[out];
                for (int j = 0; j < out; j++) {
                    double sum = theta[offset + in * out + j];
                    for (int i = 0; i < in; i++) {
                        sum += x[i] * theta[offset + i * out + j];
                    }
                    y[j] = activate(last ? config.output() : config.hidden(), sum);
                }
                offset += in * out + out;
                x = y;
            }
            if (config.dueling()) {
                int actions = config.outputSize();
                double mean = 0;
                for (int a = 0; a < actions; a++) {
                    mean += x[1 + a] / actions;
                }
                double[] q = new double[actions];
                for (int a = 0; a < actions; a++) {
                    q[a] = x[0] + x[1 + a] - mean;
                }
                x = q;
            }
            outputs[row] = x;
        }
        return outputs;
    }

    private static double activate(Activation activation, double z) {
        return switch (activation) {
            case RELU -> Math.max(0, z);
            case TANH -> Math.tanh(z);
            case IDENTITY -> z;
        };
    }

    static double[] parameters(Mlp net) {
        float[] values = net.parameterValues();
        double[] theta = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            theta[i] = values[i];
        }
        return theta;
    }
}
