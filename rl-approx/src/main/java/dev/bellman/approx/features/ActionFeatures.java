package dev.bellman.approx.features;

/**
 * Features x(s, a) of an observation and an integer action in {@code [0, actionCount())}, the input
 * of a linear action-value function {@code q̂(s, a, w) = x(s, a)ᵀw}.
 *
 * @param <O> the observation type
 */
public interface ActionFeatures<O> {

    /** @return the number of features, at least 1 */
    int dimension();

    /** @return the number of actions, at least 1 */
    int actionCount();

    /**
     * Overwrites {@code out[0, dimension())} with x(observation, action).
     *
     * @param observation the observation
     * @param action      the action, in {@code [0, actionCount())}
     * @param out         the buffer, of length at least {@link #dimension()}
     * @throws IllegalArgumentException if {@code out} is null or too short, the action is out of
     *                                  range, or the observation is invalid
     */
    void write(O observation, int action, double[] out);

    /**
     * Stacks state features per action (Sutton &amp; Barto §10.1, Zhao §8.3): x(s, a) has
     * {@code actionCount} blocks of {@code base.dimension()} entries; block {@code a} holds φ(s) and
     * the others are zero. When {@code base} is a {@link SparseFeatures} the result is a
     * {@link SparseActionFeatures} (see {@link SparseActionFeatures#stack}).
     *
     * @param base        the state features
     * @param actionCount the number of actions, at least 1
     * @param <O>         the observation type
     * @return the stacked features, of dimension {@code actionCount * base.dimension()}
     * @throws IllegalArgumentException if {@code base} is null, {@code actionCount < 1}, or the
     *                                  stacked dimension exceeds {@link Integer#MAX_VALUE}
     */
    static <O> ActionFeatures<O> stack(Features<O> base, int actionCount) {
        if (base instanceof SparseFeatures<O> sparse) {
            return new StackedSparseActionFeatures<>(sparse, actionCount);
        }
        return new StackedActionFeatures<>(base, actionCount);
    }
}
