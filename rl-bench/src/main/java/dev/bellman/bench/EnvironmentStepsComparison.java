package dev.bellman.bench;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the four {@link EnvironmentSteps} benchmarks for every classic-control environment, with
 * JMH's allocation profiler, and prints two Markdown tables: environment steps per second raw,
 * registered ({@code TimeLimit}), in a synchronous vector of {@value EnvironmentSteps#VECTOR_SIZE}
 * and in a parallel vector of {@value EnvironmentSteps#VECTOR_SIZE} on
 * {@value EnvironmentSteps#PARALLEL_THREADS} threads; then the bytes allocated per environment step
 * in each configuration. It ends with whether CartPole reaches {@value #CARTPOLE_TARGET} steps/s raw.
 *
 * <p>Every environment and configuration runs in {@value #DEFAULT_FORKS} forked JVMs (set
 * {@code -Dbellman.bench.forks=n} for another number), each with {@value #WARMUP_ITERATIONS}
 * warm-up iterations of {@value #WARMUP_MILLIS} ms and {@value #MEASUREMENT_ITERATIONS} measured
 * iterations of one second. A figure is the median over the forks of each fork's median iteration;
 * the range after it is the lowest and highest fork median. Five environments, four configurations
 * and three forks take about seven minutes on a 2-core machine ({@code -Dbellman.bench.forks=1}: under three).
 *
 * <p>Usage: {@code java -cp rl-bench/target/benchmarks.jar dev.bellman.bench.EnvironmentStepsComparison [id ...]}
 * (registered ids, default all five: {@code CartPole-v1 MountainCar-v0 MountainCarContinuous-v0
 * Pendulum-v1 Acrobot-v1}).
 */
public final class EnvironmentStepsComparison {

    /** The raw CartPole rate the issue asks for, in steps per second. */
    public static final double CARTPOLE_TARGET = 2e7;
    /** Forked JVMs per environment and configuration unless {@code bellman.bench.forks} says otherwise. */
    public static final int DEFAULT_FORKS = 3;
    /** Warm-up iterations per fork. */
    public static final int WARMUP_ITERATIONS = 2;
    /** Length of a warm-up iteration, in milliseconds. */
    public static final int WARMUP_MILLIS = 500;
    /** Measured one-second iterations per fork. */
    public static final int MEASUREMENT_ITERATIONS = 3;

    private static final List<String> IDS = List.of("CartPole-v1", "MountainCar-v0", "MountainCarContinuous-v0",
            "Pendulum-v1", "Acrobot-v1");
    private static final List<String> CONFIGURATIONS = List.of("raw", "registered", "syncVector", "parallelVector");

    private EnvironmentStepsComparison() {
    }

    /**
     * @param args registered ids to run; none for all five
     * @throws RunnerException if JMH cannot run
     */
    public static void main(String[] args) throws RunnerException {
        String[] ids = args.length > 0 ? args : IDS.toArray(String[]::new);
        int forks = Integer.getInteger("bellman.bench.forks", DEFAULT_FORKS);
        Options options = new OptionsBuilder()
                .include(EnvironmentSteps.class.getName() + "\\.(" + String.join("|", CONFIGURATIONS) + ")$")
                .param("id", ids)
                .forks(forks)
                .warmupIterations(WARMUP_ITERATIONS)
                .warmupTime(TimeValue.milliseconds(WARMUP_MILLIS))
                .measurementIterations(MEASUREMENT_ITERATIONS)
                .measurementTime(TimeValue.seconds(1))
                .addProfiler(GCProfiler.class)
                .jvmArgsAppend(ValueIterationSweep.HEAP_MIN, ValueIterationSweep.HEAP_MAX,
                        ValueIterationSweep.PRE_TOUCH)
                .build();
        Collection<RunResult> results = new Runner(options).run();

        Map<String, Figures> figures = new HashMap<>();
        for (RunResult result : results) {
            String method = result.getParams().getBenchmark();
            String configuration = method.substring(method.lastIndexOf('.') + 1);
            figures.put(key(result.getParams().getParam("id"), configuration), Figures.of(result));
        }

        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%nMachine: %d cores, %s, Java %s (%s)%n",
                Runtime.getRuntime().availableProcessors(), SweepComparison.cpuModel(),
                System.getProperty("java.version"), System.getProperty("java.vm.name")));
        table.append(String.format(Locale.ROOT, "%d forks x (%d x %d ms warm-up, %d x 1 s measured); "
                        + "median of the fork medians (lowest - highest fork median)%n%n",
                forks, WARMUP_ITERATIONS, WARMUP_MILLIS, MEASUREMENT_ITERATIONS));
        table.append(String.format(Locale.ROOT, "| environment | raw steps/s | registered steps/s "
                + "| vector of %d, sync | vector of %d, parallel (%d threads) |%n",
                EnvironmentSteps.VECTOR_SIZE, EnvironmentSteps.VECTOR_SIZE, EnvironmentSteps.PARALLEL_THREADS));
        table.append("|---|---:|---:|---:|---:|\n");
        for (String id : ids) {
            table.append("| ").append(id);
            for (String configuration : CONFIGURATIONS) {
                Figures f = figures.get(key(id, configuration));
                table.append(" | ").append(f == null ? "—" : f.rates());
            }
            table.append(" |\n");
        }
        table.append("\nBytes allocated per environment step (gc.alloc.rate.norm, median of the forks)\n\n");
        table.append("| environment | raw | registered | vector of 8, sync | vector of 8, parallel |\n");
        table.append("|---|---:|---:|---:|---:|\n");
        for (String id : ids) {
            table.append("| ").append(id);
            for (String configuration : CONFIGURATIONS) {
                Figures f = figures.get(key(id, configuration));
                table.append(" | ").append(f == null ? "—" : String.format(Locale.ROOT, "%.1f", f.bytesPerStep()));
            }
            table.append(" |\n");
        }
        Figures cartPole = figures.get(key("CartPole-v1", "raw"));
        if (cartPole != null) {
            table.append(String.format(Locale.ROOT, "%nTarget CartPole-v1 raw >= %.0f M steps/s: %s (%.1f M)%n",
                    CARTPOLE_TARGET / 1e6, cartPole.steps() >= CARTPOLE_TARGET ? "met" : "NOT met",
                    cartPole.steps() / 1e6));
        }
        System.out.print(table);
    }

    private static String key(String id, String configuration) {
        return id + "/" + configuration;
    }

    /** One environment and configuration: medians over the forks of each fork's median iteration. */
    private record Figures(double steps, double minSteps, double maxSteps, double bytesPerStep) {

        static Figures of(RunResult result) {
            List<Double> steps = new ArrayList<>();
            List<Double> bytes = new ArrayList<>();
            for (BenchmarkResult fork : result.getBenchmarkResults()) {
                steps.add(fork.getPrimaryResult().getStatistics().getPercentile(50));
                for (String label : fork.getSecondaryResults().keySet()) {
                    // JMH 1.37 names it "gc.alloc.rate.norm"; older versions prefix a middle dot. It is
                    // per operation, and an operation here is one environment step.
                    if (label.endsWith("gc.alloc.rate.norm")) {
                        Result<?> allocation = fork.getSecondaryResults().get(label);
                        bytes.add(allocation.getStatistics().getPercentile(50));
                    }
                }
            }
            if (steps.isEmpty()) {
                throw new IllegalStateException("no result for " + result.getParams().getBenchmark()
                        + "; see JMH's output above");
            }
            double[] sorted = steps.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return new Figures(median(sorted), sorted[0], sorted[sorted.length - 1],
                    bytes.isEmpty() ? Double.NaN : median(bytes.stream().mapToDouble(Double::doubleValue).toArray()));
        }

        String rates() {
            return String.format(Locale.ROOT, "%.3g (%.3g – %.3g)", steps, minSteps, maxSteps);
        }
    }

    /** @return the median of {@code values} (the mean of the middle two for an even count) */
    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
