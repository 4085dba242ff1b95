package dev.bellman.deep.ac;

import java.util.Arrays;

/**
 * The hyper-parameters of {@link Sac}, with Stable-Baselines3's names, meanings and defaults
 * ({@link #builder()}); {@link #zooPendulum()} is rl-zoo's Pendulum-v1 entry.
 *
 * @param hiddenLayers              the hidden widths of the actor and of each critic (default 256, 256)
 * @param learningRate              Adam's step size for the actor, the critics and the entropy coefficient (default 3e-4)
 * @param bufferSize                the replay capacity in transitions (default 1 000 000)
 * @param learningStarts            environment steps of uniformly random actions before learning (default 100)
 * @param batchSize                 transitions per gradient step (default 256)
 * @param tau                       the target critics' Polyak coefficient in (0, 1] (default 0.005)
 * @param gamma                     the discount factor in [0, 1] (default 0.99)
 * @param trainFrequency            environment steps between training phases (default 1)
 * @param gradientSteps             gradient steps per training phase (default 1)
 * @param initialEntropyCoefficient α at the start, {@code > 0} (default 1)
 * @param learnEntropyCoefficient   tune α towards {@code targetEntropy} (SB3's {@code ent_coef="auto"}; default true)
 * @param targetEntropy             the entropy α is tuned towards; NaN (the default) means −(action dimensions)
 * @param checkpointReplay          whether checkpoints ({@link Sac#saveCheckpoint}) hold the replay buffer
 *                                  (default false). Without it a checkpoint is small and a resumed run is
 *                                  valid but not bit-identical: it refills an empty buffer before it trains
 *                                  again. With it the resumed run gives exactly the numbers of the
 *                                  uninterrupted one.
 */
public record SacConfig(int[] hiddenLayers, double learningRate, int bufferSize, int learningStarts, int batchSize,
                        double tau, double gamma, int trainFrequency, int gradientSteps, double initialEntropyCoefficient,
                        boolean learnEntropyCoefficient, double targetEntropy, boolean checkpointReplay) {

    /**
     * @param hiddenLayers              the hidden widths of the actor and of each critic (default 256, 256)
     * @param learningRate              Adam's step size for the actor, the critics and the entropy coefficient (default
     *                                  3e-4)
     * @param bufferSize                the replay capacity in transitions (default 1 000 000)
     * @param learningStarts            environment steps of uniformly random actions before learning (default 100)
     * @param batchSize                 transitions per gradient step (default 256)
     * @param tau                       the target critics' Polyak coefficient in (0, 1] (default 0.005)
     * @param gamma                     the discount factor in [0, 1] (default 0.99)
     * @param trainFrequency            environment steps between training phases (default 1)
     * @param gradientSteps             gradient steps per training phase (default 1)
     * @param initialEntropyCoefficient α at the start, {@code > 0} (default 1)
     * @param learnEntropyCoefficient   tune α towards {@code targetEntropy} (SB3's {@code ent_coef="auto"};
     *                                  default true)
     * @param targetEntropy             the entropy α is tuned towards; NaN (the default) means −(action dimensions)
     * @param checkpointReplay          whether checkpoints ({@link Sac#saveCheckpoint}) hold the replay buffer
     *                                  (default false)
     * @throws IllegalArgumentException naming the first value outside its range
     */
    public SacConfig {
        if (hiddenLayers == null || hiddenLayers.length == 0) {
            throw new IllegalArgumentException("hiddenLayers must name at least one hidden layer; got "
                    + Arrays.toString(hiddenLayers));
        }
        for (int width : hiddenLayers) {
            if (width < 1) {
                throw new IllegalArgumentException("hidden layer width " + width + " must be at least 1");
            }
        }
        hiddenLayers = hiddenLayers.clone();
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate " + learningRate + " must be a finite number > 0");
        }
        if (bufferSize < 1 || batchSize < 1 || trainFrequency < 1) {
            throw new IllegalArgumentException("bufferSize " + bufferSize + ", batchSize " + batchSize + " and trainFrequency "
                    + trainFrequency + " must each be at least 1");
        }
        if (learningStarts < 0 || gradientSteps < 0) {
            throw new IllegalArgumentException("learningStarts " + learningStarts + " and gradientSteps " + gradientSteps
                    + " must be >= 0");
        }
        if (!(tau > 0 && tau <= 1)) {
            throw new IllegalArgumentException("tau " + tau + " is outside (0, 1]");
        }
        if (!(gamma >= 0 && gamma <= 1)) {
            throw new IllegalArgumentException("gamma " + gamma + " is outside [0, 1]");
        }
        if (!(initialEntropyCoefficient > 0) || Double.isInfinite(initialEntropyCoefficient)) {
            throw new IllegalArgumentException("initialEntropyCoefficient " + initialEntropyCoefficient
                    + " must be a finite number > 0");
        }
        if (Double.isInfinite(targetEntropy)) {
            throw new IllegalArgumentException("targetEntropy " + targetEntropy + " must be finite, or NaN for -(action dimensions)");
        }
    }

    /**
     * @return a copy of the hidden widths of the actor and of each critic, input side first
     */
    @Override
    public int[] hiddenLayers() {
        return hiddenLayers.clone();
    }

    /** @return a builder with Stable-Baselines3's SAC defaults */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * rl-zoo's Pendulum-v1 SAC: learning rate 1e-3 and SB3's other defaults; 20 000 steps.
     *
     * @return those settings
     */
    public static SacConfig zooPendulum() {
        return builder().learningRate(1e-3).build();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SacConfig that && toString().equals(that.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    @Override
    public String toString() {
        return "SacConfig[hiddenLayers=" + Arrays.toString(hiddenLayers) + ", learningRate=" + learningRate + ", bufferSize="
                + bufferSize + ", learningStarts=" + learningStarts + ", batchSize=" + batchSize + ", tau=" + tau + ", gamma="
                + gamma + ", trainFrequency=" + trainFrequency + ", gradientSteps=" + gradientSteps
                + ", initialEntropyCoefficient=" + initialEntropyCoefficient + ", learnEntropyCoefficient="
                + learnEntropyCoefficient + ", targetEntropy=" + targetEntropy + ", checkpointReplay=" + checkpointReplay + "]";
    }

    /** @return a builder starting from these settings */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.hiddenLayers = hiddenLayers.clone();
        b.learningRate = learningRate;
        b.bufferSize = bufferSize;
        b.learningStarts = learningStarts;
        b.batchSize = batchSize;
        b.tau = tau;
        b.gamma = gamma;
        b.trainFrequency = trainFrequency;
        b.gradientSteps = gradientSteps;
        b.initialEntropyCoefficient = initialEntropyCoefficient;
        b.learnEntropyCoefficient = learnEntropyCoefficient;
        b.targetEntropy = targetEntropy;
        b.checkpointReplay = checkpointReplay;
        return b;
    }

    /** Builds a {@link SacConfig}; every setter takes the record component's meaning. */
    public static final class Builder {
        private int[] hiddenLayers = {256, 256};
        private double learningRate = 3e-4;
        private int bufferSize = 1_000_000;
        private int learningStarts = 100;
        private int batchSize = 256;
        private double tau = 0.005;
        private double gamma = 0.99;
        private int trainFrequency = 1;
        private int gradientSteps = 1;
        private double initialEntropyCoefficient = 1.0;
        private boolean learnEntropyCoefficient = true;
        private double targetEntropy = Double.NaN;
        private boolean checkpointReplay;

        private Builder() {
        }

        /**
         * @param widths the hidden layer widths, input side first, of the actor and of each critic (default 256, 256)
         * @return this builder
         */
        public Builder hiddenLayers(int... widths) {
            this.hiddenLayers = widths == null ? null : widths.clone();
            return this;
        }

        /**
         * @param value Adam's step size for every part: actor, critics and entropy coefficient (default 3e-4)
         * @return this builder
         */
        public Builder learningRate(double value) {
            this.learningRate = value;
            return this;
        }

        /**
         * @param value the replay capacity, in transitions (default 1 000 000)
         * @return this builder
         */
        public Builder bufferSize(int value) {
            this.bufferSize = value;
            return this;
        }

        /**
         * @param value random-action steps before learning, at least 0 (default 100)
         * @return this builder
         */
        public Builder learningStarts(int value) {
            this.learningStarts = value;
            return this;
        }

        /**
         * @param value transitions per gradient step (default 256)
         * @return this builder
         */
        public Builder batchSize(int value) {
            this.batchSize = value;
            return this;
        }

        /**
         * @param value the target critics' Polyak coefficient, in (0, 1] (default 0.005)
         * @return this builder
         */
        public Builder tau(double value) {
            this.tau = value;
            return this;
        }

        /**
         * @param value the discount factor, in [0, 1] (default 0.99)
         * @return this builder
         */
        public Builder gamma(double value) {
            this.gamma = value;
            return this;
        }

        /**
         * @param value environment steps between training phases (default 1)
         * @return this builder
         */
        public Builder trainFrequency(int value) {
            this.trainFrequency = value;
            return this;
        }

        /**
         * @param value gradient steps per training phase (default 1)
         * @return this builder
         */
        public Builder gradientSteps(int value) {
            this.gradientSteps = value;
            return this;
        }

        /**
         * @param value α at the start, {@code > 0} (default 1)
         * @return this builder
         */
        public Builder initialEntropyCoefficient(double value) {
            this.initialEntropyCoefficient = value;
            return this;
        }

        /**
         * @param value whether α is tuned towards the target entropy (default true)
         * @return this builder
         */
        public Builder learnEntropyCoefficient(boolean value) {
            this.learnEntropyCoefficient = value;
            return this;
        }

        /**
         * @param value the target entropy, or NaN for −(action dimensions)
         * @return this builder
         */
        public Builder targetEntropy(double value) {
            this.targetEntropy = value;
            return this;
        }

        /**
         * @param value whether checkpoints hold the replay buffer, for a bit-identical resume at the
         *              cost of its size (default false)
         * @return this builder
         */
        public Builder checkpointReplay(boolean value) {
            this.checkpointReplay = value;
            return this;
        }

        /**
         * @return the configuration
         * @throws IllegalArgumentException naming the first value outside its range
         */
        public SacConfig build() {
            return new SacConfig(hiddenLayers, learningRate, bufferSize, learningStarts, batchSize, tau, gamma,
                    trainFrequency, gradientSteps, initialEntropyCoefficient, learnEntropyCoefficient, targetEntropy,
                    checkpointReplay);
        }
    }
}
