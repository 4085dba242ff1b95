package dev.bellman.deep.ac;

import java.util.Arrays;

/**
 * The hyper-parameters of {@link Ddpg} and {@link Td3}, with Stable-Baselines3's names and meanings
 * so that rl-zoo's published settings can be used as they are. {@link #ddpg()} and {@link #td3()}
 * start from SB3's defaults for each (except the exploration noise, which SB3 leaves off and which
 * is Gaussian with σ 0.1 here: a deterministic policy without noise does not explore);
 * {@link #zooPendulumDdpg()} and {@link #zooPendulumTd3()} are rl-zoo's Pendulum-v1 entries.
 *
 * <p>DDPG is TD3 with one critic, no policy delay and no target smoothing, as in SB3.
 *
 * @param hiddenLayers        the hidden widths of the actor and of each critic (default 400, 300)
 * @param actorLearningRate   the actor's Adam step size (default 1e-3)
 * @param criticLearningRate  the critics' Adam step size (default 1e-3)
 * @param bufferSize          the replay capacity in transitions (default 1 000 000)
 * @param learningStarts      environment steps of uniformly random actions before learning (default 100)
 * @param batchSize           transitions per gradient step (default 256)
 * @param tau                 the target networks' Polyak coefficient in (0, 1] (default 0.005)
 * @param gamma               the discount factor in [0, 1] (default 0.99)
 * @param trainFrequency      environment steps between training phases (default 1)
 * @param gradientSteps       gradient steps per training phase (default 1)
 * @param noise               the exploration noise's kind (default {@link NoiseType#GAUSSIAN})
 * @param noiseSigma          its σ in scaled-action units, {@code >= 0} (default 0.1)
 * @param noiseTheta          the Ornstein–Uhlenbeck reversion rate θ (default 0.15)
 * @param noiseDt             the Ornstein–Uhlenbeck time step, with θ dt &lt; 2 (default 0.01)
 * @param critics             1 (DDPG) or 2 (TD3's twin critics, the minimum in the target)
 * @param policyDelay         critic updates per actor and target update (DDPG 1, TD3 2)
 * @param targetPolicyNoise   σ of the noise added to the target action (DDPG 0, TD3 0.2)
 * @param targetNoiseClip     the bound on that noise (DDPG 0, TD3 0.5)
 * @param threads             1 (default): all work on the calling thread; 2 or more: independent
 *                            matrix products (target and online passes, weight gradients beside
 *                            deltas, TD3's two critics, the two halves of the actor's critic pass)
 *                            also run on a second thread. Each product runs on one BLAS thread
 *                            either way, so the numbers are identical. The command line uses 2.
 * @param checkpointReplay    whether checkpoints ({@link DeterministicActorCritic#saveCheckpoint})
 *                            hold the replay buffer (default false). Without it a checkpoint is small
 *                            and a resumed run is valid but not bit-identical: it refills an empty
 *                            buffer before it trains again. With it (about
 *                            {@code 8 · observation size + 4 · action size + 9} bytes per transition
 *                            held) the resumed run gives exactly the numbers of the uninterrupted one.
 */
public record ActorCriticConfig(int[] hiddenLayers, double actorLearningRate, double criticLearningRate, int bufferSize,
                                int learningStarts, int batchSize, double tau, double gamma, int trainFrequency,
                                int gradientSteps, NoiseType noise, double noiseSigma, double noiseTheta, double noiseDt,
                                int critics, int policyDelay, double targetPolicyNoise, double targetNoiseClip,
                                int threads, boolean checkpointReplay) {

    /** The exploration noise added to the actor's scaled actions during training. */
    public enum NoiseType {
        /** No noise: the deterministic policy as it is. */
        NONE,
        /** {@link GaussianNoise}: independent normal noise every step. */
        GAUSSIAN,
        /** {@link OrnsteinUhlenbeckNoise}: temporally correlated noise, reset every episode. */
        ORNSTEIN_UHLENBECK
    }

    /**
     * @param hiddenLayers       the hidden widths of the actor and of each critic (default 400, 300)
     * @param actorLearningRate  the actor's Adam step size (default 1e-3)
     * @param criticLearningRate the critics' Adam step size (default 1e-3)
     * @param bufferSize         the replay capacity in transitions (default 1 000 000)
     * @param learningStarts     environment steps of uniformly random actions before learning (default 100)
     * @param batchSize          transitions per gradient step (default 256)
     * @param tau                the target networks' Polyak coefficient in (0, 1] (default 0.005)
     * @param gamma              the discount factor in [0, 1] (default 0.99)
     * @param trainFrequency     environment steps between training phases (default 1)
     * @param gradientSteps      gradient steps per training phase (default 1)
     * @param noise              the exploration noise's kind (default {@link NoiseType#GAUSSIAN})
     * @param noiseSigma         its σ in scaled-action units, {@code >= 0} (default 0.1)
     * @param noiseTheta         the Ornstein–Uhlenbeck reversion rate θ (default 0.15)
     * @param noiseDt            the Ornstein–Uhlenbeck time step, with θ dt &lt; 2 (default 0.01)
     * @param critics            1 (DDPG) or 2 (TD3's twin critics, the minimum in the target)
     * @param policyDelay        critic updates per actor and target update (DDPG 1, TD3 2)
     * @param targetPolicyNoise  σ of the noise added to the target action (DDPG 0, TD3 0.2)
     * @param targetNoiseClip    the bound on that noise (DDPG 0, TD3 0.5)
     * @param threads            1 (default): all work on the calling thread; 2 or more: independent matrix products
     *                           (target and online passes, weight gradients beside deltas, TD3's two critics, the two
     *                           halves of the actor's critic pass) also run on a second thread
     * @param checkpointReplay   whether checkpoints ({@link DeterministicActorCritic#saveCheckpoint}) hold the
     *                           replay buffer (default false)
     * @throws IllegalArgumentException naming the first value outside its range
     */
    public ActorCriticConfig {
        if (hiddenLayers == null || hiddenLayers.length == 0) {
            throw new IllegalArgumentException("hiddenLayers must name at least one hidden layer; got "
                    + Arrays.toString(hiddenLayers));
        }
        for (int width : hiddenLayers) {
            positive(width, "hidden layer width");
        }
        hiddenLayers = hiddenLayers.clone();
        positiveFinite(actorLearningRate, "actorLearningRate");
        positiveFinite(criticLearningRate, "criticLearningRate");
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
        if (noise == null) {
            throw new IllegalArgumentException("noise must not be null; expected NONE, GAUSSIAN or ORNSTEIN_UHLENBECK");
        }
        NoiseChecks.sigma(noiseSigma);
        positiveFinite(noiseTheta, "noiseTheta");
        positiveFinite(noiseDt, "noiseDt");
        if (!(noiseTheta * noiseDt < 2)) {
            throw new IllegalArgumentException("noiseTheta " + noiseTheta + " times noiseDt " + noiseDt + " is "
                    + noiseTheta * noiseDt + "; the Ornstein-Uhlenbeck process reverts only for theta * dt < 2");
        }
        if (critics != 1 && critics != 2) {
            throw new IllegalArgumentException("critics " + critics + " must be 1 (DDPG) or 2 (TD3)");
        }
        positive(policyDelay, "policyDelay");
        if (!(targetPolicyNoise >= 0) || Double.isInfinite(targetPolicyNoise)) {
            throw new IllegalArgumentException("targetPolicyNoise " + targetPolicyNoise + " must be a finite number >= 0");
        }
        if (!(targetNoiseClip >= 0) || Double.isInfinite(targetNoiseClip)) {
            throw new IllegalArgumentException("targetNoiseClip " + targetNoiseClip + " must be a finite number >= 0");
        }
        positive(threads, "threads");
    }

    private static void positive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " " + value + " must be at least 1");
        }
    }

    private static void positiveFinite(double value, String name) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " " + value + " must be a finite number > 0");
        }
    }

    /**
     * @return a copy of the hidden widths of the actor and of each critic, input side first
     */
    @Override
    public int[] hiddenLayers() {
        return hiddenLayers.clone();
    }

    /** @return a builder with Stable-Baselines3's DDPG defaults (Gaussian noise σ 0.1 added) */
    public static Builder ddpg() {
        return new Builder();
    }

    /** @return a builder with Stable-Baselines3's TD3 defaults (Gaussian noise σ 0.1 added) */
    public static Builder td3() {
        return new Builder().critics(2).policyDelay(2).targetPolicyNoise(0.2).targetNoiseClip(0.5);
    }

    /**
     * rl-zoo's Pendulum-v1 DDPG: γ 0.98, buffer 200 000, learning starts 10 000, Gaussian noise σ
     * 0.1, learning rate 1e-3, batch 256, τ 0.005, one gradient step per environment step,
     * networks 400-300; 20 000 steps.
     *
     * @return those settings
     */
    public static ActorCriticConfig zooPendulumDdpg() {
        return zooPendulum(ddpg());
    }

    /**
     * rl-zoo's Pendulum-v1 TD3: the settings of {@link #zooPendulumDdpg()} with TD3's twin critics,
     * policy delay 2 and target smoothing (σ 0.2, clip 0.5).
     *
     * @return those settings
     */
    public static ActorCriticConfig zooPendulumTd3() {
        return zooPendulum(td3());
    }

    private static ActorCriticConfig zooPendulum(Builder builder) {
        return builder.gamma(0.98).bufferSize(200_000).learningStarts(10_000).noise(NoiseType.GAUSSIAN).noiseSigma(0.1)
                .learningRate(1e-3).batchSize(256).tau(0.005).trainFrequency(1).gradientSteps(1).hiddenLayers(400, 300)
                .build();
    }

    /** @return a builder starting from these settings */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.hiddenLayers = hiddenLayers.clone();
        b.actorLearningRate = actorLearningRate;
        b.criticLearningRate = criticLearningRate;
        b.bufferSize = bufferSize;
        b.learningStarts = learningStarts;
        b.batchSize = batchSize;
        b.tau = tau;
        b.gamma = gamma;
        b.trainFrequency = trainFrequency;
        b.gradientSteps = gradientSteps;
        b.noise = noise;
        b.noiseSigma = noiseSigma;
        b.noiseTheta = noiseTheta;
        b.noiseDt = noiseDt;
        b.critics = critics;
        b.policyDelay = policyDelay;
        b.targetPolicyNoise = targetPolicyNoise;
        b.targetNoiseClip = targetNoiseClip;
        b.threads = threads;
        b.checkpointReplay = checkpointReplay;
        return b;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ActorCriticConfig that && Arrays.equals(hiddenLayers, that.hiddenLayers)
                && toString().equals(that.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    @Override
    public String toString() {
        return "ActorCriticConfig[hiddenLayers=" + Arrays.toString(hiddenLayers) + ", actorLearningRate=" + actorLearningRate
                + ", criticLearningRate=" + criticLearningRate + ", bufferSize=" + bufferSize + ", learningStarts="
                + learningStarts + ", batchSize=" + batchSize + ", tau=" + tau + ", gamma=" + gamma + ", trainFrequency="
                + trainFrequency + ", gradientSteps=" + gradientSteps + ", noise=" + noise + ", noiseSigma=" + noiseSigma
                + ", noiseTheta=" + noiseTheta + ", noiseDt=" + noiseDt + ", critics=" + critics + ", policyDelay="
                + policyDelay + ", targetPolicyNoise=" + targetPolicyNoise + ", targetNoiseClip=" + targetNoiseClip
                + ", threads=" + threads + ", checkpointReplay=" + checkpointReplay + "]";
    }

    /** Builds an {@link ActorCriticConfig}; every setter takes the record component's meaning. */
    public static final class Builder {
        private int[] hiddenLayers = {400, 300};
        private double actorLearningRate = 1e-3;
        private double criticLearningRate = 1e-3;
        private int bufferSize = 1_000_000;
        private int learningStarts = 100;
        private int batchSize = 256;
        private double tau = 0.005;
        private double gamma = 0.99;
        private int trainFrequency = 1;
        private int gradientSteps = 1;
        private NoiseType noise = NoiseType.GAUSSIAN;
        private double noiseSigma = 0.1;
        private double noiseTheta = OrnsteinUhlenbeckNoise.DEFAULT_THETA;
        private double noiseDt = OrnsteinUhlenbeckNoise.DEFAULT_DT;
        private int critics = 1;
        private int policyDelay = 1;
        private double targetPolicyNoise = 0;
        private double targetNoiseClip = 0;
        private int threads = 1;
        private boolean checkpointReplay;

        private Builder() {
        }

        /**
         * @param widths the hidden layer widths, input side first
         * @return this builder
         */
        public Builder hiddenLayers(int... widths) {
            this.hiddenLayers = widths == null ? null : widths.clone();
            return this;
        }

        /**
         * Sets the actor's and the critics' learning rate, as SB3's single {@code learning_rate}.
         *
         * @param value the Adam step size of the actor and of the critics, checked by {@link #build()}
         * @return this builder
         */
        public Builder learningRate(double value) {
            this.actorLearningRate = value;
            this.criticLearningRate = value;
            return this;
        }

        /**
         * Sets {@link ActorCriticConfig#actorLearningRate() actorLearningRate}; {@link #build()} checks its
         * range.
         *
         * @param value the actor's Adam step size (default 1e-3)
         * @return this builder
         */
        public Builder actorLearningRate(double value) {
            this.actorLearningRate = value;
            return this;
        }

        /**
         * Sets {@link ActorCriticConfig#criticLearningRate() criticLearningRate}; {@link #build()} checks its
         * range.
         *
         * @param value the critics' Adam step size (default 1e-3)
         * @return this builder
         */
        public Builder criticLearningRate(double value) {
            this.criticLearningRate = value;
            return this;
        }

        /**
         * Sets {@link ActorCriticConfig#bufferSize() bufferSize}, which {@link #build()} checks.
         *
         * @param value the replay capacity in transitions (default 1 000 000)
         * @return this builder
         */
        public Builder bufferSize(int value) {
            this.bufferSize = value;
            return this;
        }

        /**
         * Sets {@link ActorCriticConfig#learningStarts() learningStarts}, which {@link #build()} checks.
         *
         * @param value environment steps of uniformly random actions before learning (default 100)
         * @return this builder
         */
        public Builder learningStarts(int value) {
            this.learningStarts = value;
            return this;
        }

        /**
         * Sets {@link ActorCriticConfig#batchSize() batchSize}, which {@link #build()} checks.
         *
         * @param value transitions per gradient step (default 256)
         * @return this builder
         */
        public Builder batchSize(int value) {
            this.batchSize = value;
            return this;
        }

        /**
         * Sets {@link ActorCriticConfig#tau() tau}, which {@link #build()} checks.
         *
         * @param value the target networks' Polyak coefficient in (0, 1] (default 0.005)
         * @return this builder
         */
        public Builder tau(double value) {
            this.tau = value;
            return this;
        }

        /**
         * Sets {@link ActorCriticConfig#gamma() gamma}, which {@link #build()} checks.
         *
         * @param value the discount factor in [0, 1] (default 0.99)
         * @return this builder
         */
        public Builder gamma(double value) {
            this.gamma = value;
            return this;
        }

        /**
         * Sets {@link ActorCriticConfig#trainFrequency() trainFrequency}, which {@link #build()} checks.
         *
         * @param value environment steps between training phases (default 1)
         * @return this builder
         */
        public Builder trainFrequency(int value) {
            this.trainFrequency = value;
            return this;
        }

        /**
         * Sets {@link ActorCriticConfig#gradientSteps() gradientSteps}, which {@link #build()} checks.
         *
         * @param value gradient steps per training phase (default 1)
         * @return this builder
         */
        public Builder gradientSteps(int value) {
            this.gradientSteps = value;
            return this;
        }

        /**
         * Sets {@link ActorCriticConfig#noise() noise}, which {@link #build()} checks.
         *
         * @param value the exploration noise's kind (default {@link NoiseType#GAUSSIAN})
         * @return this builder
         */
        public Builder noise(NoiseType value) {
            this.noise = value;
            return this;
        }

        /**
         * Sets {@link ActorCriticConfig#noiseSigma() noiseSigma}, which {@link #build()} checks.
         *
         * @param value the exploration noise's σ in scaled-action units, {@code >= 0} (default 0.1)
         * @return this builder
         */
        public Builder noiseSigma(double value) {
            this.noiseSigma = value;
            return this;
        }

        /**
         * Sets {@link ActorCriticConfig#noiseTheta() noiseTheta}, which {@link #build()} checks.
         *
         * @param value the Ornstein–Uhlenbeck reversion rate θ (default 0.15)
         * @return this builder
         */
        public Builder noiseTheta(double value) {
            this.noiseTheta = value;
            return this;
        }

        /**
         * Sets {@link ActorCriticConfig#noiseDt() noiseDt}, which {@link #build()} checks.
         *
         * @param value the Ornstein–Uhlenbeck time step, with θ dt &lt; 2 (default 0.01)
         * @return this builder
         */
        public Builder noiseDt(double value) {
            this.noiseDt = value;
            return this;
        }

        /**
         * Sets {@link ActorCriticConfig#critics() critics}, which {@link #build()} checks.
         *
         * @param value 1 (DDPG) or 2 (TD3's twin critics, the minimum in the target)
         * @return this builder
         */
        public Builder critics(int value) {
            this.critics = value;
            return this;
        }

        /**
         * Sets {@link ActorCriticConfig#policyDelay() policyDelay}, which {@link #build()} checks.
         *
         * @param value critic updates per actor and target update (DDPG 1, TD3 2)
         * @return this builder
         */
        public Builder policyDelay(int value) {
            this.policyDelay = value;
            return this;
        }

        /**
         * Sets {@link ActorCriticConfig#targetPolicyNoise() targetPolicyNoise}; {@link #build()} checks its
         * range.
         *
         * @param value σ of the noise added to the target action (DDPG 0, TD3 0.2)
         * @return this builder
         */
        public Builder targetPolicyNoise(double value) {
            this.targetPolicyNoise = value;
            return this;
        }

        /**
         * Sets {@link ActorCriticConfig#targetNoiseClip() targetNoiseClip}; {@link #build()} checks its
         * range.
         *
         * @param value the bound on that noise (DDPG 0, TD3 0.5)
         * @return this builder
         */
        public Builder targetNoiseClip(double value) {
            this.targetNoiseClip = value;
            return this;
        }

        /**
         * Sets {@link ActorCriticConfig#threads() threads}, which {@link #build()} checks.
         *
         * @param value 1 (default): all work on the calling thread; 2 or more: independent matrix products
         *              (target and online passes, weight gradients beside deltas, TD3's two critics, the two
         *              halves of the actor's critic pass) also run on a second thread
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

        /**
         * @return the configuration
         * @throws IllegalArgumentException naming the first value outside its range
         */
        public ActorCriticConfig build() {
            return new ActorCriticConfig(hiddenLayers, actorLearningRate, criticLearningRate, bufferSize, learningStarts,
                    batchSize, tau, gamma, trainFrequency, gradientSteps, noise, noiseSigma, noiseTheta, noiseDt, critics,
                    policyDelay, targetPolicyNoise, targetNoiseClip, threads, checkpointReplay);
        }
    }
}
