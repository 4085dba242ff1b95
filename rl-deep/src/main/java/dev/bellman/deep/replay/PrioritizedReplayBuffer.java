package dev.bellman.deep.replay;

import dev.bellman.core.checkpoint.InvalidCheckpointException;
import dev.bellman.core.checkpoint.StateReader;
import dev.bellman.core.checkpoint.StateWriter;

import java.io.IOException;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Proportional prioritized experience replay (Schaul, Quan, Antonoglou &amp; Silver 2016,
 * "Prioritized Experience Replay", ICLR): a {@link ReplayBuffer} whose transitions are drawn with
 * probability
 * <pre>{@code P(i) = p_i / sum_j p_j,   p_i = (|tdError_i| + epsilon)^alpha}</pre>
 * and whose loss is corrected by the importance-sampling weights
 * <pre>{@code w_i = (N P(i))^-beta / max_j w_j}</pre>
 * where {@code N} is the number of transitions held and the maximum runs over the whole buffer
 * (as in OpenAI Baselines), so weights lie in {@code (0, 1]}.
 *
 * <p>A new transition gets the largest priority seen so far (initially 1), so it is replayed at
 * least once soon after it arrives (Algorithm 1, line 6). A batch of {@code k} is drawn by
 * splitting the total priority into {@code k} equal segments and drawing one transition uniformly
 * by mass within each (Appendix B.2.1), which lowers the variance of the batch composition.
 * {@code beta} is annealed by the caller towards 1 with {@link #setBeta(double)}; the buffer keeps no
 * schedule of its own.
 *
 * <p>Storage, n-step returns, episode boundaries and float32 rounding are those of {@link ReplayBuffer},
 * which this class wraps; see there. A checkpoint ({@link #writeState}) holds the transitions, both
 * trees of priorities, the largest priority seen and β. Not thread-safe.
 */
public final class PrioritizedReplayBuffer implements Replay {

    /** Priority exponent 0.6, Schaul et al. 2016's choice for the proportional variant. */
    public static final double DEFAULT_ALPHA = 0.6;
    /** Initial importance exponent 0.4, annealed to 1: Schaul et al. 2016's choice for the proportional variant. */
    public static final double DEFAULT_BETA = 0.4;
    /**
     * The paper leaves epsilon unspecified ("a small positive constant"); 1e-6 is RLlib's
     * {@code prioritized_replay_eps}, small against typical TD errors yet keeping every priority positive.
     */
    public static final double DEFAULT_EPSILON = 1e-6;

    private final ReplayBuffer buffer;
    private final double alpha;
    private final double epsilon;
    private double beta;
    /** {@code p_i} of every stored transition, already raised to alpha. */
    private final SumTree priorities;
    private final MinTree minimumPriority;
    /** The largest {@code p_i} (raised to alpha) seen so far, given to every new transition. */
    private double maxPriority = 1.0;

    /**
     * A prioritized buffer with the paper's proportional-variant exponents ({@link #DEFAULT_ALPHA},
     * {@link #DEFAULT_BETA}) and {@link #DEFAULT_EPSILON}.
     *
     * @param capacity        the number of transitions kept, at least 1 and at most {@code 2^30}
     * @param observationSize the length of every observation vector, at least 1
     * @param actionSize      1 for discrete actions, the action vector's length for continuous ones
     * @param gamma           the discount factor, in {@code [0, 1]}
     * @param nSteps          the number of rewards summed before bootstrapping, at least 1
     * @throws IllegalArgumentException if any argument is outside its range
     * @see #PrioritizedReplayBuffer(int, int, int, double, int, double, double, double)
     */
    public PrioritizedReplayBuffer(int capacity, int observationSize, int actionSize, double gamma, int nSteps) {
        this(capacity, observationSize, actionSize, gamma, nSteps, DEFAULT_ALPHA, DEFAULT_BETA, DEFAULT_EPSILON);
    }

    /**
     * @param capacity        the number of transitions kept, at least 1 and at most {@code 2^30}
     * @param observationSize the length of every observation vector, at least 1
     * @param actionSize      1 for discrete actions, the action vector's length for continuous ones
     * @param gamma           the discount factor, in {@code [0, 1]}
     * @param nSteps          the number of rewards summed before bootstrapping, at least 1
     * @param alpha           how much prioritization is used, at least 0 (0 is uniform by mass)
     * @param beta            the initial importance-sampling exponent, in {@code [0, 1]} (1 fully
     *                        corrects the bias)
     * @param epsilon         added to {@code |tdError|} so no transition's priority is 0, greater than 0
     * @throws IllegalArgumentException if any argument is outside its range
     */
    public PrioritizedReplayBuffer(int capacity, int observationSize, int actionSize, double gamma, int nSteps,
                                   double alpha, double beta, double epsilon) {
        if (!(alpha >= 0.0 && alpha < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("alpha = " + alpha + " must be finite and at least 0");
        }
        requireBeta(beta);
        if (!(epsilon > 0.0 && epsilon < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("epsilon = " + epsilon + " must be finite and greater than 0");
        }
        this.buffer = new ReplayBuffer(capacity, observationSize, actionSize, gamma, nSteps);
        this.priorities = new SumTree(capacity);
        this.minimumPriority = new MinTree(capacity);
        this.alpha = alpha;
        this.beta = beta;
        this.epsilon = epsilon;
    }

    /**
     * Adds one step with a discrete action; see {@link ReplayBuffer#add(double[], int, double, double[], boolean)}.
     * Every transition this stores gets the largest priority seen so far.
     *
     * @param observation     the observation the action was taken in, of length {@code observationSize}
     * @param action          the action index, at least 0
     * @param reward          the reward received, finite and within float32 range
     * @param nextObservation the observation after the step, of length {@code observationSize}
     * @param terminated      the episode reached a terminal state: no bootstrap from {@code nextObservation}
     * @throws IllegalArgumentException if an array has the wrong length, a value is not finite in
     *                                  float32, the action is negative, or {@code actionSize != 1}
     * @throws IllegalStateException    if this buffer already stores continuous actions
     */
    public void add(double[] observation, int action, double reward, double[] nextObservation, boolean terminated) {
        add(observation, action, reward, nextObservation, terminated, false);
    }

    /**
     * Adds one step with a continuous action; see {@link ReplayBuffer#add(double[], double[], double, double[], boolean)}.
     * Every transition this stores gets the largest priority seen so far.
     *
     * @param observation     the observation the action was taken in, of length {@code observationSize}
     * @param action          the action vector, of length {@code actionSize}, finite in float32
     * @param reward          the reward received, finite and within float32 range
     * @param nextObservation the observation after the step, of length {@code observationSize}
     * @param terminated      the episode reached a terminal state: no bootstrap from {@code nextObservation}
     * @throws IllegalArgumentException if an array has the wrong length or a value is not finite in float32
     * @throws IllegalStateException    if this buffer already stores discrete actions
     */
    public void add(double[] observation, double[] action, double reward, double[] nextObservation, boolean terminated) {
        add(observation, action, reward, nextObservation, terminated, false);
    }

    /**
     * Adds one step with a discrete action; see
     * {@link ReplayBuffer#add(double[], int, double, double[], boolean, boolean)} for the arguments,
     * the n-step and episode handling, and what is thrown. Every transition this stores gets the
     * largest priority seen so far.
     *
     * @param observation     the observation the action was taken in, of length {@code observationSize}
     * @param action          the action index, at least 0
     * @param reward          the reward received, finite and within float32 range
     * @param nextObservation the observation after the step, of length {@code observationSize}
     * @param terminated      the episode reached a terminal state: no bootstrap from {@code nextObservation}
     * @param truncated       the episode was cut off (time limit) without terminating: bootstrap kept,
     *                        episode ends
     * @throws IllegalArgumentException if an array has the wrong length, a value is not finite in
     *                                  float32, the action is negative, or {@code actionSize != 1}
     * @throws IllegalStateException    if this buffer already stores continuous actions
     */
    @Override
    public void add(double[] observation, int action, double reward, double[] nextObservation,
                    boolean terminated, boolean truncated) {
        long addedBefore = buffer.added();
        buffer.add(observation, action, reward, nextObservation, terminated, truncated);
        prioritizeNewTransitions(addedBefore);
    }

    /**
     * Adds one step with a continuous action; see
     * {@link ReplayBuffer#add(double[], double[], double, double[], boolean, boolean)} for the
     * arguments, the n-step and episode handling, and what is thrown. Every transition this stores
     * gets the largest priority seen so far.
     *
     * @param observation     the observation the action was taken in, of length {@code observationSize}
     * @param action          the action vector, of length {@code actionSize}, finite in float32
     * @param reward          the reward received, finite and within float32 range
     * @param nextObservation the observation after the step, of length {@code observationSize}
     * @param terminated      the episode reached a terminal state: no bootstrap from {@code nextObservation}
     * @param truncated       the episode was cut off (time limit) without terminating: bootstrap kept,
     *                        episode ends
     * @throws IllegalArgumentException if an array has the wrong length or a value is not finite in float32
     * @throws IllegalStateException    if this buffer already stores discrete actions
     */
    @Override
    public void add(double[] observation, double[] action, double reward, double[] nextObservation,
                    boolean terminated, boolean truncated) {
        long addedBefore = buffer.added();
        buffer.add(observation, action, reward, nextObservation, terminated, truncated);
        prioritizeNewTransitions(addedBefore);
    }

    /** Ends the current episode as a truncation; see {@link ReplayBuffer#endEpisode()}. */
    @Override
    public void endEpisode() {
        long addedBefore = buffer.added();
        buffer.endEpisode();
        prioritizeNewTransitions(addedBefore);
    }

    /**
     * Fills {@code out} with {@code out.batchSize()} transitions, one drawn by mass from each of as
     * many equal segments of the total priority, and their normalized importance weights
     * {@code (N P(i))^-beta / max_j (N P(j))^-beta}. Allocates nothing.
     *
     * @param out the batch to overwrite, built with this buffer's observation and action sizes
     * @param rng the source of randomness; the same generator state gives the same batch
     * @throws IllegalArgumentException if the batch is larger than {@link #size()} (including an
     *                                  empty buffer) or its sizes do not match this buffer's
     */
    @Override
    public void sample(Batch out, RandomGenerator rng) {
        buffer.checkCanSample(out);
        Objects.requireNonNull(rng, "rng");
        int batchSize = out.batchSize();
        double total = priorities.total();
        double segment = total / batchSize;
        double transitionCount = buffer.size();
        // The largest weight belongs to the least likely transition in the buffer.
        double maxWeight = Math.pow(transitionCount * minimumPriority.min() / total, -beta);
        for (int row = 0; row < batchSize; row++) {
            // Rounding can put the top of the last segment a hair above the total.
            double mass = Math.min(segment * (row + rng.nextDouble()), total);
            int index = priorities.find(mass);
            buffer.copyTo(index, out, row);
            double probability = priorities.get(index) / total;
            out.weights[row] = (float) (Math.pow(transitionCount * probability, -beta) / maxWeight);
        }
    }

    /**
     * Sets the priorities of sampled transitions from their new TD errors:
     * {@code p_i = (|tdError_i| + epsilon)^alpha}. An index whose transition has been overwritten
     * since it was sampled updates the newer transition, as in the reference implementations; with
     * a buffer much larger than the batch this is rare and harmless.
     *
     * @param indices  storage indices, as in {@link Batch#indices()}, each in {@code [0, size())}
     * @param tdErrors the TD error of each, finite, same length as {@code indices}
     * @throws IllegalArgumentException  if the lengths differ or a TD error is not finite; nothing
     *                                   is updated then
     * @throws IndexOutOfBoundsException if an index is out of range; nothing is updated then
     */
    @Override
    public void updatePriorities(int[] indices, double[] tdErrors) {
        Objects.requireNonNull(indices, "indices");
        Objects.requireNonNull(tdErrors, "tdErrors");
        if (indices.length != tdErrors.length) {
            throw new IllegalArgumentException(indices.length + " indices but " + tdErrors.length + " TD errors");
        }
        int size = buffer.size();
        for (int j = 0; j < indices.length; j++) {
            Objects.checkIndex(indices[j], size);
            if (!Double.isFinite(tdErrors[j])) {
                throw new IllegalArgumentException("tdErrors[" + j + "] = " + tdErrors[j] + " must be finite");
            }
        }
        for (int j = 0; j < indices.length; j++) {
            double priority = Math.pow(Math.abs(tdErrors[j]) + epsilon, alpha);
            priorities.set(indices[j], priority);
            minimumPriority.set(indices[j], priority);
            maxPriority = Math.max(maxPriority, priority);
        }
    }

    /**
     * Sets the importance-sampling exponent for the following samples; Schaul et al. anneal it
     * linearly from its initial value to 1 by the end of training.
     *
     * @param beta the exponent, in {@code [0, 1]}
     * @throws IllegalArgumentException if {@code beta} is outside {@code [0, 1]}
     */
    @Override
    public void setBeta(double beta) {
        requireBeta(beta);
        this.beta = beta;
    }

    /** @return the importance-sampling exponent, in {@code [0, 1]} */
    public double beta() {
        return beta;
    }

    /** @return the priority exponent, at least 0 */
    public double alpha() {
        return alpha;
    }

    /** @return the constant added to {@code |tdError|}, greater than 0 */
    public double epsilon() {
        return epsilon;
    }

    /**
     * @param index a storage index in {@code [0, size())}
     * @return the transition's priority {@code p_i}, already raised to alpha
     * @throws IndexOutOfBoundsException if {@code index} is out of range
     */
    public double priority(int index) {
        Objects.checkIndex(index, buffer.size());
        return priorities.get(index);
    }

    /**
     * The storage index of the {@code age}-th oldest transition held; see {@link ReplayBuffer#storageIndex(int)}.
     *
     * @param age 0 for the oldest transition held, {@code size() - 1} for the newest
     * @return the storage index, in {@code [0, size())}
     * @throws IndexOutOfBoundsException if {@code age} is outside {@code [0, size())}
     */
    public int storageIndex(int age) {
        return buffer.storageIndex(age);
    }

    /** @return the number of transitions held, in {@code [0, capacity()]} */
    @Override
    public int size() {
        return buffer.size();
    }

    /** @return the maximum number of transitions held */
    public int capacity() {
        return buffer.capacity();
    }

    /** @return the number of transitions stored since construction, including those since overwritten */
    public long added() {
        return buffer.added();
    }

    /**
     * @return the steps of the current episode not yet stored because their n-step return is
     *         incomplete; see {@link ReplayBuffer#pendingSteps()}
     */
    public int pendingSteps() {
        return buffer.pendingSteps();
    }

    /** @return the discount factor the stored discounts are powers of */
    public double gamma() {
        return buffer.gamma();
    }

    /** @return the number of rewards summed before bootstrapping */
    public int nSteps() {
        return buffer.nSteps();
    }

    /**
     * Writes α and ε (checked on reading), β, the largest priority seen, the transitions and both
     * priority trees.
     *
     * @throws IOException if writing fails
     */
    @Override
    public void writeState(StateWriter out) throws IOException {
        out.writeString(settings());
        out.writeDouble(beta);
        out.writeDouble(maxPriority);
        out.writeObject("transitions", buffer);
        out.writeObject("priorities", priorities);
        out.writeObject("minimum-priorities", minimumPriority);
    }

    /**
     * Replaces the state with the one {@link #writeState} wrote.
     *
     * @throws InvalidCheckpointException if the checkpoint's buffer had another α, ε, capacity or
     *                                    sizes, or an invalid β
     * @throws IOException                if reading fails
     */
    @Override
    public void readState(StateReader in) throws IOException {
        in.expectString("prioritized replay settings", settings());
        double savedBeta = in.readDouble();
        double savedMaxPriority = in.readDouble();
        if (!(savedBeta >= 0.0 && savedBeta <= 1.0) || !(savedMaxPriority > 0.0 && savedMaxPriority < Double.POSITIVE_INFINITY)) {
            throw new InvalidCheckpointException("the checkpoint's prioritized replay has beta " + savedBeta
                    + " and largest priority " + savedMaxPriority);
        }
        in.readObject("transitions", buffer);
        in.readObject("priorities", priorities);
        in.readObject("minimum-priorities", minimumPriority);
        beta = savedBeta;
        maxPriority = savedMaxPriority;
    }

    private String settings() {
        return "alpha=" + alpha + ", epsilon=" + epsilon;
    }

    /** Gives the largest priority seen so far to every transition the last call stored. */
    private void prioritizeNewTransitions(long addedBefore) {
        int capacity = buffer.capacity();
        for (long count = addedBefore; count < buffer.added(); count++) {
            int index = (int) (count % capacity);
            priorities.set(index, maxPriority);
            minimumPriority.set(index, maxPriority);
        }
    }

    private static void requireBeta(double beta) {
        if (!(beta >= 0.0 && beta <= 1.0)) {
            throw new IllegalArgumentException("beta = " + beta + " must be in [0, 1]");
        }
    }
}
