package dev.bellman.deep.replay;

/**
 * A caller-owned minibatch that {@link ReplayBuffer#sample} and {@link PrioritizedReplayBuffer#sample}
 * overwrite in place, so a training loop allocates it once and samples without garbage.
 *
 * <p>Row {@code i} of the batch is one transition; vectors are laid out row-major, so observation
 * {@code i} occupies {@code observations()[i * observationSize, (i + 1) * observationSize)}. The
 * accessors return the batch's own arrays, not copies: the next {@code sample} overwrites them, and
 * a caller that writes into them writes into the batch.
 *
 * <p>The learner's target for row {@code i} is
 * {@code rewards()[i] + discounts()[i] * max_a' Q(nextObservation_i, a')}, and its loss is weighted
 * by {@code weights()[i]} (all 1 for uniform replay).
 */
public final class Batch {

    private final int batchSize;
    private final int observationSize;
    private final int actionSize;
    final float[] observations;
    final float[] nextObservations;
    final int[] actions;
    final float[] continuousActions;
    final float[] rewards;
    final float[] discounts;
    final int[] indices;
    final float[] weights;

    /**
     * @param batchSize       the number of transitions per sample, at least 1
     * @param observationSize the length of every observation vector, at least 1
     * @param actionSize      1 for discrete actions, the action vector's length for continuous ones
     * @throws IllegalArgumentException if a size is below 1
     */
    public Batch(int batchSize, int observationSize, int actionSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize = " + batchSize + " must be at least 1");
        }
        if (observationSize < 1) {
            throw new IllegalArgumentException("observationSize = " + observationSize + " must be at least 1");
        }
        if (actionSize < 1) {
            throw new IllegalArgumentException("actionSize = " + actionSize + " must be at least 1");
        }
        this.batchSize = batchSize;
        this.observationSize = observationSize;
        this.actionSize = actionSize;
        this.observations = new float[Math.multiplyExact(batchSize, observationSize)];
        this.nextObservations = new float[observations.length];
        // Both action arrays exist because a batch does not know its buffer's action kind; at
        // batch scale the unused one costs nothing.
        this.actions = new int[batchSize];
        this.continuousActions = new float[Math.multiplyExact(batchSize, actionSize)];
        this.rewards = new float[batchSize];
        this.discounts = new float[batchSize];
        this.indices = new int[batchSize];
        this.weights = new float[batchSize];
    }

    /** @return the number of transitions per sample */
    public int batchSize() {
        return batchSize;
    }

    /** @return the length of every observation vector */
    public int observationSize() {
        return observationSize;
    }

    /** @return 1 for discrete actions, the action vector's length for continuous ones */
    public int actionSize() {
        return actionSize;
    }

    /** @return the observations {@code s_t}, {@code batchSize * observationSize} floats, row-major */
    public float[] observations() {
        return observations;
    }

    /**
     * @return the observations bootstrapped from, {@code s_{t+k}} for a k-step transition,
     *         {@code batchSize * observationSize} floats, row-major
     */
    public float[] nextObservations() {
        return nextObservations;
    }

    /** @return the discrete action indices, one per row; unused (stale) for continuous actions */
    public int[] actions() {
        return actions;
    }

    /**
     * @return the continuous actions, {@code batchSize * actionSize} floats, row-major; unused
     *         (stale) for discrete actions
     */
    public float[] continuousActions() {
        return continuousActions;
    }

    /** @return the k-step discounted returns {@code sum_{j<k} gamma^j r_{t+j}}, one per row */
    public float[] rewards() {
        return rewards;
    }

    /**
     * @return the factor on the bootstrapped value, one per row: {@code gamma^k} for a k-step
     *         transition, 0 when the episode terminated within those k steps
     */
    public float[] discounts() {
        return discounts;
    }

    /**
     * @return the storage index of each row's transition, to pass back to
     *         {@link PrioritizedReplayBuffer#updatePriorities}
     */
    public int[] indices() {
        return indices;
    }

    /**
     * @return the importance-sampling weights, in {@code (0, 1]}, one per row: all 1 for uniform
     *         replay, {@code (N P(i))^-beta / max_j w_j} for prioritized replay
     */
    public float[] weights() {
        return weights;
    }
}
