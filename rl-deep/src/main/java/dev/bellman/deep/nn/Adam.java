package dev.bellman.deep.nn;

/**
 * Adam (Kingma and Ba 2015), step for step as PyTorch's {@code torch.optim.Adam} without weight
 * decay or AMSGrad:
 *
 * <pre>
 * t ← t + 1
 * m ← β₁ m + (1 − β₁) g
 * v ← β₂ v + (1 − β₂) g²
 * θ ← θ − (lr / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε)
 * </pre>
 *
 * Moments are float32 like PyTorch's; scalars are computed in double and rounded once.
 */
public final class Adam implements Optimizer {

    /** Default step size 1e-3 (Kingma and Ba 2015, Algorithm 1; PyTorch's default). */
    public static final double DEFAULT_LEARNING_RATE = 1e-3;
    /** Default first-moment decay β₁ = 0.9 (Kingma and Ba 2015). */
    public static final double DEFAULT_BETA1 = 0.9;
    /** Default second-moment decay β₂ = 0.999 (Kingma and Ba 2015). */
    public static final double DEFAULT_BETA2 = 0.999;
    /** Default ε = 1e-8 (Kingma and Ba 2015). */
    public static final double DEFAULT_EPSILON = 1e-8;

    private final double learningRate;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private long stepCount;
    private float[] firstMoments;
    private float[] secondMoments;
    private float[] parameterScratch;
    private float[] gradientScratch;

    /**
     * @param learningRate step size lr; positive, finite
     * @param beta1        decay of the first moment, in [0, 1)
     * @param beta2        decay of the second moment, in [0, 1)
     * @param epsilon      added to the denominator for stability; positive, finite
     * @throws IllegalArgumentException naming the value, if any is out of range
     */
    public Adam(double learningRate, double beta1, double beta2, double epsilon) {
        this.learningRate = OptimizerChecks.positiveFinite("learningRate", learningRate);
        this.beta1 = OptimizerChecks.inUnitInterval("beta1", beta1);
        this.beta2 = OptimizerChecks.inUnitInterval("beta2", beta2);
        this.epsilon = OptimizerChecks.positiveFinite("epsilon", epsilon);
    }

    /**
     * Adam with the default betas and epsilon.
     *
     * @throws IllegalArgumentException if {@code learningRate} is not positive and finite
     */
    public Adam(double learningRate) {
        this(learningRate, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPSILON);
    }

    /** Adam with all defaults. */
    public Adam() {
        this(DEFAULT_LEARNING_RATE);
    }

    @Override
    public void step(Mlp net) {
        firstMoments = OptimizerChecks.sized(firstMoments, net, "Adam");
        secondMoments = OptimizerChecks.sized(secondMoments, net, "Adam");
        int n = net.parameterCount();
        if (parameterScratch == null || parameterScratch.length != n) {
            parameterScratch = new float[n];
            gradientScratch = new float[n];
        }
        // Heap copies let the JIT vectorise the loop: measured 38 µs for 70k parameters against
        // 160 µs through the direct buffers.
        float[] theta = parameterScratch;
        float[] g = gradientScratch;
        net.parameterView().get(0, theta);
        net.gradientView().get(0, g);
        stepCount++;
        double biasCorrection1 = 1.0 - Math.pow(beta1, stepCount);
        double biasCorrection2 = 1.0 - Math.pow(beta2, stepCount);
        float stepSize = (float) (learningRate / biasCorrection1);
        float inverseCorrection2Sqrt = (float) (1.0 / Math.sqrt(biasCorrection2));
        float b1 = (float) beta1;
        float oneMinusB1 = (float) (1.0 - beta1);
        float b2 = (float) beta2;
        float oneMinusB2 = (float) (1.0 - beta2);
        float eps = (float) epsilon;
        float[] m = firstMoments;
        float[] v = secondMoments;
        for (int i = 0; i < n; i++) {
            float gi = g[i];
            float mi = b1 * m[i] + oneMinusB1 * gi;
            float vi = b2 * v[i] + oneMinusB2 * gi * gi;
            m[i] = mi;
            v[i] = vi;
            theta[i] -= stepSize * mi / ((float) Math.sqrt(vi) * inverseCorrection2Sqrt + eps);
        }
        net.parameterView().put(0, theta);
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

    /** Decay β₁ of the first moment. */
    public double beta1() {
        return beta1;
    }

    /** Decay β₂ of the second moment. */
    public double beta2() {
        return beta2;
    }

    /** Stability term ε added to the denominator. */
    public double epsilon() {
        return epsilon;
    }

    /** Copy of the first moments m, one per parameter; empty before the first step. */
    public float[] firstMoments() {
        return firstMoments == null ? new float[0] : firstMoments.clone();
    }

    /** Copy of the second moments v, one per parameter; empty before the first step. */
    public float[] secondMoments() {
        return secondMoments == null ? new float[0] : secondMoments.clone();
    }

    /** Restores saved state; empty moment arrays mean no step was taken yet. */
    void restoreState(long steps, float[] first, float[] second) {
        if (steps < 0) {
            throw new IllegalArgumentException("stepCount must be non-negative, got " + steps);
        }
        if (first.length != second.length) {
            throw new IllegalArgumentException("moment lengths differ: " + first.length + " and " + second.length);
        }
        stepCount = steps;
        firstMoments = first.length == 0 ? null : first.clone();
        secondMoments = second.length == 0 ? null : second.clone();
    }
}
