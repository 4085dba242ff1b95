package dev.bellman.bench;

import dev.bellman.deep.dqn.DqnConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Bellman's double DQN on CartPole-v1 with the settings RL4J 1.0.0-beta7 publishes for its own
 * CartPole, the Bellman half of the side-by-side run whose RL4J half is the standalone project
 * {@code rl-bench/rl4j} ({@code dev.bellman.bench.rl4j.Rl4jCartPole}). One whole training run per
 * seed, each followed by 100 greedy evaluation episodes: the speed of the run in environment steps
 * per second, and the greedy policy's mean return.
 *
 * <p>RL4J's settings mapped (RL4J's name in parentheses): network 64-64 ({@code numHiddenNodes 64,
 * numLayers 2}); Adam 5e-4 ({@code updater}); replay 10 000 ({@code expRepMaxSize}); batch 64;
 * hard target copy every 50 steps ({@code targetDqnUpdateFreq}); γ 0.99; one gradient step per
 * environment step, as RL4J's {@code QLearningDiscrete.trainStep} does; learning from step 65
 * (RL4J learns once {@code stepCount > updateStart + batchSize + 1} with {@code updateStart 0});
 * ε falling from 1 to 0.1 at 1/3000 per step ({@code minEpsilon 0.1, epsilonNbStep 3000}), which
 * reaches 0.1 after 2 700 steps; no gradient clipping ({@code errorClamp} unbounded); reward as it
 * is ({@code rewardFactor 1}); squared-error loss, as RL4J's. What cannot be mapped: Bellman has no
 * L2 penalty where RL4J adds 1e-3.
 *
 * <p>Run: {@code java -cp rl-bench/target/benchmarks.jar dev.bellman.bench.DqnCartPoleRl4jSettings [seeds] [steps]}
 * (default 3 seeds, 50 000 steps).
 */
public final class DqnCartPoleRl4jSettings {

    /** RL4J's ε schedule: ε = max(0.1, 1 − step / 3000). */
    static final int RL4J_EPSILON_STEPS = 3000;
    static final double RL4J_MIN_EPSILON = 0.1;
    /** RL4J starts learning once its step count exceeds updateStart (0) + batchSize (64) + 1. */
    static final int RL4J_LEARNING_STARTS = 65;

    private DqnCartPoleRl4jSettings() {
    }

    /**
     * @param steps the planned run length, which Bellman's ε schedule is a fraction of
     * @return RL4J's CartPole settings in Bellman's terms
     */
    static DqnConfig rl4jCartPole(long steps) {
        double epsilonFallSteps = RL4J_EPSILON_STEPS * (1 - RL4J_MIN_EPSILON);
        return DqnConfig.builder()
                .hiddenLayers(64, 64)
                .learningRate(5e-4)
                .bufferSize(10_000)
                .batchSize(64)
                .targetUpdateInterval(50)
                .tau(1.0)
                .gamma(0.99)
                .trainFrequency(1)
                .gradientSteps(1)
                .learningStarts(RL4J_LEARNING_STARTS)
                .initialEpsilon(1.0)
                .finalEpsilon(RL4J_MIN_EPSILON)
                .explorationFraction(Math.min(1.0, epsilonFallSteps / steps))
                .maxGradientNorm(Double.POSITIVE_INFINITY)
                .doubleDqn(true)
                .loss(DqnConfig.Loss.MSE)
                .build();
    }

    /**
     * @param args optional: number of seeds (default 3), steps per run (default 50 000)
     */
    public static void main(String[] args) {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        long steps = args.length > 1 ? Long.parseLong(args[1]) : 50_000;
        DqnConfig config = rl4jCartPole(steps);
        System.out.printf(Locale.ROOT, "%nMachine: %d cores, %s, Java %s%n%n", Runtime.getRuntime().availableProcessors(),
                SweepComparison.cpuModel(), System.getProperty("java.version"));
        System.out.printf(Locale.ROOT, "Double DQN on CartPole-v1, RL4J's CartPole settings, %d steps per run%n", steps);
        System.out.printf(Locale.ROOT, "Network 4-64-64-2, squared-error loss, Adam %.1e; replay %d, batch %d, target copy every %d steps, "
                        + "learning starts %d, %d gradient step every %d step, gamma %.2f, no gradient clipping, "
                        + "epsilon 1 -> %.1f over the first %.1f%% of the run%n%n",
                config.learningRate(), config.bufferSize(), config.batchSize(), config.targetUpdateInterval(),
                config.learningStarts(), config.gradientSteps(), config.trainFrequency(), config.gamma(),
                config.finalEpsilon(), 100 * config.explorationFraction());
        System.out.println("| seed | steps/s (whole run) | gradient steps | greedy mean over 100 episodes |\n|---:|---:|---:|---:|");
        List<Double> rates = new ArrayList<>();
        for (int seed = 0; seed < seeds; seed++) {
            DqnCartPole.Run run = DqnCartPole.Run.of(config, steps, seed);
            rates.add(run.stepsPerSecond());
            System.out.print(run.row(seed));
        }
        rates.sort(Double::compare);
        System.out.printf(Locale.ROOT, "%nMedian %.0f steps/s%n", rates.get(rates.size() / 2));
    }
}
