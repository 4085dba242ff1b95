package dev.bellman.bench.rl4j;

import org.deeplearning4j.rl4j.learning.configuration.QLearningConfiguration;
import org.deeplearning4j.rl4j.learning.sync.qlearning.discrete.QLearningDiscreteDense;
import org.deeplearning4j.rl4j.mdp.CartpoleNative;
import org.deeplearning4j.rl4j.network.configuration.DQNDenseNetworkConfiguration;
import org.deeplearning4j.rl4j.network.dqn.DQNFactoryStdDense;
import org.deeplearning4j.rl4j.policy.DQNPolicy;
import org.deeplearning4j.rl4j.space.Box;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * RL4J 1.0.0-beta7's double DQN on RL4J's own CartPole ({@link CartpoleNative}), one whole training
 * run per seed, each followed by 100 greedy evaluation episodes: the speed of the training run in
 * environment steps per second, and the greedy policy's mean return. The Bellman side with the same
 * settings is {@code dev.bellman.bench.DqnCartPoleRl4jSettings} in rl-bench.
 *
 * <p>Settings: the ones RL4J publishes with its CartPole (the Javadoc of {@code CartpoleNative}: "it
 * should hit max score (200) after 4000-5000 iterations"), with three changes: the network is
 * 4-64-64-2 instead of 4-16-16-16-2, episodes are cut at 500 steps (CartPole-v1) instead of 200,
 * and the run is {@code steps} long instead of 10 000.
 *
 * <p>Run from {@code rl-bench/rl4j}: {@code mvn -B -q compile exec:java -Dexec.args="[seeds] [steps]"}
 * (default 3 seeds, 50 000 steps; about 7 minutes per seed at RL4J's speed).
 */
public final class Rl4jCartPole {

    /** CartPole-v1's time limit; RL4J's CartpoleNative has none of its own. */
    static final int MAX_EPISODE_STEPS = 500;
    static final int EVALUATION_EPISODES = 100;

    // RL4J's CartPole settings (CartpoleNative's Javadoc), except where noted.
    static final int HIDDEN_NODES = 64;             // RL4J: 16 (changed to match Bellman's 64-64)
    static final int HIDDEN_LAYERS = 2;             // RL4J: 3
    static final double LEARNING_RATE = 5e-4;       // Adam
    static final double L2 = 1e-3;
    static final int REPLAY_SIZE = 10_000;
    static final int BATCH_SIZE = 64;
    static final int TARGET_UPDATE_FREQUENCY = 50;  // hard copy, environment steps
    static final int UPDATE_START = 0;              // RL4J learns once stepCount > updateStart + batchSize + 1
    static final double REWARD_FACTOR = 1.0;
    static final double GAMMA = 0.99;
    static final double ERROR_CLAMP = Double.MAX_VALUE; // no TD-error clipping
    static final double MIN_EPSILON = 0.1;
    static final int EPSILON_STEPS = 3000;          // ε = max(0.1, 1 - step / 3000)

    private Rl4jCartPole() {
    }

    /**
     * @param args optional: number of seeds (default 3), steps per run (default 50 000)
     */
    public static void main(String[] args) {
        // RL4J logs every episode and DL4J's score listener every 50 updates at INFO.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;

        System.out.printf(Locale.ROOT, "%nMachine: %d cores, %s, Java %s, ND4J backend %s%n",
                Runtime.getRuntime().availableProcessors(), cpuModel(), System.getProperty("java.version"),
                Nd4j.getBackend().getClass().getSimpleName());
        System.out.printf(Locale.ROOT, "RL4J 1.0.0-beta7 double DQN on RL4J's CartpoleNative, %d steps per run%n", steps);
        System.out.printf(Locale.ROOT, "Network 4-%d-%d-2 ReLU, MSE loss, Adam %.1e, L2 %.0e; replay %d, batch %d, "
                        + "target copy every %d steps, updateStart %d, reward factor %.1f, gamma %.2f, "
                        + "no TD-error clamp, epsilon 1 -> %.1f over %d steps, episodes cut at %d steps%n%n",
                HIDDEN_NODES, HIDDEN_NODES, LEARNING_RATE, L2, REPLAY_SIZE, BATCH_SIZE, TARGET_UPDATE_FREQUENCY,
                UPDATE_START, REWARD_FACTOR, GAMMA, MIN_EPSILON, EPSILON_STEPS, MAX_EPISODE_STEPS);
        System.out.println("| seed | steps/s (whole run) | greedy mean over 100 episodes |\n|---:|---:|---:|");

        List<Double> rates = new ArrayList<>();
        for (int seed = 0; seed < seeds; seed++) {
            QLearningConfiguration learning = QLearningConfiguration.builder()
                    .seed((long) seed)
                    .maxEpochStep(MAX_EPISODE_STEPS)
                    .maxStep(steps)
                    .expRepMaxSize(REPLAY_SIZE)
                    .batchSize(BATCH_SIZE)
                    .targetDqnUpdateFreq(TARGET_UPDATE_FREQUENCY)
                    .updateStart(UPDATE_START)
                    .rewardFactor(REWARD_FACTOR)
                    .gamma(GAMMA)
                    .errorClamp(ERROR_CLAMP)
                    .minEpsilon(MIN_EPSILON)
                    .epsilonNbStep(EPSILON_STEPS)
                    .doubleDQN(true)
                    .build();
            DQNDenseNetworkConfiguration network = DQNDenseNetworkConfiguration.builder()
                    .l2(L2)
                    .updater(new Adam(LEARNING_RATE))
                    .numHiddenNodes(HIDDEN_NODES)
                    .numLayers(HIDDEN_LAYERS)
                    .build();
            CartpoleNative mdp = new CartpoleNative(seed);
            QLearningDiscreteDense<Box> dqn = new QLearningDiscreteDense<>(mdp, new DQNFactoryStdDense(network), learning);

            long start = System.nanoTime();
            dqn.train();
            double seconds = (System.nanoTime() - start) / 1e9;
            double rate = dqn.getStepCount() / seconds;
            rates.add(rate);

            double greedy = evaluate(dqn.getPolicy(), new CartpoleNative(1_000_000 + seed));
            System.out.printf(Locale.ROOT, "| %d | %.0f | %.1f |%n", seed, rate, greedy);
        }
        rates.sort(Double::compare);
        System.out.printf(Locale.ROOT, "%nMedian %.0f steps/s%n", rates.get(rates.size() / 2));
    }

    /**
     * The greedy policy's mean undiscounted return over {@value #EVALUATION_EPISODES} episodes, each
     * cut at {@value #MAX_EPISODE_STEPS} steps. RL4J's own {@code Policy.play} has no step limit, so
     * a policy that balances the pole would never return from it.
     */
    static double evaluate(DQNPolicy<Box> policy, CartpoleNative mdp) {
        double total = 0;
        for (int episode = 0; episode < EVALUATION_EPISODES; episode++) {
            Box observation = mdp.reset();
            for (int t = 0; t < MAX_EPISODE_STEPS && !mdp.isDone(); t++) {
                int action = policy.nextAction(Nd4j.create(new double[][] {observation.toArray()}));
                var reply = mdp.step(action);
                total += reply.getReward();
                observation = reply.getObservation();
            }
        }
        return total / EVALUATION_EPISODES;
    }

    private static String cpuModel() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // fall through
        }
        return System.getProperty("os.arch");
    }
}
