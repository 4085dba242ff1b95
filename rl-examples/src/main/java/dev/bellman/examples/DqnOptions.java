package dev.bellman.examples;

import dev.bellman.deep.dqn.DqnConfig;
import picocli.CommandLine.Option;

import java.util.Arrays;
import java.util.Locale;

/**
 * The options of {@code bellman train --algo dqn|double-dqn|dueling-dqn}. Unset options take
 * rl-zoo's published values for the environment (CartPole-v1, Acrobot-v1, MountainCar-v0), else
 * Stable-Baselines3's defaults.
 */
final class DqnOptions {

    @Option(names = "--hidden", paramLabel = "W,W,...", split = ",",
            description = "DQN: hidden layer widths. Default: rl-zoo's (256,256), else 64,64.")
    int[] hidden;

    @Option(names = "--learning-rate", paramLabel = "LR", description = "DQN: Adam's step size.")
    Double learningRate;

    @Option(names = "--buffer-size", paramLabel = "N", description = "DQN: replay capacity in transitions.")
    Integer bufferSize;

    @Option(names = "--batch-size", paramLabel = "N", description = "DQN: transitions per gradient step.")
    Integer batchSize;

    @Option(names = "--learning-starts", paramLabel = "N", description = "DQN: random-action steps before learning.")
    Integer learningStarts;

    @Option(names = "--train-frequency", paramLabel = "N", description = "DQN: environment steps between training phases.")
    Integer trainFrequency;

    @Option(names = "--gradient-steps", paramLabel = "N", description = "DQN: gradient steps per training phase.")
    Integer gradientSteps;

    @Option(names = "--target-update-interval", paramLabel = "N", description = "DQN: environment steps between target updates.")
    Integer targetUpdateInterval;

    @Option(names = "--tau", paramLabel = "T", description = "DQN: target Polyak coefficient in (0, 1]; 1 copies.")
    Double tau;

    @Option(names = "--exploration-fraction", paramLabel = "F", description = "DQN: fraction of the run over which epsilon falls.")
    Double explorationFraction;

    @Option(names = "--final-epsilon", paramLabel = "E", description = "DQN: epsilon after the fall.")
    Double finalEpsilon;

    @Option(names = "--n-steps", paramLabel = "N", description = "DQN: n of the n-step returns. Default: 1.")
    Integer nSteps;

    @Option(names = "--loss", paramLabel = "huber|mse",
            description = "DQN: the TD-error loss, huber (SB3's smooth L1, default) or mse (RL4J's).")
    String loss;

    @Option(names = "--prioritized", description = "DQN: prioritized replay (Schaul et al. 2016, alpha 0.6, beta 0.4 -> 1).")
    boolean prioritized;

    /**
     * rl-zoo's training length for the environment (its {@code n_timesteps}), the default budget.
     *
     * @return environment steps
     */
    static long zooSteps(String environmentId) {
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
     * @throws IllegalArgumentException naming a value outside its range
     */
    DqnConfig config(String environmentId, String algorithm, Double gamma) {
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
        if (hidden != null) {
            builder.hiddenLayers(hidden);
        }
        if (learningRate != null) {
            builder.learningRate(learningRate);
        }
        if (bufferSize != null) {
            builder.bufferSize(bufferSize);
        }
        if (batchSize != null) {
            builder.batchSize(batchSize);
        }
        if (learningStarts != null) {
            builder.learningStarts(learningStarts);
        }
        if (trainFrequency != null) {
            builder.trainFrequency(trainFrequency);
        }
        if (gradientSteps != null) {
            builder.gradientSteps(gradientSteps);
        }
        if (targetUpdateInterval != null) {
            builder.targetUpdateInterval(targetUpdateInterval);
        }
        if (tau != null) {
            builder.tau(tau);
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
        if (gamma != null) {
            builder.gamma(gamma);
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
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("DQN setting: " + e.getMessage() + (hidden == null ? ""
                    : " (--hidden " + Arrays.toString(hidden) + ")"));
        }
    }
}
