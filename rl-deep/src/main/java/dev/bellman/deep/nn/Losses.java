package dev.bellman.deep.nn;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Objects;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Regression losses with mean reduction over all elements, each returning the loss and writing
 * its gradient with respect to the prediction, ready for {@link Mlp#backward(INDArray)}.
 *
 * <p>The loss is accumulated in double; the gradient is float32.
 */
public final class Losses {

    private Losses() {
    }

    /**
     * Mean squared error {@code L = (1/n) Σ (p − t)²}, as PyTorch's {@code MSELoss}.
     *
     * @param prediction  predictions p
     * @param target      targets t, same shape
     * @param gradientOut receives {@code dL/dp = 2 (p − t) / n}; same shape, contiguous float32
     * @return the loss
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if shapes differ, the arrays are empty, or
     *                                  {@code gradientOut} is not contiguous float32
     */
    public static double mse(INDArray prediction, INDArray target, INDArray gradientOut) {
        int n = checkShapes(prediction, target, gradientOut);
        FloatBuffer p = FloatViews.view(FloatViews.dense(prediction), "prediction");
        FloatBuffer t = FloatViews.view(FloatViews.dense(target), "target");
        FloatBuffer g = FloatViews.view(gradientOut, "gradientOut");
        double sum = 0.0;
        float scale = 2f / n;
        for (int i = 0; i < n; i++) {
            float difference = p.get(i) - t.get(i);
            sum += (double) difference * difference;
            g.put(i, scale * difference);
        }
        return sum / n;
    }

    /**
     * Huber loss with threshold δ, as PyTorch's {@code HuberLoss(delta)} (equal to
     * {@code SmoothL1Loss} for δ = 1): per element, with {@code d = p − t},
     * {@code ½ d²} if {@code |d| < δ}, else {@code δ (|d| − ½ δ)}; averaged over all elements.
     *
     * @param prediction  predictions p
     * @param target      targets t, same shape
     * @param delta       threshold δ between the quadratic and the linear part; positive, finite
     * @param gradientOut receives {@code dL/dp}: {@code d / n} inside the threshold, else
     *                    {@code δ sign(d) / n}; same shape, contiguous float32
     * @return the loss
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if shapes differ, the arrays are empty, {@code delta} is not
     *                                  positive and finite, or {@code gradientOut} is not contiguous
     *                                  float32
     */
    public static double huber(INDArray prediction, INDArray target, double delta, INDArray gradientOut) {
        if (!(delta > 0.0 && Double.isFinite(delta))) {
            throw new IllegalArgumentException("delta must be positive and finite, got " + delta);
        }
        int n = checkShapes(prediction, target, gradientOut);
        FloatBuffer p = FloatViews.view(FloatViews.dense(prediction), "prediction");
        FloatBuffer t = FloatViews.view(FloatViews.dense(target), "target");
        FloatBuffer g = FloatViews.view(gradientOut, "gradientOut");
        double sum = 0.0;
        float threshold = (float) delta;
        float inverseCount = 1f / n;
        for (int i = 0; i < n; i++) {
            float difference = p.get(i) - t.get(i);
            float magnitude = Math.abs(difference);
            if (magnitude < threshold) {
                sum += 0.5 * difference * difference;
                g.put(i, difference * inverseCount);
            } else {
                sum += delta * (magnitude - 0.5 * delta);
                g.put(i, Math.copySign(threshold, difference) * inverseCount);
            }
        }
        return sum / n;
    }

    private static int checkShapes(INDArray prediction, INDArray target, INDArray gradientOut) {
        Objects.requireNonNull(prediction, "prediction");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(gradientOut, "gradientOut");
        if (!Arrays.equals(prediction.shape(), target.shape())) {
            throw new IllegalArgumentException("target shape " + Arrays.toString(target.shape())
                    + " differs from prediction shape " + Arrays.toString(prediction.shape()));
        }
        if (!Arrays.equals(prediction.shape(), gradientOut.shape())) {
            throw new IllegalArgumentException("gradientOut shape " + Arrays.toString(gradientOut.shape())
                    + " differs from prediction shape " + Arrays.toString(prediction.shape()));
        }
        if (prediction.length() == 0) {
            throw new IllegalArgumentException("prediction is empty");
        }
        return Math.toIntExact(prediction.length());
    }
}
