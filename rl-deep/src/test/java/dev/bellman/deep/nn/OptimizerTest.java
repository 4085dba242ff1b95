package dev.bellman.deep.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Optimizer steps against updates computed by hand from the torch.optim formulas, on the two
 * parameters (w, b) of a 1-input, 1-output linear network.
 */
class OptimizerTest {

    private static Mlp tinyNet(float weight, float bias) {
        Mlp net = new Mlp(new MlpConfig(new int[] {1, 1}, Activation.IDENTITY, Activation.IDENTITY), 0);
        net.parameterView().put(0, new float[] {weight, bias});
        net.markParametersChanged();
        return net;
    }

    private static void setGradients(Mlp net, float... gradients) {
        net.gradientView().put(0, gradients);
    }

    @Test
    void adamMatchesHandComputedFirstTwoSteps() {
        double lr = 0.1;
        double beta1 = 0.9;
        double beta2 = 0.999;
        double eps = 1e-8;
        Mlp net = tinyNet(1.0f, -0.5f);
        Adam adam = new Adam(lr, beta1, beta2, eps);

        // Step 1, g = (0.2, −0.4): m = 0.1 g, v = 0.001 g², m̂ = g, v̂ = g², so each parameter moves
        // by lr · sign(g) (less the ε term): θ = (0.9, −0.4).
        setGradients(net, 0.2f, -0.4f);
        adam.step(net);
        assertArrayEquals(new float[] {0.9f, -0.4f}, net.parameterValues(), 1e-6f);
        assertEquals(1, adam.stepCount());

        // Step 2, g = (0.1, 0.3).
        double[] m = {0.1 * 0.2, 0.1 * -0.4};
        double[] v = {0.001 * 0.04, 0.001 * 0.16};
        double[] g = {0.1, 0.3};
        double[] theta = {0.9, -0.4};
        for (int i = 0; i < 2; i++) {
            m[i] = beta1 * m[i] + (1 - beta1) * g[i];
            v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
            double mHat = m[i] / (1 - beta1 * beta1);
            double vHat = v[i] / (1 - beta2 * beta2);
            theta[i] -= lr * mHat / (Math.sqrt(vHat) + eps);
        }
        // By hand: m = (0.028, −0.006), v = (4.996e-5, 2.4984e-4).
        assertEquals(0.028, m[0], 1e-12);
        assertEquals(-0.006, m[1], 1e-12);
        setGradients(net, 0.1f, 0.3f);
        adam.step(net);
        float[] after = net.parameterValues();
        assertEquals(theta[0], after[0], 1e-6);
        assertEquals(theta[1], after[1], 1e-6);
        assertArrayEquals(new float[] {0.028f, -0.006f}, adam.firstMoments(), 1e-8f);
        assertArrayEquals(new float[] {4.996e-5f, 2.4984e-4f}, adam.secondMoments(), 1e-10f);
    }

    @Test
    void rmsPropMatchesOneHandComputedStep() {
        // s = 0.01 g², θ ← θ − lr g / (√s + ε) = θ − lr · 10 sign(g) (less ε): (1, −0.5) − 0.01·(10, −10).
        Mlp net = tinyNet(1.0f, -0.5f);
        RmsProp rmsProp = new RmsProp(0.01);
        setGradients(net, 0.2f, -0.4f);
        rmsProp.step(net);
        assertArrayEquals(new float[] {0.9f, -0.4f}, net.parameterValues(), 1e-6f);
        assertArrayEquals(new float[] {0.0004f, 0.0016f}, rmsProp.squareAverages(), 1e-9f);
        assertEquals(1, rmsProp.stepCount());
    }

    @Test
    void sgdMatchesOneHandComputedStep() {
        Mlp net = tinyNet(1.0f, -0.5f);
        setGradients(net, 0.2f, -0.4f);
        new Sgd(0.5).step(net);
        assertArrayEquals(new float[] {0.9f, -0.3f}, net.parameterValues(), 1e-7f);
    }

    @Test
    void defaultsArePyTorchs() {
        Adam adam = new Adam();
        assertEquals(1e-3, adam.learningRate());
        assertEquals(0.9, adam.beta1());
        assertEquals(0.999, adam.beta2());
        assertEquals(1e-8, adam.epsilon());
        RmsProp rmsProp = new RmsProp(1e-2);
        assertEquals(0.99, rmsProp.alpha());
        assertEquals(1e-8, rmsProp.epsilon());
    }

    @Test
    void invalidHyperParametersAreRejectedNamingTheValue() {
        assertMessageNames("learningRate", () -> new Adam(0.0));
        assertMessageNames("learningRate", () -> new Adam(Double.POSITIVE_INFINITY));
        assertMessageNames("beta1", () -> new Adam(1e-3, 1.0, 0.999, 1e-8));
        assertMessageNames("beta2", () -> new Adam(1e-3, 0.9, -0.1, 1e-8));
        assertMessageNames("epsilon", () -> new Adam(1e-3, 0.9, 0.999, 0.0));
        assertMessageNames("alpha", () -> new RmsProp(1e-2, Double.NaN, 1e-8));
        assertMessageNames("learningRate", () -> new Sgd(-1));
    }

    @Test
    void stateIsBoundToOneParameterCount() {
        Adam adam = new Adam();
        adam.step(tinyNet(1f, 1f));
        Mlp larger = new Mlp(new MlpConfig(new int[] {2, 1}, Activation.IDENTITY, Activation.IDENTITY), 0);
        assertThrows(IllegalArgumentException.class, () -> adam.step(larger));
    }

    private static void assertMessageNames(String name, Runnable construction) {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, construction::run);
        assertTrue(thrown.getMessage().contains(name), thrown.getMessage());
    }
}
