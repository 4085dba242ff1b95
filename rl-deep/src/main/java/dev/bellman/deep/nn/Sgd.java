package dev.bellman.deep.nn;

import java.nio.FloatBuffer;
import java.util.Objects;

/** Plain stochastic gradient descent {@code θ ← θ − lr · g}, as {@code torch.optim.SGD} without momentum. */
public final class Sgd implements Optimizer {

    private final double learningRate;
    private long stepCount;

    /**
     * @param learningRate step size lr; positive, finite
     * @throws IllegalArgumentException if {@code learningRate} is not positive and finite
     */
    public Sgd(double learningRate) {
        this.learningRate = OptimizerChecks.positiveFinite("learningRate", learningRate);
    }

    @Override
    public void step(Mlp net) {
        Objects.requireNonNull(net, "net");
        FloatBuffer theta = net.parameterView();
        FloatBuffer g = net.gradientView();
        float lr = (float) learningRate;
        int n = net.parameterCount();
        for (int i = 0; i < n; i++) {
            theta.put(i, theta.get(i) - lr * g.get(i));
        }
        stepCount++;
        net.markParametersChanged();
    }

    @Override
    public long stepCount() {
        return stepCount;
    }

    /** Step size lr. */
    public double learningRate() {
        return learningRate;
    }

    void restoreState(long steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("stepCount must be non-negative, got " + steps);
        }
        stepCount = steps;
    }
}
