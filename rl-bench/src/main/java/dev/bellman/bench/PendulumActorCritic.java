package dev.bellman.bench;

import dev.bellman.core.Budget;
import dev.bellman.core.Evaluation;
import dev.bellman.core.Learner;
import dev.bellman.core.TrainingReport;
import dev.bellman.deep.ac.ActorCriticConfig;
import dev.bellman.deep.ac.Ddpg;
import dev.bellman.deep.ac.DeterministicActorCritic;
import dev.bellman.deep.ac.Sac;
import dev.bellman.deep.ac.SacConfig;
import dev.bellman.deep.ac.Td3;
import dev.bellman.env.classic.Environments;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whole DDPG, TD3 and SAC training runs on Pendulum-v1 with rl-zoo's hyper-parameters
 * ({@link ActorCriticConfig#zooPendulumDdpg()}, {@link ActorCriticConfig#zooPendulumTd3()},
 * {@link SacConfig#zooPendulum()}: 20 000 steps; DDPG and TD3 take 10 000 random steps first, then
 * one gradient step of batch 256 on 400-300 networks per step; SAC learns from step 100 on 256-256
 * networks), one per seed, each followed by 10 greedy evaluation episodes: the speed of the
 * whole run in environment steps per second and the greedy mean return (the bar: ≥ −200).
 *
 * <p>The speed bar: Stable-Baselines3 2.x with PyTorch, measured with the DDPG settings on the same
 * kind of machine outside this project, trained at about {@value #SB3_STEPS_PER_SECOND} steps/s on
 * one thread. Bellman aims for twice its throughput.
 *
 * <p>Run: {@code java -cp rl-bench/target/benchmarks.jar dev.bellman.bench.PendulumActorCritic
 * [algorithms] [seeds] [steps] [threads]}, defaults {@code ddpg,td3 5 20000 2} (about 12 minutes);
 * {@code threads} is {@link ActorCriticConfig#threads()}, which changes the speed but not the numbers.
 */
public final class PendulumActorCritic {

    /** Stable-Baselines3's DDPG throughput on Pendulum-v1 with rl-zoo's settings, measured outside the project. */
    public static final double SB3_STEPS_PER_SECOND = 164;

    private PendulumActorCritic() {
    }

    /**
     * @param args optional: comma-separated algorithms (ddpg, td3, sac), number of seeds, steps per run,
     *             threads per run
     */
    public static void main(String[] args) {
        String[] algorithms = (args.length > 0 ? args[0] : "ddpg,td3").split(",");
        int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        long steps = args.length > 2 ? Long.parseLong(args[2]) : 20_000;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        System.out.printf(Locale.ROOT, "%nMachine: %d cores, %s, Java %s%n", Runtime.getRuntime().availableProcessors(),
                SweepComparison.cpuModel(), System.getProperty("java.version"));
        for (String algorithm : algorithms) {
            System.out.printf(Locale.ROOT, "%n%s on Pendulum-v1, rl-zoo settings, %d steps per run, threads %d%n%n",
                    algorithm.toUpperCase(Locale.ROOT), steps, threads);
            System.out.println("| seed | steps/s (whole run) | gradient steps | greedy mean over 10 episodes |");
            System.out.println("|---:|---:|---:|---:|");
            List<Double> rates = new ArrayList<>();
            int reached = 0;
            for (int seed = 0; seed < seeds; seed++) {
                Run run = Run.of(algorithm, steps, seed, threads);
                rates.add(run.stepsPerSecond());
                reached += run.greedyMean() >= -200 ? 1 : 0;
                System.out.printf(Locale.ROOT, "| %d | %.0f | %d | %.1f |%n", seed, run.stepsPerSecond(), run.gradientSteps(),
                        run.greedyMean());
            }
            rates.sort(Double::compare);
            double median = rates.get(rates.size() / 2);
            System.out.printf(Locale.ROOT, "%nMedian %.0f steps/s; Stable-Baselines3 DDPG %.0f steps/s: %.2f×. "
                    + "Greedy mean ≥ −200 in %d of %d seeds.%n", median, SB3_STEPS_PER_SECOND, median / SB3_STEPS_PER_SECOND,
                    reached, seeds);
        }
    }

    /**
     * One seed's training run and its greedy evaluation.
     *
     * @param stepsPerSecond environment steps of the whole run over its wall time
     * @param gradientSteps  the critic updates taken
     * @param greedyMean     the deterministic policy's mean return over 10 episodes reset with seeds 1 000 000 + seed + i
     */
    record Run(double stepsPerSecond, long gradientSteps, double greedyMean) {

        /** Trains {@code steps} steps of {@code algorithm} (ddpg, td3 or sac) with rl-zoo's settings, then evaluates. */
        static Run of(String algorithm, long steps, long seed, int threads) {
            Learner<double[], double[]> learner = switch (algorithm) {
                case "ddpg" -> new Ddpg(ActorCriticConfig.zooPendulumDdpg().toBuilder().threads(threads).build(), seed);
                case "td3" -> new Td3(ActorCriticConfig.zooPendulumTd3().toBuilder().threads(threads).build(), seed);
                // SAC runs on one thread whatever the argument.
                case "sac" -> new Sac(SacConfig.zooPendulum(), seed);
                default -> throw new IllegalArgumentException("algorithm " + algorithm + " is not ddpg, td3 or sac");
            };
            TrainingReport report = learner.train(Environments.make("Pendulum-v1", double[].class), Budget.steps(steps));
            double rate = report.totalSteps() / (report.wallTime().toNanos() / 1e9);
            double greedy = Evaluation.run(Environments.make("Pendulum-v1", double[].class), learner.policy(), 10,
                    1_000_000L + seed, 1_000_000).meanReturn();
            long gradientSteps = learner instanceof DeterministicActorCritic deterministic ? deterministic.gradientSteps()
                    : ((Sac) learner).gradientSteps();
            return new Run(rate, gradientSteps, greedy);
        }
    }
}
