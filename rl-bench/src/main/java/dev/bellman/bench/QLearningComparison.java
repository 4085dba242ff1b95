package dev.bellman.bench;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.util.Collection;
import java.util.Locale;

/**
 * Runs {@link QLearningSteps} for both libraries in one go, with JMH's allocation profiler, and
 * prints the comparison as Markdown: each library's median environment steps per second, the
 * bytes it allocates per step, the ratio, and whether Bellman reaches {@value #TARGET_RATIO}× BURLAP.
 *
 * <p>Each library runs in its own forked JVM with 10 warm-up and 5 measured one-second iterations
 * (the warm-up also trains the learner: see {@link QLearningSteps}); the figures are medians over the
 * measured iterations.
 *
 * <p>Usage: {@code java -cp rl-bench/target/benchmarks.jar dev.bellman.bench.QLearningComparison [n]}
 * (grid side, default 10).
 */
public final class QLearningComparison {

    /** The speed-up over BURLAP that Bellman aims for. */
    public static final double TARGET_RATIO = 10;

    private QLearningComparison() {
    }

    /**
     * @param args the grid side; none for 10
     * @throws RunnerException if JMH cannot run
     */
    public static void main(String[] args) throws RunnerException {
        String size = args.length > 0 ? args[0] : "10";
        Options options = new OptionsBuilder()
                .include(QLearningSteps.class.getName() + "\\.(bellman|burlap)$")
                .param("n", size)
                .forks(1)
                .warmupIterations(10)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(5)
                .measurementTime(TimeValue.seconds(1))
                .addProfiler(GCProfiler.class)
                .jvmArgsAppend(ValueIterationSweep.HEAP_MIN, ValueIterationSweep.HEAP_MAX,
                        ValueIterationSweep.PRE_TOUCH)
                .build();
        Collection<RunResult> results = new Runner(options).run();

        Figures bellman = null;
        Figures burlap = null;
        for (RunResult result : results) {
            String method = result.getParams().getBenchmark();
            Figures figures = Figures.of(result);
            if (method.endsWith(".bellman")) {
                bellman = figures;
            } else if (method.endsWith(".burlap")) {
                burlap = figures;
            }
        }
        if (bellman == null || burlap == null) {
            throw new IllegalStateException("a benchmark produced no result; see JMH's output above");
        }

        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%nMachine: %d cores, %s, Java %s (%s)%n%n",
                Runtime.getRuntime().availableProcessors(), SweepComparison.cpuModel(),
                System.getProperty("java.version"), System.getProperty("java.vm.name")));
        table.append(String.format(Locale.ROOT, "Q-learning on the %sx%s shortest-path grid, %d steps per operation%n%n",
                size, size, QLearningSteps.STEPS_PER_OPERATION));
        table.append("| library | steps/s (median) | steps/s (min – max) | episodes/s | bytes allocated per step |\n");
        table.append("|---|---:|---:|---:|---:|\n");
        bellman.appendRow(table, "Bellman");
        burlap.appendRow(table, "BURLAP 3.0.1");
        double ratio = bellman.steps / burlap.steps;
        table.append(String.format(Locale.ROOT, "%nBellman / BURLAP: %.1f×%n", ratio));
        table.append(String.format(Locale.ROOT, "Target Bellman >= %.0f× BURLAP: %s%n", TARGET_RATIO,
                ratio >= TARGET_RATIO ? "met" : "NOT met"));
        System.out.print(table);
    }

    /** One library's medians over the measured iterations. */
    private record Figures(double steps, double minSteps, double maxSteps, double episodes, double bytesPerStep) {

        static Figures of(RunResult result) {
            Result<?> steps = result.getSecondaryResults().get("steps");
            Result<?> episodes = result.getSecondaryResults().get("episodes");
            Result<?> allocation = null;
            for (String label : result.getSecondaryResults().keySet()) {
                // JMH 1.37 names it "gc.alloc.rate.norm"; older versions prefix a middle dot.
                if (label.endsWith("gc.alloc.rate.norm")) {
                    allocation = result.getSecondaryResults().get(label);
                }
            }
            if (steps == null || episodes == null) {
                throw new IllegalStateException("no steps or episodes counter in " + result.getParams().getBenchmark());
            }
            double bytesPerStep = allocation == null ? Double.NaN
                    : allocation.getStatistics().getPercentile(50) / QLearningSteps.STEPS_PER_OPERATION;
            return new Figures(steps.getStatistics().getPercentile(50), steps.getStatistics().getMin(),
                    steps.getStatistics().getMax(), episodes.getStatistics().getPercentile(50), bytesPerStep);
        }

        void appendRow(StringBuilder table, String library) {
            table.append(String.format(Locale.ROOT, "| %s | %.3g | %.3g – %.3g | %.3g | %.3g |%n", library, steps,
                    minSteps, maxSteps, episodes, bytesPerStep));
        }
    }
}
