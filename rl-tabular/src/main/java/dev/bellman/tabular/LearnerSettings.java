package dev.bellman.tabular;

import dev.bellman.core.checkpoint.StateReader;
import dev.bellman.core.checkpoint.StateWriter;
import dev.bellman.core.schedule.Schedule;
import dev.bellman.core.schedule.Schedules;

import java.io.IOException;

/**
 * The settings every tabular learner shares, validated when built. Defaults: γ = 0.9 (Zhao's),
 * α = 0.1, ε = 0.1, seed 0, no episode-length limit, initial values 0.
 *
 * @param gamma            the discount factor in {@code [0, 1]}
 * @param alpha            the step size as a function of how often the updated entry has been
 *                         updated, counting this update (1, 2, ...); each value must lie in {@code (0, 1]}
 * @param epsilon          the exploration rate as a function of the episode number (1, 2, ...);
 *                         each value must lie in {@code [0, 1]}
 * @param seed             the seed of the learner's random stream and of the environment's first reset
 * @param maxEpisodeLength steps after which an episode is truncated, 0 for no limit
 * @param initialValue     the value every table entry starts at
 */
public record LearnerSettings(double gamma, Schedule alpha, Schedule epsilon, long seed, long maxEpisodeLength,
                              double initialValue) {

    /**
     * @param gamma            the discount factor in {@code [0, 1]}
     * @param alpha            the step size as a function of how often the updated entry has been
     *                         updated, counting this update (1, 2, ...); each value must lie in {@code (0, 1]}
     * @param epsilon          the exploration rate as a function of the episode number (1, 2, ...); each value must
     *                         lie in {@code [0, 1]}
     * @param seed             the seed of the learner's random stream and of the environment's first reset
     * @param maxEpisodeLength steps after which an episode is truncated, 0 for no limit
     * @param initialValue     the value every table entry starts at
     * @throws IllegalArgumentException if gamma is outside {@code [0, 1]}, a schedule is null,
     *                                  {@code maxEpisodeLength} is negative or the initial value is
     *                                  not finite
     */
    public LearnerSettings {
        if (!(gamma >= 0 && gamma <= 1)) {
            throw new IllegalArgumentException("gamma " + gamma + " is outside [0, 1]");
        }
        if (alpha == null || epsilon == null) {
            throw new IllegalArgumentException("alpha and epsilon schedules must not be null");
        }
        if (maxEpisodeLength < 0) {
            throw new IllegalArgumentException("maxEpisodeLength " + maxEpisodeLength + " is negative; expected 0 (no limit) or more");
        }
        if (!Double.isFinite(initialValue)) {
            throw new IllegalArgumentException("initialValue " + initialValue + " is not a finite number");
        }
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder starting from these settings */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.gamma = gamma;
        builder.alpha = alpha;
        builder.epsilon = epsilon;
        builder.seed = seed;
        builder.maxEpisodeLength = maxEpisodeLength;
        builder.initialValue = initialValue;
        return builder;
    }

    /**
     * The step size for the {@code count}-th update of an entry.
     *
     * @param count how often the entry has been updated, counting this update: 1, 2, ...
     * @return the step size alpha, in {@code (0, 1]}
     * @throws IllegalStateException if the schedule gives a value outside {@code (0, 1]}
     */
    public double alphaAt(long count) {
        double value = alpha.valueAt(count);
        if (!(value > 0 && value <= 1)) {
            throw new IllegalStateException("step size alpha = " + value + " at update " + count
                    + " is outside (0, 1]; check the alpha schedule");
        }
        return value;
    }

    /**
     * The exploration rate of episode {@code episode}.
     *
     * @param episode the episode number, 1 for the first
     * @return the exploration rate epsilon, in {@code [0, 1]}
     * @throws IllegalStateException if the schedule gives a value outside {@code [0, 1]}
     */
    public double epsilonAt(long episode) {
        double value = epsilon.valueAt(episode);
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalStateException("exploration rate epsilon = " + value + " in episode " + episode
                    + " is outside [0, 1]; check the epsilon schedule");
        }
        return value;
    }

    /**
     * Writes every setting, each as its description, to a checkpoint; {@link #expectIn} checks them.
     *
     * @param out the checkpoint being written
     * @throws IOException if writing fails
     */
    public void writeTo(StateWriter out) throws IOException {
        out.section("learner-settings");
        out.writeString(Double.toString(gamma));
        out.writeString(describe(alpha));
        out.writeString(describe(epsilon));
        out.writeString(Long.toString(seed));
        out.writeString(Long.toString(maxEpisodeLength));
        out.writeString(Double.toString(initialValue));
    }

    /**
     * Reads what {@link #writeTo} wrote and checks that it describes these settings.
     *
     * @param in the checkpoint being read
     * @throws dev.bellman.core.checkpoint.InvalidCheckpointException if a setting differs; the message
     *                                                                names it and both values
     * @throws IOException                                            if reading fails
     */
    public void expectIn(StateReader in) throws IOException {
        in.section("learner-settings");
        in.expectString("gamma", Double.toString(gamma));
        in.expectString("alpha", describe(alpha));
        in.expectString("epsilon", describe(epsilon));
        in.expectString("seed", Long.toString(seed));
        in.expectString("maxEpisodeLength", Long.toString(maxEpisodeLength));
        in.expectString("initialValue", Double.toString(initialValue));
    }

    /**
     * A description that is the same for equal settings in every run, unlike the record's own,
     * which would print the schedules' identity hashes.
     */
    @Override
    public String toString() {
        return "LearnerSettings[gamma=" + gamma + ", alpha=" + describe(alpha) + ", epsilon=" + describe(epsilon) + ", seed="
                + seed + ", maxEpisodeLength=" + maxEpisodeLength + ", initialValue=" + initialValue + "]";
    }

    /** The counts at which a schedule without a description of its own is sampled to describe it. */
    private static final long[] SAMPLED_COUNTS = {1, 2, 3, 5, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

    /**
     * A schedule's own {@code toString} if it has one; otherwise its values at a few counts. The
     * factories of {@link Schedules} return lambdas, whose {@code toString} names the object, not
     * the schedule, so two equal schedules would look different.
     */
    static String describe(Schedule schedule) {
        if (overridesToString(schedule)) {
            return schedule.toString();
        }
        StringBuilder text = new StringBuilder("schedule{");
        for (int i = 0; i < SAMPLED_COUNTS.length; i++) {
            text.append(i == 0 ? "" : ", ").append(SAMPLED_COUNTS[i]).append(": ").append(schedule.valueAt(SAMPLED_COUNTS[i]));
        }
        return text.append('}').toString();
    }

    private static boolean overridesToString(Object value) {
        try {
            return value.getClass().getMethod("toString").getDeclaringClass() != Object.class;
        } catch (NoSuchMethodException impossible) {
            return false;
        }
    }

    /** Builds {@link LearnerSettings}; each setter validates its argument. */
    public static final class Builder {
        private double gamma = 0.9;
        private Schedule alpha = Schedules.constant(0.1);
        private Schedule epsilon = Schedules.constant(0.1);
        private long seed;
        private long maxEpisodeLength;
        private double initialValue;

        private Builder() {
        }

        /**
         * @param gamma the discount factor in {@code [0, 1]} (default 0.9, Zhao's)
         * @return this builder
         * @throws IllegalArgumentException if gamma is outside {@code [0, 1]}
         */
        public Builder gamma(double gamma) {
            if (!(gamma >= 0 && gamma <= 1)) {
                throw new IllegalArgumentException("gamma " + gamma + " is outside [0, 1]");
            }
            this.gamma = gamma;
            return this;
        }

        /**
         * A constant step size.
         *
         * @param alpha the step size of every update, in {@code (0, 1]} (default 0.1)
         * @return this builder
         * @throws IllegalArgumentException if alpha is outside {@code (0, 1]}
         */
        public Builder alpha(double alpha) {
            if (!(alpha > 0 && alpha <= 1)) {
                throw new IllegalArgumentException("alpha " + alpha + " is outside (0, 1]");
            }
            this.alpha = Schedules.constant(alpha);
            return this;
        }

        /**
         * A step-size schedule over the update count of each entry (e.g. {@link Schedules#harmonic()}).
         *
         * @param alpha the step size as a function of the entry's update count; each value must lie in
         *              {@code (0, 1]}, checked when used
         * @return this builder
         */
        public Builder alpha(Schedule alpha) {
            this.alpha = alpha;
            return this;
        }

        /**
         * A constant exploration rate.
         *
         * @param epsilon the exploration rate of every episode, in {@code [0, 1]} (default 0.1)
         * @return this builder
         * @throws IllegalArgumentException if epsilon is outside {@code [0, 1]}
         */
        public Builder epsilon(double epsilon) {
            if (!(epsilon >= 0 && epsilon <= 1)) {
                throw new IllegalArgumentException("epsilon " + epsilon + " is outside [0, 1]");
            }
            this.epsilon = Schedules.constant(epsilon);
            return this;
        }

        /**
         * An exploration-rate schedule over the episode number.
         *
         * @param epsilon the exploration rate as a function of the episode number; each value must lie in
         *                {@code [0, 1]}, checked when used
         * @return this builder
         */
        public Builder epsilon(Schedule epsilon) {
            this.epsilon = epsilon;
            return this;
        }

        /**
         * The seed of every random choice.
         *
         * @param seed the seed (default 0)
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Truncate episodes after this many steps (0: no limit).
         *
         * @param maxEpisodeLength the episode-length limit in steps, at least 0 (default 0: no limit)
         * @return this builder
         */
        public Builder maxEpisodeLength(long maxEpisodeLength) {
            this.maxEpisodeLength = maxEpisodeLength;
            return this;
        }

        /**
         * The value every table entry starts at (optimistic values encourage exploration).
         *
         * @param initialValue the initial value of every entry, finite (default 0)
         * @return this builder
         */
        public Builder initialValue(double initialValue) {
            this.initialValue = initialValue;
            return this;
        }

        /**
         * @return the validated settings
         * @throws IllegalArgumentException if a setting is invalid
         */
        public LearnerSettings build() {
            return new LearnerSettings(gamma, alpha, epsilon, seed, maxEpisodeLength, initialValue);
        }
    }
}
