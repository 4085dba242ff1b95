package dev.bellman.deep.ac;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** SAC's squashed Gaussian: the tanh-corrected density and its reparameterised gradient. */
class SquashedGaussianTest {

    /** log π(a) for one dimension at mean μ, log σ, for the action a = tanh(u). */
    private static double logDensity(double mean, double logStd, double u) {
        double epsilon = (u - mean) / Math.exp(logStd);
        float[] network = {(float) mean, (float) logStd};
        return SquashedGaussian.sample(network, 0, 1, new double[] {epsilon}, new float[1]);
    }

    @Test
    void correctedDensityIntegratesToOneOverTheActions() {
        // {mean, log σ, how far from 1 the integral may be}: the 10⁻⁶ inside the correction's logarithm
        // lowers the density by (1 − a²)/(1 − a² + 10⁻⁶), about 10⁻⁶ / (1 − a²) where the mass lies; the fourth
        // case puts 0.3% of its mass there.
        double[][] cases = {{0.0, 0.0, 5e-5}, {0.7, -0.5, 5e-5}, {2.0, -2.0, 5e-5}, {-1.5, 0.8, 1e-2}};
        for (double[] c : cases) {
            double mean = (float) c[0];
            double logStd = (float) c[1];
            double std = Math.exp(logStd);
            // ∫ π(a) da over (−1, 1), substituting a = tanh(u), da = (1 − tanh² u) du; midpoint rule over ±12σ.
            int steps = 200_000;
            double from = mean - 12 * std;
            double width = 24 * std / steps;
            double integral = 0;
            double expected = 0;
            for (int k = 0; k < steps; k++) {
                double u = from + (k + 0.5) * width;
                double slope = 1 - Math.tanh(u) * Math.tanh(u);
                integral += Math.exp(logDensity(mean, logStd, u)) * slope * width;
                double gaussian = Math.exp(-0.5 * Math.pow((u - mean) / std, 2)) / (std * Math.sqrt(2 * Math.PI));
                expected += gaussian * slope / (slope + SquashedGaussian.TANH_EPSILON) * width;
            }
            assertEquals(expected, integral, 1e-9, () -> "mean " + mean + ", log std " + logStd);
            assertEquals(1.0, integral, c[2], () -> "mean " + mean + ", log std " + logStd);
        }
    }

    @Test
    void densityOfAnUnsquashedPointMatchesTheGaussianTimesTheJacobian() {
        double mean = 0.25;
        double logStd = (float) -0.3;
        double u = 0.6;
        double std = Math.exp(logStd);
        double gaussian = Math.exp(-0.5 * Math.pow((u - mean) / std, 2)) / (std * Math.sqrt(2 * Math.PI));
        double a = Math.tanh(u);
        double expected = Math.log(gaussian) - Math.log(1 - a * a + SquashedGaussian.TANH_EPSILON);
        assertEquals(expected, logDensity(mean, logStd, u), 1e-6);
    }

    @Test
    void gradientMatchesCentralDifferences() {
        int d = 2;
        float[] network = {0.3f, -0.8f, -0.4f, 0.2f};
        double[] epsilon = {0.9, -1.3};
        float[] actionGradient = {0.7f, -0.25f};
        double weight = 0.35;
        float[] out = new float[2 * d];
        float[] actions = new float[d];
        SquashedGaussian.sample(network, 0, d, epsilon, actions);
        SquashedGaussian.gradient(network, 0, d, epsilon, actions, weight, actionGradient, out);
        for (int j = 0; j < 2 * d; j++) {
            double h = 1e-4;
            double[] plus = toDouble(network);
            double[] minus = toDouble(network);
            plus[j] += h;
            minus[j] -= h;
            double numeric = (objective(plus, d, epsilon, actionGradient, weight)
                    - objective(minus, d, epsilon, actionGradient, weight)) / (2 * h);
            assertEquals(numeric, out[j], 1e-4 * Math.max(1, Math.abs(numeric)), "output " + j);
        }
    }

    @Test
    void clampedLogStandardDeviationPassesNoGradient() {
        float[] network = {0.1f, 5.0f};
        double[] epsilon = {0.5};
        float[] out = new float[2];
        float[] actions = new float[1];
        SquashedGaussian.sample(network, 0, 1, epsilon, actions);
        SquashedGaussian.gradient(network, 0, 1, epsilon, actions, 1.0, new float[] {1f}, out);
        assertEquals(0f, out[1]);
    }

    /** w · log π(a) + Σ g_i a_i in double, with ε fixed: what the gradient differentiates. */
    private static double objective(double[] network, int d, double[] epsilon, float[] actionGradient, double weight) {
        double value = 0;
        for (int i = 0; i < d; i++) {
            double logStd = SquashedGaussian.clampLogStd(network[d + i]);
            double a = Math.tanh(network[i] + Math.exp(logStd) * epsilon[i]);
            double logPi = -0.5 * epsilon[i] * epsilon[i] - logStd - 0.5 * Math.log(2 * Math.PI)
                    - Math.log(1 - a * a + SquashedGaussian.TANH_EPSILON);
            value += weight * logPi + actionGradient[i] * a;
        }
        return value;
    }

    private static double[] toDouble(float[] values) {
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i];
        }
        return result;
    }
}
