package dev.bellman.deep.dqn;

import java.util.Arrays;

/**
 * The hyper-parameters of {@link Dqn}, with Stable-Baselines3's names and meanings so that
 * rl-zoo's published settings can be used as they are. Build with {@link #builder()}, which starts
 * from SB3's defaults; {@link #zooCartPole()} is rl-zoo's CartPole-v1 entry.
 *
 * @param hiddenLayers           the widths of the hidden layers (SB3's {@code net_arch}; default 64, 64)
 * @param learningRate           Adam's step size (default 1e-4)
 * @param bufferSize             the replay capacity in transitions (default 1 000 000)
 * @param learningStarts         environment steps of uniformly random actions before learning (default 100)
 * @param batchSize              transitions per gradient step (default 32)
 * @param tau                    the target network's Polyak coefficient, 1 for a hard copy (default 1)
 * @param gamma                  the discount factor (default 0.99)
 * @param trainFrequency         environment steps between training phases (default 4)
 * @param gradientSteps          gradient steps per training phase (default 1)
 * @param targetUpdateInterval   environment steps between target-network updates (default 10 000)
 * @param explorationFraction    the fraction of the training run over which ε falls linearly (default 0.1)
 * @param initialEpsilon         ε at the start (default 1)
 * @param finalEpsilon           ε after the fall (default 0.05)
 * @param maxGradientNorm        the global gradient-norm clip (default 10)
 * @param doubleDqn              van Hasselt et al. 2016: the online network picks the next action, the target evaluates it
 * @param dueling                Wang et al. 2016: value and advantage heads
 * @param nSteps                 the n of n-step returns (default 1)
 * @param prioritized            Schaul et al. 2016: sample transitions in proportion to their TD error
 * @param priorityAlpha          how strongly priorities skew sampling, {@code p = (|δ| + ε)^α} (default 0.6)
 * @param priorityBetaStart      the importance-sampling exponent at the start, annealed linearly to 1
 *                               over the planned steps (default 0.4)
 * @param loss                   the TD-error loss (default {@link Loss#HUBER}, SB3's smooth L1)
 * @param threads                ND4J's thread count for the matrix products (default 1: fastest for these sizes)
 * @param checkpointReplay       whether {@link Dqn#saveCheckpoint checkpoints} hold the replay buffer
 *                               (default false). Without it a checkpoint is small and a resumed run is
 *                               valid but not bit-identical: it refills an empty buffer before it trains
 *                               again. With it (observations, actions, returns and priorities of every
 *                               transition held, about {@code 8 · observation size + 13} bytes each) the
 *                               resumed run gives exactly the numbers of the uninterrupted one.
 */
public record DqnConfig(int[] hiddenLayers, double learningRate, int bufferSize, int learningStarts, int batchSize,
                        double tau, double gamma, int trainFrequency, int gradientSteps, int targetUpdateInterval,
                        double explorationFraction, double initialEpsilon, double finalEpsilon, double maxGradientNorm,
                        boolean doubleDqn, boolean dueling, int nSteps, boolean prioritized, double priorityAlpha,
                        double priorityBetaStart, Loss loss, int threads, boolean checkpointReplay) {

    /** The loss of the TD error {@code Q(s, a) − y}, averaged over the batch. */
    public enum Loss {
        /** Huber with δ = 1 (SB3's smooth L1): gradients clipped to ±1 per sample. */
        HUBER,
        /**
         * Squared error (RL4J's, the Nature paper's before its error clipping). It tracks large
         * targets faster: with RL4J's settings (a hard target copy every 50 gradient steps) Huber
         * let Q diverge to about 2·10⁶ on CartPole, while squared error settled near 115.
         */
        MSE
    }

    /**
     * @param hiddenLayers         the widths of the hidden layers (SB3's {@code net_arch}; default 64, 64)
     * @param learningRate         Adam's step size (default 1e-4)
     * @param bufferSize           the replay capacity in transitions (default 1 000 000)
     * @param learningStarts       environment steps of uniformly random actions before learning (default 100)
     * @param batchSize            transitions per gradient step (default 32)
     * @param tau                  the target network's Polyak coefficient, 1 for a hard copy (default 1)
     * @param gamma                the discount factor (default 0.99)
     * @param trainFrequency       environment steps between training phases (default 4)
     * @param gradientSteps        gradient steps per training phase (default 1)
     * @param targetUpdateInterval environment steps between target-network updates (default 10 000)
     * @param explorationFraction  the fraction of the training run over which ε falls linearly (default 0.1)
     * @param initialEpsilon       ε at the start (default 1)
     * @param finalEpsilon         ε after the fall (default 0.05)
     * @param maxGradientNorm      the global gradient-norm clip (default 10)
     * @param doubleDqn            van Hasselt et al. 2016: the online network picks the next action, the target
     *                             evaluates it
     * @param dueling              Wang et al. 2016: value and advantage heads
     * @param nSteps               the n of n-step returns (default 1)
     * @param prioritized          Schaul et al. 2016: sample transitions in proportion to their TD error
     * @param priorityAlpha        how strongly priorities skew sampling, {@code p = (|δ| + ε)^α} (default 0.6)
     * @param priorityBetaStart    the importance-sampling exponent at the start, annealed linearly to 1 over the
     *                             planned steps (default 0.4)
     * @param loss                 the TD-error loss (default {@link Loss#HUBER}, SB3's smooth L1)
     * @param threads              ND4J's thread count for the matrix products (default 1: fastest for these sizes)
     * @param checkpointReplay     whether {@link Dqn#saveCheckpoint checkpoints} hold the replay buffer (default
     *                             false)
     * @throws IllegalArgumentException naming the first value outside its range
     */
    public DqnConfig {
        if (hiddenLayers == null || hiddenLayers.length == 0) {
            throw new IllegalArgumentException("hiddenLayers must name at least one hidden layer; got "
                    + Arrays.toString(hiddenLayers));
        }
        for (int width : hiddenLayers) {
            positive(width, "hidden layer width");
        }
        hiddenLayers = hiddenLayers.clone();
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learningRate " + learningRate + " must be a finite number > 0");
        }
        positive(bufferSize, "bufferSize");
        if (learningStarts < 0) {
            throw new IllegalArgumentException("learningStarts " + learningStarts + " must be >= 0");
        }
        positive(batchSize, "batchSize");
        if (!(tau > 0 && tau <= 1)) {
            throw new IllegalArgumentException("tau " + tau + " is outside (0, 1]");
        }
        if (!(gamma >= 0 && gamma <= 1)) {
            throw new IllegalArgumentException("gamma " + gamma + " is outside [0, 1]");
        }
        positive(trainFrequency, "trainFrequency");
        if (gradientSteps < 0) {
            throw new IllegalArgumentException("gradientSteps " + gradientSteps + " must be >= 0");
        }
        positive(targetUpdateInterval, "targetUpdateInterval");
        if (!(explorationFraction > 0 && explorationFraction <= 1)) {
            throw new IllegalArgumentException("explorationFraction " + explorationFraction + " is outside (0, 1]");
        }
        for (double epsilon : new double[] {initialEpsilon, finalEpsilon}) {
            if (!(epsilon >= 0 && epsilon <= 1)) {
                throw new IllegalArgumentException("epsilon " + epsilon + " is outside [0, 1]");
            }
        }
        if (!(maxGradientNorm > 0)) {
            throw new IllegalArgumentException("maxGradientNorm " + maxGradientNorm + " must be > 0 (use infinity for no clipping)");
        }
        positive(nSteps, "nSteps");
        if (!(priorityAlpha >= 0) || Double.isInfinite(priorityAlpha)) {
            throw new IllegalArgumentException("priorityAlpha " + priorityAlpha + " must be a finite number >= 0");
        }
        if (!(priorityBetaStart >= 0 && priorityBetaStart <= 1)) {
            throw new IllegalArgumentException("priorityBetaStart " + priorityBetaStart + " is outside [0, 1]");
        }
        if (loss == null) {
            throw new IllegalArgumentException("loss must not be null; expected HUBER or MSE");
        }
        positive(threads, "threads");
    }

    private static void positive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " " + value + " must be at least 1");
        }
    }

    /**
     * @return a copy of the widths of the hidden layers, input side first
     */
    @Override
    public int[] hiddenLayers() {
        return hiddenLayers.clone();
    }

    /** Equal when every setting is equal, the hidden widths compared element by element. */
    @Override
    public boolean equals(Object other) {
        return other instanceof DqnConfig that && toString().equals(that.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    /** Every setting, by name; a checkpoint stores it and checks it on loading. */
    @Override
    public String toString() {
        return "DqnConfig[hiddenLayers=" + Arrays.toString(hiddenLayers) + ", learningRate=" + learningRate + ", bufferSize="
                + bufferSize + ", learningStarts=" + learningStarts + ", batchSize=" + batchSize + ", tau=" + tau
                + ", gamma=" + gamma + ", trainFrequency=" + trainFrequency + ", gradientSteps=" + gradientSteps
                + ", targetUpdateInterval=" + targetUpdateInterval + ", explorationFraction=" + explorationFraction
                + ", initialEpsilon=" + initialEpsilon + ", finalEpsilon=" + finalEpsilon + ", maxGradientNorm="
                + maxGradientNorm + ", doubleDqn=" + doubleDqn + ", dueling=" + dueling + ", nSteps=" + nSteps
                + ", prioritized=" + prioritized + ", priorityAlpha=" + priorityAlpha + ", priorityBetaStart="
                + priorityBetaStart + ", loss=" + loss + ", threads=" + threads + ", checkpointReplay=" + checkpointReplay
                + "]";
    }

    /** @return a builder starting from Stable-Baselines3's DQN defaults */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * rl-zoo's CartPole-v1 DQN: lr 2.3e-3, batch 64, buffer 100 000, learning starts 1000, γ 0.99,
     * target update every 10 steps, train frequency 256, 128 gradient steps, exploration fraction
     * 0.16, final ε 0.04, network 256-256.
     *
     * @return those settings (plain DQN; switch on double or dueling with {@link #toBuilder()})
     */
    public static DqnConfig zooCartPole() {
        return builder().hiddenLayers(256, 256).learningRate(2.3e-3).batchSize(64).bufferSize(100_000)
                .learningStarts(1000).gamma(0.99).targetUpdateInterval(10).trainFrequency(256).gradientSteps(128)
                .explorationFraction(0.16).finalEpsilon(0.04).build();
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
        b.targetUpdateInterval = targetUpdateInterval;
        b.explorationFraction = explorationFraction;
        b.initialEpsilon = initialEpsilon;
        b.finalEpsilon = finalEpsilon;
        b.maxGradientNorm = maxGradientNorm;
        b.doubleDqn = doubleDqn;
        b.dueling = dueling;
        b.nSteps = nSteps;
        b.prioritized = prioritized;
        b.priorityAlpha = priorityAlpha;
        b.priorityBetaStart = priorityBetaStart;
        b.loss = loss;
        b.threads = threads;
        b.checkpointReplay = checkpointReplay;
        return b;
    }

    /** Builds a {@link DqnConfig}; the record's constructor validates. */
    public static final class Builder {
        private int[] hiddenLayers = {64, 64};
        private double learningRate = 1e-4;
        private int bufferSize = 1_000_000;
        private int learningStarts = 100;
        private int batchSize = 32;
        private double tau = 1.0;
        private double gamma = 0.99;
        private int trainFrequency = 4;
        private int gradientSteps = 1;
        private int targetUpdateInterval = 10_000;
        private double explorationFraction = 0.1;
        private double initialEpsilon = 1.0;
        private double finalEpsilon = 0.05;
        private double maxGradientNorm = 10;
        private boolean doubleDqn;
        private boolean dueling;
        private int nSteps = 1;
        private boolean prioritized;
        private double priorityAlpha = 0.6;
        private double priorityBetaStart = 0.4;
        private Loss loss = Loss.HUBER;
        private int threads = 1;
        private boolean checkpointReplay;

        private Builder() {
        }

        /**
         * @param widths the hidden layers' widths, input side first (default 64, 64)
         * @return this builder
         */
        public Builder hiddenLayers(int... widths) {
            this.hiddenLayers = widths == null ? null : widths.clone();
            return this;
        }

        /**
         * @param value Adam's step size, positive (default 1e-4)
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
         * @param value transitions per gradient step (default 32)
         * @return this builder
         */
        public Builder batchSize(int value) {
            this.batchSize = value;
            return this;
        }

        /**
         * @param value the target network's Polyak coefficient, in (0, 1], 1 for a hard copy (default 1)
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
         * @param value environment steps between training phases (default 4)
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
         * @param value environment steps between target updates (default 10 000)
         * @return this builder
         */
        public Builder targetUpdateInterval(int value) {
            this.targetUpdateInterval = value;
            return this;
        }

        /**
         * @param value the fraction of the run over which ε falls linearly, in [0, 1] (default 0.1)
         * @return this builder
         */
        public Builder explorationFraction(double value) {
            this.explorationFraction = value;
            return this;
        }

        /**
         * @param value ε at the start, in [0, 1] (default 1)
         * @return this builder
         */
        public Builder initialEpsilon(double value) {
            this.initialEpsilon = value;
            return this;
        }

        /**
         * @param value ε after the fall, in [0, 1] (default 0.05)
         * @return this builder
         */
        public Builder finalEpsilon(double value) {
            this.finalEpsilon = value;
            return this;
        }

        /**
         * @param value the global gradient-norm clip (default 10)
         * @return this builder
         */
        public Builder maxGradientNorm(double value) {
            this.maxGradientNorm = value;
            return this;
        }

        /**
         * @param value whether to use double DQN targets (van Hasselt et al. 2016)
         * @return this builder
         */
        public Builder doubleDqn(boolean value) {
            this.doubleDqn = value;
            return this;
        }

        /**
         * @param value whether to use dueling heads (Wang et al. 2016)
         * @return this builder
         */
        public Builder dueling(boolean value) {
            this.dueling = value;
            return this;
        }

        /**
         * @param value the n of n-step returns, at least 1 (default 1)
         * @return this builder
         */
        public Builder nSteps(int value) {
            this.nSteps = value;
            return this;
        }

        /**
         * @param value whether to sample in proportion to TD errors (Schaul et al. 2016)
         * @return this builder
         */
        public Builder prioritized(boolean value) {
            this.prioritized = value;
            return this;
        }

        /**
         * @param value the priority exponent α in {@code p = (|δ| + ε)^α} (default 0.6)
         * @return this builder
         */
        public Builder priorityAlpha(double value) {
            this.priorityAlpha = value;
            return this;
        }

        /**
         * @param value the importance-sampling exponent β at the start, annealed linearly to 1 (default 0.4)
         * @return this builder
         */
        public Builder priorityBetaStart(double value) {
            this.priorityBetaStart = value;
            return this;
        }

        /**
         * @param value the TD-error loss (default {@link Loss#HUBER})
         * @return this builder
         */
        public Builder loss(Loss value) {
            this.loss = value;
            return this;
        }

        /**
         * @param value ND4J's thread count for the matrix products, at least 1 (default 1)
         * @return this builder
         */
        public Builder threads(int value) {
            this.threads = value;
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

        /** @return the validated settings */
        public DqnConfig build() {
            return new DqnConfig(hiddenLayers, learningRate, bufferSize, learningStarts, batchSize, tau, gamma,
                    trainFrequency, gradientSteps, targetUpdateInterval, explorationFraction, initialEpsilon,
                    finalEpsilon, maxGradientNorm, doubleDqn, dueling, nSteps, prioritized, priorityAlpha,
                    priorityBetaStart, loss, threads, checkpointReplay);
        }
    }
}
