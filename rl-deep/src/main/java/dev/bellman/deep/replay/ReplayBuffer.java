package dev.bellman.deep.replay;

import dev.bellman.core.checkpoint.InvalidCheckpointException;
import dev.bellman.core.checkpoint.StateReader;
import dev.bellman.core.checkpoint.StateWriter;

import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A fixed-capacity ring buffer of transitions for off-policy learners (DQN, DDPG, TD3), with n-step
 * returns and Gymnasium's distinction between termination and truncation.
 *
 * <p><b>What is stored.</b> Each stored transition is {@code (s_t, a_t, R_t, s_{t+k}, discount)}
 * where {@code R_t = r_t + gamma r_{t+1} + ... + gamma^(k-1) r_{t+k-1}} is the k-step return
 * ({@code k = nSteps} except at the end of an episode, where the tail is shorter) and
 * {@code discount = gamma^k}, or 0 when the episode terminated within those k steps. A learner
 * therefore computes every target the same way (Sutton &amp; Barto 2018, eq. 7.1; Mnih et al. 2015):
 * <pre>{@code target = reward + discount * max_a' Q_target(nextObservation, a')}</pre>
 *
 * <p><b>Termination versus truncation.</b> Only {@code terminated} zeroes the discount: the next
 * state is terminal and worth 0. A truncated episode (time limit) did not reach a terminal state, so
 * its last transition keeps {@code discount = gamma^k} and bootstraps from the final observation of
 * the truncated episode. Never report a truncation as a termination.
 *
 * <p><b>Episode boundaries.</b> The six-argument {@code add(..., terminated, truncated)} takes both
 * of Gymnasium's flags, as {@code Environment.step} returns them, so the episode boundary travels
 * with the step that causes it and cannot be forgotten: when either flag is set the buffer flushes
 * the pending shorter tails (no n-step return ever crosses into the next episode). The five-argument
 * {@code add(..., terminated)} is {@code truncated = false}; {@link #endEpisode()} ends an episode
 * that was cut off without the environment saying so (a reset mid-episode). With {@code nSteps = 1}
 * nothing is ever pending and the flags only decide the discount.
 *
 * <p><b>Precision.</b> Observations, actions, rewards and discounts are stored as float32, as in
 * Stable-Baselines3, halving memory for a buffer of a million transitions. Each value is rounded
 * once, to the nearest float (relative error at most {@code 2^-24}, about {@code 6e-8}); the n-step
 * return is summed in double and rounded once when stored. Values outside float32 range are rejected
 * rather than stored as infinity.
 *
 * <p><b>Actions.</b> Discrete actions (an index, {@code actionSize = 1}) are stored in an
 * {@code int[]}, continuous actions (a vector of {@code actionSize}) in a {@code float[]}; the first
 * {@code add} decides which, and mixing the two is rejected.
 *
 * <p><b>Checkpoints.</b> {@link #writeState} writes the settings, to be checked on reading, the
 * transitions held (only the {@link #size()} slots in use, so a large buffer that is mostly empty
 * stays small), the ring's position and the pending n-step window.
 *
 * <p>Not thread-safe: one training loop owns a buffer.
 */
public final class ReplayBuffer implements Replay {

    private static final int ACTIONS_NONE = 0;
    private static final int ACTIONS_DISCRETE = 1;
    private static final int ACTIONS_CONTINUOUS = 2;

    private final int capacity;
    private final int observationSize;
    private final int actionSize;
    private final double gamma;
    private final int nSteps;
    /** {@code gamma^k} in double for summing n-step returns, k in {@code [0, nSteps]}. */
    private final double[] gammaPowers;
    /** {@code gamma^k} rounded once to float, as handed to the learner. */
    private final float[] discountPowers;

    // The ring: transition i occupies [i * observationSize, (i + 1) * observationSize) of the
    // observation arrays and [i * actionSize, (i + 1) * actionSize) of continuousActions.
    private final float[] observations;
    private final float[] nextObservations;
    private final float[] rewards;
    private final boolean[] terminated;
    /** The k of each stored k-step transition, so the discount is rebuilt as {@code gamma^k}. */
    private final int[] horizons;
    // Allocated by the first add, so a million-transition buffer holds only the kind it uses.
    private int[] discreteActions;
    private float[] continuousActions;
    private long added;

    // The steps of the current episode whose n-step return is not complete yet: a small ring of at
    // most nSteps entries, held in double until the return is summed. All of them bootstrap from the
    // same state, the next observation of the most recent step.
    private final double[] pendingObservations;
    private final double[] pendingRewards;
    private final int[] pendingDiscreteActions;
    private final double[] pendingContinuousActions;
    private final double[] latestNextObservation;
    private int pendingStart;
    private int pendingCount;

    /**
     * A buffer of one-step transitions that does no discounting: the discount handed out is 1 for
     * a non-terminal transition and 0 for a terminal one, Stable-Baselines3's {@code 1 - dones}
     * mask, and the learner multiplies by its own {@code gamma}. Prefer
     * {@link #ReplayBuffer(int, int, int, double, int)}, whose discounts already hold {@code gamma^k}.
     *
     * @param capacity        the number of transitions kept, at least 1; the oldest is overwritten
     * @param observationSize the length of every observation vector, at least 1
     * @param actionSize      1 for discrete actions, the action vector's length for continuous ones
     * @throws IllegalArgumentException if a size is below 1 or the arrays would exceed Java's array
     *                                  length limit
     */
    public ReplayBuffer(int capacity, int observationSize, int actionSize) {
        this(capacity, observationSize, actionSize, 1.0, 1);
    }

    /**
     * A buffer of n-step transitions.
     *
     * @param capacity        the number of transitions kept, at least 1; the oldest is overwritten
     * @param observationSize the length of every observation vector, at least 1
     * @param actionSize      1 for discrete actions, the action vector's length for continuous ones
     * @param gamma           the discount factor, in {@code [0, 1]}
     * @param nSteps          the number of rewards summed before bootstrapping, at least 1 (1 is
     *                        DQN; 3 is Rainbow's choice, Hessel et al. 2018)
     * @throws IllegalArgumentException if a size or {@code nSteps} is below 1, {@code gamma} is
     *                                  outside {@code [0, 1]}, or the arrays would exceed Java's
     *                                  array length limit
     */
    public ReplayBuffer(int capacity, int observationSize, int actionSize, double gamma, int nSteps) {
        requireAtLeastOne("capacity", capacity);
        requireAtLeastOne("observationSize", observationSize);
        requireAtLeastOne("actionSize", actionSize);
        requireAtLeastOne("nSteps", nSteps);
        if (!(gamma >= 0.0 && gamma <= 1.0)) {
            throw new IllegalArgumentException("gamma = " + gamma + " must be in [0, 1]");
        }
        if ((long) capacity * Math.max(observationSize, actionSize) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("capacity = " + capacity + " transitions of " + observationSize
                    + " observation and " + actionSize + " action values exceed a Java array's " + Integer.MAX_VALUE + " elements");
        }
        this.capacity = capacity;
        this.observationSize = observationSize;
        this.actionSize = actionSize;
        this.gamma = gamma;
        this.nSteps = nSteps;
        this.gammaPowers = new double[nSteps + 1];
        this.discountPowers = new float[nSteps + 1];
        for (int k = 0; k <= nSteps; k++) {
            gammaPowers[k] = Math.pow(gamma, k);
            discountPowers[k] = (float) gammaPowers[k];
        }
        this.observations = new float[capacity * observationSize];
        this.nextObservations = new float[observations.length];
        this.rewards = new float[capacity];
        this.terminated = new boolean[capacity];
        this.horizons = new int[capacity];
        this.pendingObservations = new double[nSteps * observationSize];
        this.pendingRewards = new double[nSteps];
        this.pendingDiscreteActions = new int[nSteps];
        this.pendingContinuousActions = new double[nSteps * actionSize];
        this.latestNextObservation = new double[observationSize];
    }

    /**
     * Adds one environment step with a discrete action, not truncated: same as
     * {@code add(observation, action, reward, nextObservation, terminated, false)}. With
     * {@code nSteps > 1}, a time-limit truncation must be reported through the six-argument
     * {@code add} or {@link #endEpisode()}, or the next episode's rewards leak into this one's returns.
     *
     * @param observation     the observation the action was taken in, of length {@code observationSize}
     * @param action          the action index, at least 0
     * @param reward          the reward received, finite and within float32 range
     * @param nextObservation the observation after the step, of length {@code observationSize}
     * @param terminated      the episode reached a terminal state: no bootstrap from {@code nextObservation}
     * @throws IllegalArgumentException if an array has the wrong length, a value is not finite in
     *                                  float32, the action is negative, or {@code actionSize != 1}
     * @throws IllegalStateException    if this buffer already stores continuous actions
     * @see #add(double[], int, double, double[], boolean, boolean)
     */
    public void add(double[] observation, int action, double reward, double[] nextObservation, boolean terminated) {
        add(observation, action, reward, nextObservation, terminated, false);
    }

    /**
     * Adds one environment step with a continuous action, not truncated: same as
     * {@code add(observation, action, reward, nextObservation, terminated, false)}.
     *
     * @param observation     the observation the action was taken in, of length {@code observationSize}
     * @param action          the action vector, of length {@code actionSize}, finite in float32
     * @param reward          the reward received, finite and within float32 range
     * @param nextObservation the observation after the step, of length {@code observationSize}
     * @param terminated      the episode reached a terminal state: no bootstrap from {@code nextObservation}
     * @throws IllegalArgumentException if an array has the wrong length or a value is not finite in float32
     * @throws IllegalStateException    if this buffer already stores discrete actions
     * @see #add(double[], double[], double, double[], boolean, boolean)
     */
    public void add(double[] observation, double[] action, double reward, double[] nextObservation, boolean terminated) {
        add(observation, action, reward, nextObservation, terminated, false);
    }

    /**
     * Adds one environment step with a discrete action. The step joins the pending n-step window;
     * every transition whose n-step return is now complete is stored (one per call in mid-episode,
     * the whole window when the episode ends).
     *
     * @param observation     the observation the action was taken in, of length {@code observationSize}
     * @param action          the action index, at least 0
     * @param reward          the reward received, finite and within float32 range
     * @param nextObservation the observation after the step (for a truncated episode, its final
     *                        observation, not the reset observation), of length {@code observationSize}
     * @param terminated      the episode reached a terminal state: no bootstrap from {@code nextObservation}
     * @param truncated       the episode was cut off (time limit) without terminating: bootstrap kept,
     *                        episode ends; ignored for the discount when {@code terminated} is also set
     * @throws IllegalArgumentException if an array has the wrong length, a value is not finite in
     *                                  float32, the action is negative, or {@code actionSize != 1}
     * @throws IllegalStateException    if this buffer already stores continuous actions
     */
    @Override
    public void add(double[] observation, int action, double reward, double[] nextObservation,
                    boolean terminated, boolean truncated) {
        validateStep(observation, reward, nextObservation);
        if (action < 0) {
            throw new IllegalArgumentException("action = " + action + " must be a non-negative index");
        }
        if (actionSize != 1) {
            throw new IllegalArgumentException("a discrete action needs actionSize 1, but this buffer was built with actionSize "
                    + actionSize + "; use add(double[] observation, double[] action, ...) for continuous actions");
        }
        if (discreteActions == null) {
            if (continuousActions != null) {
                throw new IllegalStateException("this buffer stores continuous actions; it cannot also store a discrete action");
            }
            discreteActions = new int[capacity];
        }
        int slot = pendingSlot();
        pendingDiscreteActions[slot] = action;
        push(slot, observation, reward, nextObservation, terminated, truncated);
    }

    /**
     * Adds one environment step with a continuous action; see
     * {@link #add(double[], int, double, double[], boolean, boolean)} for the n-step and episode
     * handling.
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
        validateStep(observation, reward, nextObservation);
        requireFloatVector("action", action, actionSize);
        if (continuousActions == null) {
            if (discreteActions != null) {
                throw new IllegalStateException("this buffer stores discrete actions; it cannot also store a continuous action");
            }
            continuousActions = new float[capacity * actionSize];
        }
        int slot = pendingSlot();
        System.arraycopy(action, 0, pendingContinuousActions, slot * actionSize, actionSize);
        push(slot, observation, reward, nextObservation, terminated, truncated);
    }

    /**
     * Ends the current episode as a truncation: stores the pending shorter tails with discount
     * {@code gamma^k}, bootstrapping from the last next observation added. Use it when an episode is
     * abandoned without the environment reporting it (for instance a reset mid-episode); a
     * truncation the environment reports goes through {@code add(..., terminated, truncated)}.
     * Does nothing when no step is pending (always so with {@code nSteps = 1}).
     */
    @Override
    public void endEpisode() {
        while (pendingCount > 0) {
            storeOldestPending(false);
        }
    }

    /**
     * Fills {@code out} with transitions drawn uniformly with replacement, as Stable-Baselines3's
     * {@code ReplayBuffer.sample}; importance weights are all 1. Allocates nothing.
     *
     * @param out the batch to overwrite, built with this buffer's observation and action sizes
     * @param rng the source of randomness; the same generator state gives the same batch
     * @throws IllegalArgumentException if the batch is larger than {@link #size()} (including an
     *                                  empty buffer) or its sizes do not match this buffer's
     */
    @Override
    public void sample(Batch out, RandomGenerator rng) {
        checkCanSample(out);
        Objects.requireNonNull(rng, "rng");
        int size = size();
        for (int row = 0; row < out.batchSize(); row++) {
            copyTo(rng.nextInt(size), out, row);
        }
    }

    /**
     * Copies stored transition {@code index} into row {@code row} of {@code out}, with weight 1.
     *
     * @param index a storage index in {@code [0, size())}, as in {@link Batch#indices()}
     * @param out   a batch built with this buffer's observation and action sizes
     * @param row   the row to overwrite, in {@code [0, out.batchSize())}
     * @throws IndexOutOfBoundsException if {@code index} or {@code row} is out of range
     * @throws IllegalArgumentException  if the batch's sizes do not match this buffer's
     */
    public void copyTo(int index, Batch out, int row) {
        Objects.checkIndex(index, size());
        Objects.checkIndex(row, out.batchSize());
        checkSizes(out);
        System.arraycopy(observations, index * observationSize, out.observations, row * observationSize, observationSize);
        System.arraycopy(nextObservations, index * observationSize, out.nextObservations, row * observationSize, observationSize);
        if (discreteActions != null) {
            out.actions[row] = discreteActions[index];
        } else {
            System.arraycopy(continuousActions, index * actionSize, out.continuousActions, row * actionSize, actionSize);
        }
        out.rewards[row] = rewards[index];
        out.discounts[row] = terminated[index] ? 0.0f : discountPowers[horizons[index]];
        out.indices[row] = index;
        out.weights[row] = 1.0f;
    }

    /**
     * The storage index of the {@code age}-th oldest transition held, so the buffer can be read in
     * the order transitions were stored.
     *
     * @param age 0 for the oldest transition held, {@code size() - 1} for the newest
     * @return the storage index, in {@code [0, size())}
     * @throws IndexOutOfBoundsException if {@code age} is outside {@code [0, size())}
     */
    public int storageIndex(int age) {
        Objects.checkIndex(age, size());
        long oldest = added - size();
        return (int) ((oldest + age) % capacity);
    }

    /** @return the number of transitions held, in {@code [0, capacity()]} */
    @Override
    public int size() {
        return (int) Math.min(added, capacity);
    }

    /** @return the maximum number of transitions held */
    public int capacity() {
        return capacity;
    }

    /** @return the number of transitions stored since construction, including those since overwritten */
    public long added() {
        return added;
    }

    /**
     * @return the steps of the current episode added but not yet stored because their n-step return
     *         is incomplete, in {@code [0, nSteps - 1]} between calls
     */
    public int pendingSteps() {
        return pendingCount;
    }

    /** @return the length of every observation vector */
    public int observationSize() {
        return observationSize;
    }

    /** @return 1 for discrete actions, the action vector's length for continuous ones */
    public int actionSize() {
        return actionSize;
    }

    /** @return the discount factor the stored discounts are powers of, in {@code [0, 1]} */
    public double gamma() {
        return gamma;
    }

    /** @return the number of rewards summed before bootstrapping, at least 1 */
    public int nSteps() {
        return nSteps;
    }

    /**
     * Writes the buffer's complete state: its settings, the transitions held, the count added and
     * the pending n-step window.
     *
     * @throws IOException if writing fails
     */
    @Override
    public void writeState(StateWriter out) throws IOException {
        out.writeString(settings());
        out.writeLong(added);
        int size = size();
        int kind = discreteActions != null ? ACTIONS_DISCRETE : continuousActions != null ? ACTIONS_CONTINUOUS : ACTIONS_NONE;
        out.writeInt(kind);
        out.writeFloats(Arrays.copyOf(observations, size * observationSize));
        out.writeFloats(Arrays.copyOf(nextObservations, size * observationSize));
        out.writeFloats(Arrays.copyOf(rewards, size));
        out.writeBooleans(Arrays.copyOf(terminated, size));
        out.writeInts(Arrays.copyOf(horizons, size));
        if (kind == ACTIONS_DISCRETE) {
            out.writeInts(Arrays.copyOf(discreteActions, size));
        } else if (kind == ACTIONS_CONTINUOUS) {
            out.writeFloats(Arrays.copyOf(continuousActions, size * actionSize));
        }
        out.writeInt(pendingStart);
        out.writeInt(pendingCount);
        out.writeDoubles(pendingObservations);
        out.writeDoubles(pendingRewards);
        out.writeInts(pendingDiscreteActions);
        out.writeDoubles(pendingContinuousActions);
        out.writeDoubles(latestNextObservation);
    }

    /**
     * Replaces the buffer's state with the one {@link #writeState} wrote.
     *
     * @throws InvalidCheckpointException if the checkpoint's buffer had another capacity, other
     *                                    sizes, discount or n, or its counts are out of range
     * @throws IOException                if reading fails
     */
    @Override
    public void readState(StateReader in) throws IOException {
        in.expectString("replay buffer settings", settings());
        long storedCount = in.readLong();
        int kind = in.readInt();
        if (storedCount < 0 || kind < ACTIONS_NONE || kind > ACTIONS_CONTINUOUS) {
            throw new InvalidCheckpointException("the checkpoint's replay buffer has " + storedCount
                    + " transitions added with action kind " + kind);
        }
        int size = (int) Math.min(storedCount, capacity);
        readPrefix(in, observations, size * observationSize, "replay observations");
        readPrefix(in, nextObservations, size * observationSize, "replay next observations");
        readPrefix(in, rewards, size, "replay rewards");
        boolean[] flags = new boolean[size];
        in.readBooleans(flags, "replay termination flags");
        Arrays.fill(terminated, false);
        System.arraycopy(flags, 0, terminated, 0, size);
        int[] steps = new int[size];
        in.readInts(steps, "replay horizons");
        Arrays.fill(horizons, 0);
        System.arraycopy(steps, 0, horizons, 0, size);
        discreteActions = kind == ACTIONS_DISCRETE ? new int[capacity] : null;
        continuousActions = kind == ACTIONS_CONTINUOUS ? new float[capacity * actionSize] : null;
        if (kind == ACTIONS_DISCRETE) {
            int[] actions = new int[size];
            in.readInts(actions, "replay actions");
            System.arraycopy(actions, 0, discreteActions, 0, size);
        } else if (kind == ACTIONS_CONTINUOUS) {
            readPrefix(in, continuousActions, size * actionSize, "replay actions");
        }
        int start = in.readInt();
        int count = in.readInt();
        if (start < 0 || start >= nSteps || count < 0 || count >= nSteps) {
            throw new InvalidCheckpointException("the checkpoint's replay buffer has the pending window at " + start
                    + " with " + count + " steps; this buffer's n is " + nSteps);
        }
        in.readDoubles(pendingObservations, "pending observations");
        in.readDoubles(pendingRewards, "pending rewards");
        in.readInts(pendingDiscreteActions, "pending actions");
        in.readDoubles(pendingContinuousActions, "pending actions");
        in.readDoubles(latestNextObservation, "pending next observation");
        added = storedCount;
        pendingStart = start;
        pendingCount = count;
    }

    /** Reads {@code length} values into the start of {@code into} and clears the rest. */
    private static void readPrefix(StateReader in, float[] into, int length, String what) throws IOException {
        float[] values = new float[length];
        in.readFloats(values, what);
        System.arraycopy(values, 0, into, 0, length);
        Arrays.fill(into, length, into.length, 0f);
    }

    private String settings() {
        return "capacity=" + capacity + ", observationSize=" + observationSize + ", actionSize=" + actionSize
                + ", gamma=" + gamma + ", nSteps=" + nSteps;
    }

    /** Throws unless {@code out} can be filled from this buffer. */
    void checkCanSample(Batch out) {
        Objects.requireNonNull(out, "out");
        checkSizes(out);
        if (out.batchSize() > size()) {
            throw new IllegalArgumentException("batch of " + out.batchSize() + " but the buffer holds " + size()
                    + " transitions; wait for learning-starts (at least the batch size) before sampling");
        }
    }

    private void checkSizes(Batch out) {
        if (out.observationSize() != observationSize || out.actionSize() != actionSize) {
            throw new IllegalArgumentException("batch built for observationSize " + out.observationSize() + " and actionSize "
                    + out.actionSize() + ", but this buffer stores " + observationSize + " and " + actionSize);
        }
    }

    private int pendingSlot() {
        return (pendingStart + pendingCount) % nSteps;
    }

    /** Appends a validated step to the pending window and stores whatever returns it completes. */
    private void push(int slot, double[] observation, double reward, double[] nextObservation,
                      boolean terminated, boolean truncated) {
        System.arraycopy(observation, 0, pendingObservations, slot * observationSize, observationSize);
        pendingRewards[slot] = reward;
        System.arraycopy(nextObservation, 0, latestNextObservation, 0, observationSize);
        pendingCount++;
        if (terminated || truncated) {
            // The episode is over: every pending step gets its shorter tail now, so nothing from
            // the next episode is ever summed into these returns.
            while (pendingCount > 0) {
                storeOldestPending(terminated);
            }
        } else if (pendingCount == nSteps) {
            storeOldestPending(false);
        }
    }

    /**
     * Stores the oldest pending step with the return over all pending rewards, bootstrapping from
     * the latest next observation with {@code gamma^pendingCount} unless the episode terminated.
     */
    private void storeOldestPending(boolean episodeTerminated) {
        double nStepReturn = 0.0;
        for (int k = 0; k < pendingCount; k++) {
            nStepReturn += gammaPowers[k] * pendingRewards[(pendingStart + k) % nSteps];
        }
        int index = (int) (added % capacity);
        int from = pendingStart * observationSize;
        int to = index * observationSize;
        for (int j = 0; j < observationSize; j++) {
            observations[to + j] = (float) pendingObservations[from + j];
            nextObservations[to + j] = (float) latestNextObservation[j];
        }
        if (discreteActions != null) {
            discreteActions[index] = pendingDiscreteActions[pendingStart];
        } else {
            int actionFrom = pendingStart * actionSize;
            int actionTo = index * actionSize;
            for (int j = 0; j < actionSize; j++) {
                continuousActions[actionTo + j] = (float) pendingContinuousActions[actionFrom + j];
            }
        }
        rewards[index] = (float) nStepReturn;
        terminated[index] = episodeTerminated;
        horizons[index] = pendingCount;
        added++;
        pendingStart = (pendingStart + 1) % nSteps;
        pendingCount--;
    }

    /** Validates everything common to both kinds of action before any state changes. */
    private void validateStep(double[] observation, double reward, double[] nextObservation) {
        requireFloatVector("observation", observation, observationSize);
        requireFloatVector("nextObservation", nextObservation, observationSize);
        if (!Float.isFinite((float) reward)) {
            throw new IllegalArgumentException("reward = " + reward + " must be finite and within float32 range");
        }
    }

    private static void requireFloatVector(String name, double[] values, int expectedLength) {
        Objects.requireNonNull(values, name);
        if (values.length != expectedLength) {
            throw new IllegalArgumentException(name + " has length " + values.length + " but this buffer expects "
                    + expectedLength);
        }
        for (int j = 0; j < values.length; j++) {
            // Casting first also rejects finite doubles beyond float32 range, which would be stored as infinity.
            if (!Float.isFinite((float) values[j])) {
                throw new IllegalArgumentException(name + "[" + j + "] = " + values[j]
                        + " must be finite and within float32 range");
            }
        }
    }

    private static void requireAtLeastOne(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " = " + value + " must be at least 1");
        }
    }
}
