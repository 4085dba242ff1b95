package dev.bellman.core.wrappers;

import dev.bellman.core.Environment;
import dev.bellman.core.space.BoxSpace;

/**
 * Clips continuous actions to the bounds of the inner environment's {@link BoxSpace}, as
 * Gymnasium's {@code ClipAction}: component {@code i} becomes {@code min(max(a[i], low[i]), high[i])}.
 * This wrapper's action space is the unbounded box of the same dimension. A {@code null} action, one
 * of the wrong length or one with a NaN component is still rejected: NaN has no nearest bound.
 *
 * @param <O> the observation type
 */
public final class ClipAction<O> extends ActionWrapper<O, double[], double[]> {

    private final double[] low;
    private final double[] high;
    private final BoxSpace actionSpace;

    /**
     * @param env an environment with a {@link BoxSpace} action space
     * @throws IllegalArgumentException if the action space is not a {@link BoxSpace}
     */
    public ClipAction(Environment<O, double[]> env) {
        super(env);
        BoxSpace inner = Boxes.requireBox(env.actionSpace(), "action", "ClipAction");
        this.low = inner.low();
        this.high = inner.high();
        this.actionSpace = new BoxSpace(Boxes.filled(low.length, Double.NEGATIVE_INFINITY),
                Boxes.filled(low.length, Double.POSITIVE_INFINITY));
    }

    /** @return the unbounded box of the inner action space's dimension */
    @Override
    public BoxSpace actionSpace() {
        return actionSpace;
    }

    /**
     * @return a clipped copy of {@code action}
     * @throws IllegalArgumentException if {@code action} is {@code null}, of the wrong length, or has a NaN
     */
    @Override
    protected double[] action(double[] action) {
        Boxes.requireShape(action, actionSpace, "action");
        double[] clipped = new double[action.length];
        for (int i = 0; i < action.length; i++) {
            clipped[i] = Math.min(Math.max(action[i], low[i]), high[i]);
        }
        return clipped;
    }
}
