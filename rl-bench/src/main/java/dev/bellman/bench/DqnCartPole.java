package dev.bellman.bench;

import dev.bellman.core.Budget;
import dev.bellman.core.Evaluation;
import dev.bellman.core.TrainingReport;
import dev.bellman.deep.dqn.Dqn;
import dev.bellman.deep.dqn.DqnConfig;
import dev.bellman.env.classic.Environments;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whole DQN training runs on CartPole-v1 with rl-zoo's hyper-parameters ({@link DqnConfig#zooCartPole()},
 * 50 000 steps), one per seed, each followed by 100 greedy evaluation episodes: the speed of the
 * whole run in environment steps per second, and whether the task is solved (mean ≥ 475).
 *
 * <p>The bar: Stable-Baselines3 2.x with PyTorch, measured with these settings on the same kind of
 * machine outside this project, trained at about {@value #SB3_STEPS_PER_SECOND} steps/s on one
 * thread and reached 500 in 3 of 3 seeds. Bellman aims for twice its throughput.
 *
 * <p>Run: {@code java -cp rl-bench/target/benchmarks.jar dev.bellman.bench.DqnCartPole [N|FIRST-LAST] [steps]}
 * (default seeds 0–4, 50 000 steps; about 2 minutes); add {@code double} as a third argument for double DQN.
 */
public final class DqnCartPole {

    /** Stable-Baselines3's DQN throughput on CartPole-v1 with rl-zoo's settings, measured outside the project. */
    public static final double SB3_STEPS_PER_SECOND = 1020;

    private DqnCartPole() {
    }

    /**
     * @param args optional: the seeds, as a count N (seeds 0 to N − 1) or a range FIRST-LAST; steps
     *             per run; "double" for double DQN
     * @throws IllegalArgumentException if the seeds are neither a positive count nor a range FIRST-LAST with FIRST ≤ LAST
     */
    public static void main(String[] args) {
        long[] range = args.length > 0 ? seedRange(args[0]) : new long[] {0, 4};
        int seeds = Math.toIntExact(range[1] - range[0] + 1);
        long steps = args.length > 1 ? Long.parseLong(args[1]) : 50_000;
        boolean doubleDqn = args.length > 2 && args[2].equals("double");
        DqnConfig config = DqnConfig.zooCartPole().toBuilder().doubleDqn(doubleDqn).build();
        List<Double> rates = new ArrayList<>();
        int solved = 0;
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%nMachine: %d cores, %s, Java %s%n%n", Runtime.getRuntime().availableProcessors(),
                SweepComparison.cpuModel(), System.getProperty("java.version")));
        table.append(String.format(Locale.ROOT, "%s on CartPole-v1, rl-zoo settings, %d steps per run%n%n",
                doubleDqn ? "Double DQN" : "DQN", steps));
        table.append("| seed | steps/s (whole run) | gradient steps | greedy mean over 100 episodes |\n|---:|---:|---:|---:|\n");
        for (long seed = range[0]; seed <= range[1]; seed++) {
            Run run = Run.of(config, steps, seed);
            rates.add(run.stepsPerSecond());
            solved += run.greedyMean() >= 475 ? 1 : 0;
            table.append(run.row(seed));
            System.out.print(table);
            table.setLength(0);
        }
        rates.sort(Double::compare);
        double median = rates.get(rates.size() / 2);
        System.out.printf(Locale.ROOT, "%nMedian %.0f steps/s; Stable-Baselines3 %.0f steps/s: %.1f×. Solved (≥ 475) in %d of %d seeds.%n",
                median, SB3_STEPS_PER_SECOND, median / SB3_STEPS_PER_SECOND, solved, seeds);
    }

    /** @return {first, last} of "N" (0 to N − 1) or "FIRST-LAST" */
    static long[] seedRange(String text) {
        int dash = text.indexOf('-', 1);
        long first = dash < 0 ? 0 : Long.parseLong(text.substring(0, dash));
        long last = dash < 0 ? Long.parseLong(text) - 1 : Long.parseLong(text.substring(dash + 1));
        if (last < first || first < 0) {
            throw new IllegalArgumentException("seeds \"" + text + "\" must be a positive count N or a range FIRST-LAST with "
                    + "0 ≤ FIRST ≤ LAST");
        }
        return new long[] {first, last};
    }

    /**
     * One seed's training run on CartPole-v1 and its greedy evaluation.
     *
     * @param stepsPerSecond environment steps of the whole run over its wall time
     * @param gradientSteps  the gradient steps taken
     * @param greedyMean     the greedy policy's mean return over 100 episodes reset with seeds 1 000 000 + seed + i
     */
    record Run(double stepsPerSecond, long gradientSteps, double greedyMean) {

        /** Trains {@code steps} steps with {@code config} and {@code seed}, then evaluates. */
        static Run of(DqnConfig config, long steps, long seed) {
            Dqn dqn = new Dqn(config, steps, seed);
            TrainingReport report = dqn.train(Environments.make("CartPole-v1", Integer.class), Budget.steps(steps));
            double rate = report.totalSteps() / (report.wallTime().toNanos() / 1e9);
            double greedy = Evaluation.run(Environments.make("CartPole-v1", Integer.class), dqn.policy(), 100,
                    1_000_000L + seed, 1_000_000).meanReturn();
            return new Run(rate, dqn.gradientSteps(), greedy);
        }

        /** @return the run's row of the markdown table both CartPole benchmarks print */
        String row(long seed) {
            return String.format(Locale.ROOT, "| %d | %.0f | %d | %.1f |%n", seed, stepsPerSecond, gradientSteps, greedyMean);
        }
    }
}
