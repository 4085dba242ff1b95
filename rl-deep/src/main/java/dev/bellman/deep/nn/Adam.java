package dev.bellman.deep.nn;

import dev.bellman.core.checkpoint.Checkpointable;
import dev.bellman.core.checkpoint.InvalidCheckpointException;
import dev.bellman.core.checkpoint.StateReader;
import dev.bellman.core.checkpoint.StateWriter;

import java.io.IOException;

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
 *
 * <p>A checkpoint ({@link #writeState}) holds the hyper-parameters, to be checked on reading, the
 * step count t and both moments, so that the step after a resume is the step the uninterrupted
 * run takes.
 */
public final class Adam extends ElementwiseOptimizer implements Checkpointable {

    /** Default step size 1e-3 (Kingma and Ba 2015, Algorithm 1; PyTorch's default). */
    public static final double DEFAULT_LEARNING_RATE = 1e-3;
    /** Default first-moment decay β₁ = 0.9 (Kingma and Ba 2015). */
    public static final double DEFAULT_BETA1 = 0.9;
    /** Default second-moment decay β₂ = 0.999 (Kingma and Ba 2015). */
    public static final double DEFAULT_BETA2 = 0.999;
    /** Default ε = 1e-8 (Kingma and Ba 2015). */
    public static final double DEFAULT_EPSILON = 1e-8;

    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private float[] firstMoments;
    private float[] secondMoments;

    /**
     * @param learningRate step size lr; positive, finite
     * @param beta1        decay of the first moment, in [0, 1)
     * @param beta2        decay of the second moment, in [0, 1)
     * @param epsilon      added to the denominator for stability; positive, finite
     * @throws IllegalArgumentException naming the value, if any is out of range
     */
    public Adam(double learningRate, double beta1, double beta2, double epsilon) {
        super(learningRate);
        this.beta1 = OptimizerChecks.inUnitInterval("beta1", beta1);
        this.beta2 = OptimizerChecks.inUnitInterval("beta2", beta2);
        this.epsilon = OptimizerChecks.positiveFinite("epsilon", epsilon);
    }

    /**
     * Adam with the default betas and epsilon.
     *
     * @param learningRate step size lr; positive, finite
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
    void prepare(Mlp net) {
        firstMoments = OptimizerChecks.sized(firstMoments, net, "Adam");
        secondMoments = OptimizerChecks.sized(secondMoments, net, "Adam");
    }

    @Override
    void update(float[] theta, float[] g, int n, long step) {
        double biasCorrection1 = 1.0 - Math.pow(beta1, step);
        double biasCorrection2 = 1.0 - Math.pow(beta2, step);
        float stepSize = (float) (learningRate() / biasCorrection1);
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
    }

    /**
     * Decay β₁ of the first moment.
     *
     * @return β₁, in [0, 1)
     */
    public double beta1() {
        return beta1;
    }

    /**
     * Decay β₂ of the second moment.
     *
     * @return β₂, in [0, 1)
     */
    public double beta2() {
        return beta2;
    }

    /**
     * Stability term ε added to the denominator.
     *
     * @return ε, positive
     */
    public double epsilon() {
        return epsilon;
    }

    /**
     * Copy of the first moments m, one per parameter; empty before the first step.
     *
     * @return a copy of the first moments m, one per parameter, or an empty array before the first step
     */
    public float[] firstMoments() {
        return firstMoments == null ? new float[0] : firstMoments.clone();
    }

    /**
     * Copy of the second moments v, one per parameter; empty before the first step.
     *
     * @return a copy of the second moments v, one per parameter, or an empty array before the first step
     */
    public float[] secondMoments() {
        return secondMoments == null ? new float[0] : secondMoments.clone();
    }

    /**
     * Writes the hyper-parameters, the step count and the moments (none before the first step).
     *
     * @throws IOException if writing fails
     */
    @Override
    public void writeState(StateWriter out) throws IOException {
        out.writeString(settings());
        out.writeLong(stepCount());
        out.writeBoolean(firstMoments != null);
        if (firstMoments != null) {
            out.writeInt(firstMoments.length);
            out.writeFloats(firstMoments);
            out.writeFloats(secondMoments);
        }
    }

    /**
     * Replaces the step count and moments with those {@link #writeState} wrote.
     *
     * @throws InvalidCheckpointException if the checkpoint's Adam had other hyper-parameters, or
     *                                    moments of another length than this one's
     * @throws IOException                if reading fails
     */
    @Override
    public void readState(StateReader in) throws IOException {
        in.expectString("Adam settings", settings());
        long steps = in.readLong();
        if (steps < 0) {
            throw new InvalidCheckpointException("the checkpoint gives Adam the step count " + steps);
        }
        float[] first = null;
        float[] second = null;
        if (in.readBoolean()) {
            int count = in.readInt();
            // A fresh optimizer sizes its moments on its first step; one that has stepped keeps its size.
            int expected = firstMoments != null ? firstMoments.length : count;
            if (count < 0 || count != expected) {
                throw new InvalidCheckpointException("the checkpoint has Adam moments for " + count
                        + " parameters; this optimizer serves " + expected);
            }
            first = new float[count];
            second = new float[count];
            in.readFloats(first, "Adam first moments");
            in.readFloats(second, "Adam second moments");
        }
        restoreStepCount(steps);
        firstMoments = first;
        secondMoments = second;
    }

    private String settings() {
        return "lr=" + learningRate() + ", beta1=" + beta1 + ", beta2=" + beta2 + ", epsilon=" + epsilon;
    }

    /** Restores saved state; empty moment arrays mean no step was taken yet. */
    void restoreState(long steps, float[] first, float[] second) {
        if (first.length != second.length) {
            throw new IllegalArgumentException("moment lengths differ: " + first.length + " and " + second.length);
        }
        restoreStepCount(steps);
        firstMoments = first.length == 0 ? null : first.clone();
        secondMoments = second.length == 0 ? null : second.clone();
    }
}
