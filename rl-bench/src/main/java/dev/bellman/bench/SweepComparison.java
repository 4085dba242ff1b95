package dev.bellman.bench;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs {@link ValueIterationSweep} for both libraries in one go and prints the comparison as a
 * Markdown table: median state-action backups per second of each, their ratio, and whether the
 * targets are met (Bellman at least {@value #TARGET_RATIO}× BURLAP at every size, and at least
 * {@value #TARGET_BACKUPS_PER_SECOND} backups per second on the largest world).
 *
 * <p>Bellman gets 3 warm-up and 5 measured one-second iterations per size. BURLAP, whose sweep of
 * the million-state world takes many seconds, gets 2 warm-up and 3 measured iterations (each at
 * least one sweep) after the sweep its setup already ran; a size it cannot set up within the budget
 * of {@link ValueIterationSweep} is reported as "did not finish".
 *
 * <p>Usage: {@code java -cp rl-bench/target/benchmarks.jar dev.bellman.bench.SweepComparison [n ...]}
 * (sizes default to 100 300 1000). Set {@code -Dbellman.bench.burlapBudgetSeconds=S} on this
 * command to change BURLAP's budget.
 */
public final class SweepComparison {

    /** The speed-up over BURLAP that Bellman aims for. */
    public static final double TARGET_RATIO = 100;
    /** The one-core throughput Bellman aims for on the largest world. */
    public static final double TARGET_BACKUPS_PER_SECOND = 1e8;

    private SweepComparison() {
    }

    /**
     * @param args the grid sizes to run; none for 100, 300 and 1000
     * @throws RunnerException if JMH cannot run
     */
    public static void main(String[] args) throws RunnerException {
        String[] sizes = args.length > 0 ? args : new String[] {"100", "300", "1000"};
        int budget = Integer.getInteger(ValueIterationSweep.BUDGET_PROPERTY,
                ValueIterationSweep.DEFAULT_BUDGET_SECONDS);
        Map<Integer, Double> bellman = medianBackups(run("bellman", sizes, 3, 5, budget));
        Map<Integer, Double> burlap = medianBackups(run("burlap", sizes, 2, 3, budget));

        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%nMachine: %d cores, %s, Java %s (%s)%n%n",
                Runtime.getRuntime().availableProcessors(), cpuModel(), System.getProperty("java.version"),
                System.getProperty("java.vm.name")));
        table.append("| n | states × actions | Bellman backups/s | BURLAP backups/s | ratio |\n");
        table.append("|---:|---:|---:|---:|---:|\n");
        boolean ratioMet = true;
        int ratios = 0;
        for (String size : sizes) {
            int n = Integer.parseInt(size);
            Double ours = bellman.get(n);
            Double theirs = burlap.get(n);
            String ratio = "—";
            if (ours != null && theirs != null) {
                ratio = String.format(Locale.ROOT, "%.0f×", ours / theirs);
                ratioMet &= ours / theirs >= TARGET_RATIO;
                ratios++;
            }
            table.append(String.format(Locale.ROOT, "| %d | %,d | %s | %s | %s |%n", n, 5L * n * n,
                    rate(ours), theirs == null ? "did not finish" : rate(theirs), ratio));
        }
        int largest = Integer.parseInt(sizes[sizes.length - 1]);
        Double atLargest = bellman.get(largest);
        table.append(String.format(Locale.ROOT, "%nTarget Bellman >= %.0f× BURLAP (where BURLAP finished): %s%n",
                TARGET_RATIO, ratios == 0 ? "not measured" : ratioMet ? "met" : "NOT met"));
        table.append(String.format(Locale.ROOT, "Target Bellman >= %.0e backups/s at n = %d: %s%n",
                TARGET_BACKUPS_PER_SECOND, largest,
                atLargest != null && atLargest >= TARGET_BACKUPS_PER_SECOND ? "met" : "NOT met"));
        System.out.print(table);
    }

    private static Collection<RunResult> run(String library, String[] sizes, int warmups, int measurements,
                                             int budget) throws RunnerException {
        Options options = new OptionsBuilder()
                .include(ValueIterationSweep.class.getName() + "\\." + library + "$")
                .param("n", sizes)
                .forks(1)
                .warmupIterations(warmups)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(measurements)
                .measurementTime(TimeValue.seconds(1))
                .jvmArgsAppend(ValueIterationSweep.HEAP_MIN, ValueIterationSweep.HEAP_MAX,
                        ValueIterationSweep.PRE_TOUCH, "-D" + ValueIterationSweep.BUDGET_PROPERTY + "=" + budget)
                .shouldFailOnError(false)
                .build();
        return new Runner(options).run();
    }

    /** The median over measured iterations of the {@code backups} rate, by grid size. */
    private static Map<Integer, Double> medianBackups(Collection<RunResult> results) {
        Map<Integer, Double> medians = new TreeMap<>();
        for (RunResult result : results) {
            Result<?> backups = result.getSecondaryResults().get("backups");
            if (backups != null) {
                int n = Integer.parseInt(result.getParams().getParam("n"));
                medians.put(n, backups.getStatistics().getPercentile(50));
            }
        }
        return medians;
    }

    private static String rate(Double backupsPerSecond) {
        if (backupsPerSecond == null) {
            return "failed";
        }
        return String.format(Locale.ROOT, "%.3g", backupsPerSecond);
    }

    /** @return the CPU model named in {@code /proc/cpuinfo}, or the architecture if there is none */
    static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException | RuntimeException e) {
            return System.getProperty("os.arch");
        }
        return System.getProperty("os.arch");
    }
}
