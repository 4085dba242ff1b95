package dev.bellman.core.wrappers;

import dev.bellman.core.Environment;
import dev.bellman.core.space.BoxSpace;

import java.util.Arrays;

/**
 * Maps actions from the box {@code [minAction, maxAction]} linearly onto the inner environment's
 * bounded {@link BoxSpace} {@code [low, high]}, as Gymnasium's {@code RescaleAction}: component
 * {@code i} becomes {@code low[i] + (high[i] - low[i]) * (a[i] - min[i]) / (max[i] - min[i])},
 * then clipped to {@code [low[i], high[i]]} against rounding. An action outside
 * {@code [minAction, maxAction]}, of the wrong length or with a NaN is an
 * {@link IllegalArgumentException}.
 *
 * @param <O> the observation type
 */
public final class RescaleAction<O> extends ActionWrapper<O, double[], double[]> {

    private final double[] low;
    private final double[] high;
    private final double[] min;
    private final double[] max;
    private final BoxSpace actionSpace;

    /**
     * Rescales every dimension from the same interval {@code [minAction, maxAction]}.
     *
     * @param env       an environment with a bounded {@link BoxSpace} action space
     * @param minAction the lower end of the new action interval, finite
     * @param maxAction the upper end, finite and greater than {@code minAction}
     * @throws IllegalArgumentException if the inner action space is not a bounded box or the interval is
     *                                  not finite with {@code minAction < maxAction}
     */
    public RescaleAction(Environment<O, double[]> env, double minAction, double maxAction) {
        this(env, Boxes.filled(Boxes.requireBox(env.actionSpace(), "action", "RescaleAction").dimension(), minAction),
                Boxes.filled(Boxes.requireBox(env.actionSpace(), "action", "RescaleAction").dimension(), maxAction));
    }

    /**
     * @param env       an environment with a bounded {@link BoxSpace} action space
     * @param minAction the lower ends of the new action box, one per dimension, finite
     * @param maxAction the upper ends, each finite and greater than the matching lower end
     * @throws IllegalArgumentException if the inner action space is not a bounded box, the lengths
     *                                  differ from its dimension, or some {@code minAction[i] >= maxAction[i]}
     *                                  or is not finite
     */
    public RescaleAction(Environment<O, double[]> env, double[] minAction, double[] maxAction) {
        super(env);
        BoxSpace inner = Boxes.requireBox(env.actionSpace(), "action", "RescaleAction");
        Boxes.requireBounded(inner, "action", "RescaleAction");
        if (minAction == null || maxAction == null || minAction.length != inner.dimension()
                || maxAction.length != inner.dimension()) {
            throw new IllegalArgumentException("RescaleAction bounds " + Arrays.toString(minAction) + " and "
                    + Arrays.toString(maxAction) + " must both have length " + inner.dimension()
                    + ", the dimension of " + inner);
        }
        for (int i = 0; i < minAction.length; i++) {
            if (!Double.isFinite(minAction[i]) || !Double.isFinite(maxAction[i]) || !(minAction[i] < maxAction[i])) {
                throw new IllegalArgumentException("RescaleAction dimension " + i + " has bounds [" + minAction[i]
                        + ", " + maxAction[i] + "]; expected finite bounds with min < max");
            }
        }
        this.low = inner.low();
        this.high = inner.high();
        this.min = minAction.clone();
        this.max = maxAction.clone();
        this.actionSpace = new BoxSpace(min, max);
    }

    /** @return the box {@code [minAction, maxAction]} */
    @Override
    public BoxSpace actionSpace() {
        return actionSpace;
    }

    /**
     * @return the action mapped onto the inner box
     * @throws IllegalArgumentException if {@code action} is not in {@link #actionSpace()}
     */
    @Override
    protected double[] action(double[] action) {
        Boxes.requireShape(action, actionSpace, "action");
        if (!actionSpace.contains(action)) {
            throw new IllegalArgumentException("action " + Arrays.toString(action) + " is outside " + actionSpace);
        }
        double[] mapped = new double[action.length];
        for (int i = 0; i < action.length; i++) {
            double value = low[i] + (high[i] - low[i]) * ((action[i] - min[i]) / (max[i] - min[i]));
            mapped[i] = Math.min(Math.max(value, low[i]), high[i]);
        }
        return mapped;
    }
}
