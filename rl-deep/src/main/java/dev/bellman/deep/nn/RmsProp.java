package dev.bellman.deep.nn;

/**
 * RMSProp (Tieleman and Hinton 2012) as PyTorch's {@code torch.optim.RMSprop} without momentum,
 * centering or weight decay; ε is added outside the square root:
 *
 * <pre>
 * s ← α s + (1 − α) g²
 * θ ← θ − lr · g / (√s + ε)
 * </pre>
 */
public final class RmsProp extends ElementwiseOptimizer {

    /** Default step size 1e-2, PyTorch's. */
    public static final double DEFAULT_LEARNING_RATE = 1e-2;
    /** Default decay α = 0.99, PyTorch's. */
    public static final double DEFAULT_ALPHA = 0.99;
    /** Default ε = 1e-8, PyTorch's. */
    public static final double DEFAULT_EPSILON = 1e-8;

    private final double alpha;
    private final double epsilon;
    private float[] squareAverages;

    /**
     * @param learningRate step size lr; positive, finite
     * @param alpha        decay of the squared-gradient average, in [0, 1)
     * @param epsilon      added to the denominator for stability; positive, finite
     * @throws IllegalArgumentException naming the value, if any is out of range
     */
    public RmsProp(double learningRate, double alpha, double epsilon) {
        super(learningRate);
        this.alpha = OptimizerChecks.inUnitInterval("alpha", alpha);
        this.epsilon = OptimizerChecks.positiveFinite("epsilon", epsilon);
    }

    /**
     * RMSProp with the default α and ε.
     *
     * @param learningRate step size lr; positive, finite
     * @throws IllegalArgumentException if {@code learningRate} is not positive and finite
     */
    public RmsProp(double learningRate) {
        this(learningRate, DEFAULT_ALPHA, DEFAULT_EPSILON);
    }

    @Override
    void prepare(Mlp net) {
        squareAverages = OptimizerChecks.sized(squareAverages, net, "RmsProp");
    }

    @Override
    void update(float[] theta, float[] g, int n, long step) {
        float decay = (float) alpha;
        float oneMinusDecay = (float) (1.0 - alpha);
        float lr = (float) learningRate();
        float eps = (float) epsilon;
        float[] s = squareAverages;
        for (int i = 0; i < n; i++) {
            float gi = g[i];
            float si = decay * s[i] + oneMinusDecay * gi * gi;
            s[i] = si;
            theta[i] -= lr * gi / ((float) Math.sqrt(si) + eps);
        }
    }

    /**
     * Decay α of the squared-gradient average.
     *
     * @return α, in [0, 1)
     */
    public double alpha() {
        return alpha;
    }

    /**
     * Stability term ε.
     *
     * @return ε, positive
     */
    public double epsilon() {
        return epsilon;
    }

    /**
     * Copy of the squared-gradient averages s, one per parameter; empty before the first step.
     *
     * @return a copy of the squared-gradient averages s, one per parameter, or an empty array before the
     *         first step
     */
    public float[] squareAverages() {
        return squareAverages == null ? new float[0] : squareAverages.clone();
    }

    void restoreState(long steps, float[] averages) {
        restoreStepCount(steps);
        squareAverages = averages.length == 0 ? null : averages.clone();
    }
}
