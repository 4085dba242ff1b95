package dev.bellman.deep.nn;

/** Plain stochastic gradient descent {@code θ ← θ − lr · g}, as {@code torch.optim.SGD} without momentum. */
public final class Sgd extends ElementwiseOptimizer {

    /**
     * @param learningRate step size lr; positive, finite
     * @throws IllegalArgumentException if {@code learningRate} is not positive and finite
     */
    public Sgd(double learningRate) {
        super(learningRate);
    }

    @Override
    void prepare(Mlp net) {
        // Plain gradient descent keeps no state.
    }

    @Override
    void update(float[] theta, float[] g, int n, long step) {
        float lr = (float) learningRate();
        for (int i = 0; i < n; i++) {
            theta[i] -= lr * g[i];
        }
    }

    void restoreState(long steps) {
        restoreStepCount(steps);
    }
}
