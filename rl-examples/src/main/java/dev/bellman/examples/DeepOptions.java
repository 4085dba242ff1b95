package dev.bellman.examples;

import dev.bellman.deep.ac.ActorCriticConfig;
import dev.bellman.deep.ac.ActorCriticConfig.NoiseType;
import dev.bellman.deep.ac.SacConfig;
import dev.bellman.deep.dqn.DqnConfig;
import picocli.CommandLine.Option;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import java.util.function.IntConsumer;

/**
 * The options of {@code bellman train}'s deep learners: DQN ({@code dqn}, {@code double-dqn},
 * {@code dueling-dqn}) and the deterministic actor-critics ({@code ddpg}, {@code td3}). The options
 * they share come first; an option of one family given to the other is rejected. Unset options take
 * rl-zoo's published values for the environment, else Stable-Baselines3's defaults.
 */
final class DeepOptions {

    @Option(names = "--hidden", paramLabel = "W,W,...", split = ",",
            description = "Deep learners: hidden layer widths (of the actor and each critic for DDPG, TD3 and SAC). "
                    + "Default: DQN 256,256 on CartPole-v1, Acrobot-v1, MountainCar-v0 (rl-zoo), else 64,64; DDPG and TD3 400,300; "
                    + "SAC 256,256.")
    int[] hidden;

    @Option(names = "--learning-rate", paramLabel = "LR",
            description = "Deep learners: Adam's step size (the actor's and the critics' for DDPG, TD3 and SAC). "
                    + "Default: rl-zoo's for the environment, else 1e-4 (DQN), 1e-3 (DDPG, TD3) or 3e-4 (SAC).")
    Double learningRate;

    @Option(names = "--buffer-size", paramLabel = "N",
            description = "Deep learners: replay capacity in transitions. Default: rl-zoo's, else 1000000.")
    Integer bufferSize;

    @Option(names = "--batch-size", paramLabel = "N",
            description = "Deep learners: transitions per gradient step. Default: rl-zoo's, else 32 (DQN) or 256 (DDPG, TD3, SAC).")
    Integer batchSize;

    @Option(names = "--learning-starts", paramLabel = "N",
            description = "Deep learners: random-action steps before learning. "
                    + "Default: rl-zoo's (DDPG, TD3 on Pendulum-v1: 10000), else 100.")
    Integer learningStarts;

    @Option(names = "--train-frequency", paramLabel = "N",
            description = "Deep learners: environment steps between training phases. Default: rl-zoo's, else 4 (DQN) or 1 (DDPG, TD3, SAC).")
    Integer trainFrequency;

    @Option(names = "--gradient-steps", paramLabel = "N",
            description = "Deep learners: gradient steps per training phase. Default: rl-zoo's, else 1.")
    Integer gradientSteps;

    @Option(names = "--tau", paramLabel = "T",
            description = "Deep learners: target Polyak coefficient in (0, 1]; 1 copies. Default: 1 (DQN), 0.005 (DDPG, TD3, SAC).")
    Double tau;

    @Option(names = "--target-update-interval", paramLabel = "N", description = "DQN: environment steps between target updates. Default: rl-zoo's, else 10000.")
    Integer targetUpdateInterval;

    @Option(names = "--exploration-fraction", paramLabel = "F", description = "DQN: fraction of the run over which epsilon falls. Default: rl-zoo's, else 0.1.")
    Double explorationFraction;

    @Option(names = "--final-epsilon", paramLabel = "E", description = "DQN: epsilon after the fall. Default: rl-zoo's, else 0.05.")
    Double finalEpsilon;

    @Option(names = "--n-steps", paramLabel = "N", description = "DQN: n of the n-step returns. Default: 1.")
    Integer nSteps;

    @Option(names = "--loss", paramLabel = "huber|mse",
            description = "DQN: the TD-error loss, huber (SB3's smooth L1, default) or mse (RL4J's).")
    String loss;

    @Option(names = "--prioritized", description = "DQN: prioritized replay (Schaul et al. 2016, alpha 0.6, beta 0.4 -> 1). Default: off (uniform replay).")
    boolean prioritized;

    @Option(names = "--noise", paramLabel = "gaussian:SIGMA|ou:SIGMA|none",
            description = "DDPG, TD3: exploration noise on the actions scaled to [-1, 1]: Gaussian, Ornstein-Uhlenbeck "
                    + "(theta 0.15, dt 0.01) or none. Default: rl-zoo's, gaussian:0.1 on Pendulum-v1, ou:0.5 on "
                    + "MountainCarContinuous-v0.")
    String noise;

    @Option(names = "--threads", paramLabel = "N",
            description = "DDPG, TD3: threads that share each update, 1 or more. The numbers do not depend on it. "
                    + "Default: 2 where the machine has 2 cores or more, else 1.")
    Integer threads;

    @Option(names = "--policy-delay", paramLabel = "N",
            description = "TD3: critic updates per actor and target update. Default: 2.")
    Integer policyDelay;

    @Option(names = "--target-noise", paramLabel = "S",
            description = "TD3: sigma of the smoothing noise on the target action. Default: 0.2.")
    Double targetNoise;

    @Option(names = "--target-noise-clip", paramLabel = "C",
            description = "TD3: bound on that noise. Default: 0.5.")
    Double targetNoiseClip;

    /**
     * rl-zoo's training length for the environment and algorithm (its {@code n_timesteps}), the
     * default budget.
     *
     * @return environment steps
     */
    static long zooSteps(String environmentId, String algorithm) {
        if (algorithm.equals("sac")) {
            // rl-zoo's sac.yml: Pendulum-v1 20000, MountainCarContinuous-v0 50000
            return environmentId.equals("MountainCarContinuous-v0") ? 50_000 : 20_000;
        }
        if (TrainCommand.ACTOR_CRITIC_ALGORITHMS.contains(algorithm)) {
            // rl-zoo's ddpg.yml and td3.yml
            return environmentId.equals("MountainCarContinuous-v0") ? 300_000 : 20_000;
        }
        return switch (environmentId) {
            case "CartPole-v1" -> 50_000;
            case "Acrobot-v1" -> 100_000;
            case "MountainCar-v0" -> 120_000;
            default -> 100_000;
        };
    }

    /**
     * @param environmentId the environment, for rl-zoo's settings
     * @param algorithm     dqn, double-dqn or dueling-dqn
     * @param gamma         the discount factor if given
     * @return the configuration: rl-zoo's for the environment, then every option given
     * @throws IllegalArgumentException naming a value outside its range, or an actor-critic option
     */
    DqnConfig dqnConfig(String environmentId, String algorithm, Double gamma) {
        String actorCriticOption = threads != null ? "--threads" : noise != null ? "--noise" : policyDelay != null ? "--policy-delay"
                : targetNoise != null ? "--target-noise" : targetNoiseClip != null ? "--target-noise-clip" : null;
        if (actorCriticOption != null) {
            throw new IllegalArgumentException(actorCriticOption + " applies to " + (noise != null || threads != null ? "ddpg and td3" : "td3")
                    + ", not " + algorithm);
        }
        DqnConfig.Builder builder = switch (environmentId) {
            case "CartPole-v1" -> DqnConfig.zooCartPole().toBuilder();
            // rl-zoo's dqn.yml; gradient_steps -1 there means one gradient step per environment step collected.
            case "Acrobot-v1" -> DqnConfig.builder().hiddenLayers(256, 256).learningRate(6.3e-4).batchSize(128)
                    .bufferSize(50_000).learningStarts(0).gamma(0.99).targetUpdateInterval(250).trainFrequency(4)
                    .gradientSteps(4).explorationFraction(0.12).finalEpsilon(0.1);
            case "MountainCar-v0" -> DqnConfig.builder().hiddenLayers(256, 256).learningRate(4e-3).batchSize(128)
                    .bufferSize(10_000).learningStarts(1000).gamma(0.98).targetUpdateInterval(600).trainFrequency(16)
                    .gradientSteps(8).explorationFraction(0.2).finalEpsilon(0.07);
            default -> DqnConfig.builder();
        };
        if (targetUpdateInterval != null) {
            builder.targetUpdateInterval(targetUpdateInterval);
        }
        if (explorationFraction != null) {
            builder.explorationFraction(explorationFraction);
        }
        if (finalEpsilon != null) {
            builder.finalEpsilon(finalEpsilon);
        }
        if (nSteps != null) {
            builder.nSteps(nSteps);
        }
        builder.prioritized(prioritized);
        if (loss != null) {
            builder.loss(switch (loss.toLowerCase(Locale.ROOT)) {
                case "huber" -> DqnConfig.Loss.HUBER;
                case "mse" -> DqnConfig.Loss.MSE;
                default -> throw new IllegalArgumentException("--loss " + loss + " is not allowed; expected huber or mse");
            });
        }
        builder.doubleDqn(!algorithm.equals("dqn")).dueling(algorithm.equals("dueling-dqn"));
        applyShared(new SharedSetters(builder::hiddenLayers, builder::learningRate, builder::bufferSize, builder::batchSize,
                builder::learningStarts, builder::trainFrequency, builder::gradientSteps, builder::tau, builder::gamma), gamma);
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("DQN setting: " + e.getMessage() + hiddenNote());
        }
    }

    /**
     * @param environmentId the environment, for rl-zoo's settings
     * @param algorithm     ddpg or td3
     * @param gamma         the discount factor if given
     * @return the configuration: rl-zoo's for the environment, then every option given
     * @throws IllegalArgumentException naming a value outside its range, a DQN option, or a TD3
     *                                  option given to ddpg
     */
    ActorCriticConfig actorCriticConfig(String environmentId, String algorithm, Double gamma) {
        String dqnOption = targetUpdateInterval != null ? "--target-update-interval"
                : explorationFraction != null ? "--exploration-fraction" : finalEpsilon != null ? "--final-epsilon"
                : nSteps != null ? "--n-steps" : loss != null ? "--loss" : prioritized ? "--prioritized" : null;
        if (dqnOption != null) {
            throw new IllegalArgumentException(dqnOption + " applies to dqn, double-dqn and dueling-dqn, not " + algorithm);
        }
        boolean td3 = algorithm.equals("td3");
        String td3Option = policyDelay != null ? "--policy-delay" : targetNoise != null ? "--target-noise"
                : targetNoiseClip != null ? "--target-noise-clip" : null;
        if (!td3 && td3Option != null) {
            throw new IllegalArgumentException(td3Option + " applies to td3, not " + algorithm
                    + " (DDPG has no policy delay and no target smoothing)");
        }
        ActorCriticConfig.Builder builder = switch (environmentId) {
            case "Pendulum-v1" -> (td3 ? ActorCriticConfig.zooPendulumTd3() : ActorCriticConfig.zooPendulumDdpg()).toBuilder();
            // rl-zoo's ddpg.yml and td3.yml (rl-baselines3-zoo, hyperparams/): MountainCarContinuous-v0 sets only
            // n_timesteps 300000 and noise_type ornstein-uhlenbeck with noise_std 0.5; everything else is SB3's
            // default: learning rate 1e-3, batch 256, buffer 1000000, learning starts 100, tau 0.005, gamma 0.99,
            // train_freq 1, gradient_steps 1, networks 400-300.
            case "MountainCarContinuous-v0" -> (td3 ? ActorCriticConfig.td3() : ActorCriticConfig.ddpg())
                    .noise(NoiseType.ORNSTEIN_UHLENBECK).noiseSigma(0.5);
            default -> td3 ? ActorCriticConfig.td3() : ActorCriticConfig.ddpg();
        };
        if (noise != null) {
            parseNoise(builder);
        }
        if (policyDelay != null) {
            builder.policyDelay(policyDelay);
        }
        if (targetNoise != null) {
            builder.targetPolicyNoise(targetNoise);
        }
        if (targetNoiseClip != null) {
            builder.targetNoiseClip(targetNoiseClip);
        }
        builder.threads(threads != null ? threads : Math.min(2, Runtime.getRuntime().availableProcessors()));
        applyShared(new SharedSetters(builder::hiddenLayers, builder::learningRate, builder::bufferSize, builder::batchSize,
                builder::learningStarts, builder::trainFrequency, builder::gradientSteps, builder::tau, builder::gamma), gamma);
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(algorithm.toUpperCase(Locale.ROOT) + " setting: " + e.getMessage() + hiddenNote());
        }
    }

    /**
     * @param environmentId the environment, for rl-zoo's settings
     * @param gamma         the discount factor if given
     * @return SAC's configuration: rl-zoo's for Pendulum-v1 (learning rate 1e-3), else
     *         Stable-Baselines3's defaults, then every option given
     * @throws IllegalArgumentException naming a value outside its range, or an option SAC does not take
     */
    SacConfig sacConfig(String environmentId, Double gamma) {
        String other = targetUpdateInterval != null ? "--target-update-interval"
                : explorationFraction != null ? "--exploration-fraction" : finalEpsilon != null ? "--final-epsilon"
                : nSteps != null ? "--n-steps" : loss != null ? "--loss" : prioritized ? "--prioritized"
                : noise != null ? "--noise" : policyDelay != null ? "--policy-delay" : targetNoise != null ? "--target-noise"
                : targetNoiseClip != null ? "--target-noise-clip" : threads != null ? "--threads" : null;
        if (other != null) {
            throw new IllegalArgumentException(other + " does not apply to sac (it explores by its stochastic policy, "
                    + "tuned by the entropy coefficient)");
        }
        // rl-zoo's MountainCarContinuous-v0 entry for SAC relies on gSDE, which Bellman does not have: SB3's defaults there.
        SacConfig.Builder builder = environmentId.equals("Pendulum-v1") ? SacConfig.zooPendulum().toBuilder() : SacConfig.builder();
        applyShared(new SharedSetters(builder::hiddenLayers, builder::learningRate, builder::bufferSize, builder::batchSize,
                builder::learningStarts, builder::trainFrequency, builder::gradientSteps, builder::tau, builder::gamma), gamma);
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("SAC setting: " + e.getMessage() + hiddenNote());
        }
    }

    /** The setters of the settings every deep learner's builder has, so that one method applies the options. */
    private record SharedSetters(Consumer<int[]> hiddenLayers, DoubleConsumer learningRate, IntConsumer bufferSize,
                                 IntConsumer batchSize, IntConsumer learningStarts, IntConsumer trainFrequency,
                                 IntConsumer gradientSteps, DoubleConsumer tau, DoubleConsumer gamma) {
    }

    /** The most weights {@code --hidden} may ask for between hidden layers (16 bytes each with gradients and Adam). */
    static final long MAX_HIDDEN_WEIGHTS = 20_000_000;

    /** Applies every shared option that was given. */
    private void applyShared(SharedSetters set, Double gamma) {
        if (hidden != null) {
            long weights = 0;
            for (int i = 0; i + 1 < hidden.length; i++) {
                weights += (long) hidden[i] * hidden[i + 1];
            }
            for (int width : hidden) {
                weights += width;
            }
            if (weights > MAX_HIDDEN_WEIGHTS) {
                throw new IllegalArgumentException("--hidden " + Arrays.toString(hidden).replaceAll("[\\[\\] ]", "")
                        + " asks for " + weights + " weights; at most " + MAX_HIDDEN_WEIGHTS + " are allowed");
            }
            set.hiddenLayers().accept(hidden);
        }
        if (learningRate != null) {
            set.learningRate().accept(learningRate);
        }
        if (bufferSize != null) {
            set.bufferSize().accept(bufferSize);
        }
        if (batchSize != null) {
            set.batchSize().accept(batchSize);
        }
        if (learningStarts != null) {
            set.learningStarts().accept(learningStarts);
        }
        if (trainFrequency != null) {
            set.trainFrequency().accept(trainFrequency);
        }
        if (gradientSteps != null) {
            set.gradientSteps().accept(gradientSteps);
        }
        if (tau != null) {
            set.tau().accept(tau);
        }
        if (gamma != null) {
            set.gamma().accept(gamma);
        }
    }

    /** @return the noise the configuration describes, as {@code --noise} spells it */
    static String noiseText(ActorCriticConfig config) {
        return switch (config.noise()) {
            case NONE -> "none";
            case GAUSSIAN -> "gaussian:" + config.noiseSigma();
            case ORNSTEIN_UHLENBECK -> "ou:" + config.noiseSigma();
        };
    }

    private void parseNoise(ActorCriticConfig.Builder builder) {
        String spec = noise.toLowerCase(Locale.ROOT).strip();
        if (spec.equals("none")) {
            builder.noise(NoiseType.NONE);
            return;
        }
        int colon = spec.indexOf(':');
        NoiseType type = colon < 0 ? null : switch (spec.substring(0, colon)) {
            case "gaussian" -> NoiseType.GAUSSIAN;
            case "ou" -> NoiseType.ORNSTEIN_UHLENBECK;
            default -> null;
        };
        if (type == null) {
            throw new IllegalArgumentException("--noise " + noise + " is not allowed; expected gaussian:SIGMA, ou:SIGMA or none");
        }
        double sigma;
        try {
            sigma = Double.parseDouble(spec.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--noise " + noise + ": sigma '" + spec.substring(colon + 1) + "' is not a number");
        }
        if (!(sigma >= 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("--noise " + noise + ": sigma " + sigma + " must be a finite number >= 0");
        }
        builder.noise(type).noiseSigma(sigma);
    }

    private String hiddenNote() {
        return hidden == null ? "" : " (--hidden " + Arrays.toString(hidden) + ")";
    }
}
