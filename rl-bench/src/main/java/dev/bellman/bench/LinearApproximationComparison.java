package dev.bellman.bench;

import dev.bellman.approx.SemiGradientSarsa;
import dev.bellman.core.Budget;
import dev.bellman.core.TrainingReport;
import dev.bellman.env.classic.MountainCar;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Linear approximation on Mountain Car: JMH figures for {@link LinearApproximationSteps}, then
 * Bellman's semi-gradient Sarsa side by side with the usual Python implementation
 * ({@code rl-bench/python/mountain_car_sarsa.py}: tiles3's scheme and NumPy weights), both training
 * {@value #EPISODES} episodes from scratch with the same settings, runs interleaved so that both
 * meet the same machine load, {@value #REPEATS} times each; medians and their ratio are printed.
 *
 * <p>Run from the repository root (about 2 minutes):
 * {@code java -cp rl-bench/target/benchmarks.jar dev.bellman.bench.LinearApproximationComparison};
 * the Python side needs {@code python3} with NumPy and is skipped with a note without them.
 */
public final class LinearApproximationComparison {

    /** Episodes of each from-scratch run. */
    static final int EPISODES = 100;
    /** Interleaved runs of each side. */
    static final int REPEATS = 5;
    /** Where the Python peer lives, relative to the repository root. */
    static final Path PYTHON_SCRIPT = Path.of("rl-bench", "python", "mountain_car_sarsa.py");

    private LinearApproximationComparison() {
    }

    /**
     * @param args unused
     * @throws RunnerException      if JMH fails
     * @throws IOException          if the Python process cannot be read
     * @throws InterruptedException if interrupted while waiting for the Python process
     */
    public static void main(String[] args) throws RunnerException, IOException, InterruptedException {
        Options options = new OptionsBuilder()
                .include(LinearApproximationSteps.class.getName())
                .addProfiler(GCProfiler.class)
                .build();
        Collection<RunResult> results = new Runner(options).run();

        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%nMachine: %d cores, %s, Java %s (%s)%n%n",
                Runtime.getRuntime().availableProcessors(), SweepComparison.cpuModel(),
                System.getProperty("java.version"), System.getProperty("java.vm.name")));
        table.append("| benchmark | score (median of iterations) | bytes allocated per operation |\n|---|---:|---:|\n");
        for (RunResult result : results) {
            String method = result.getParams().getBenchmark().replaceAll(".*\\.", "");
            String kind = result.getParams().getParam("kind");
            double score = result.getPrimaryResult().getStatistics().getPercentile(50);
            String unit = result.getPrimaryResult().getScoreUnit();
            boolean perStep = !method.equals("features");
            double bytes = allocationPerOperation(result) / (perStep ? LinearApproximationSteps.STEPS_PER_OPERATION : 1);
            table.append(String.format(Locale.ROOT, "| %s%s | %.4g %s | %.3g%s |%n", method,
                    kind == null ? "" : " " + kind, score, perStep ? "steps/s" : unit, bytes, perStep ? " per step" : ""));
        }

        List<Double> bellman = new ArrayList<>();
        List<Double> python = new ArrayList<>();
        trainBellman();
        for (int run = 1; run <= REPEATS; run++) {
            bellman.add(trainBellman());
            Double pythonRate = trainPython(run);
            if (pythonRate != null) {
                python.add(pythonRate);
            }
        }
        table.append(String.format(Locale.ROOT, "%nSemi-gradient Sarsa, %d episodes from scratch, %d interleaved runs%n%n",
                EPISODES, REPEATS));
        table.append("| implementation | steps/s (median) | min – max |\n|---|---:|---:|\n");
        table.append(row("Bellman SemiGradientSarsa", bellman));
        if (python.isEmpty()) {
            table.append("| Python + NumPy (tiles3 scheme) | not run: python3 with NumPy not found | |\n");
        } else {
            table.append(row("Python + NumPy (tiles3 scheme)", python));
            table.append(String.format(Locale.ROOT, "%nBellman / Python: %.0f×%n", median(bellman) / median(python)));
        }
        System.out.print(table);
    }

    /** @return steps per second of one from-scratch run (a fresh learner and environment, seed 1) */
    static double trainBellman() {
        MountainCar car = new MountainCar();
        SemiGradientSarsa<double[]> sarsa = new SemiGradientSarsa<>(LinearApproximationSteps.settings(),
                LinearApproximationSteps.tileCoder(car));
        TrainingReport report = sarsa.train(car, Budget.episodes(EPISODES));
        return report.totalSteps() / (report.wallTime().toNanos() / 1e9);
    }

    /** @return steps per second of one Python run, or null if Python or the script is missing */
    static Double trainPython(int seed) throws IOException, InterruptedException {
        if (!Files.exists(PYTHON_SCRIPT)) {
            return null;
        }
        Process process;
        try {
            process = new ProcessBuilder("python3", PYTHON_SCRIPT.toString(), String.valueOf(EPISODES),
                    String.valueOf(seed)).redirectErrorStream(true).start();
        } catch (IOException e) {
            return null;
        }
        String last = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                last = line;
            }
        }
        if (process.waitFor() != 0 || last == null || !last.startsWith("episodes=")) {
            return null;
        }
        double steps = Double.NaN;
        double seconds = Double.NaN;
        for (String field : last.split(" ")) {
            String[] pair = field.split("=");
            if (pair[0].equals("steps")) {
                steps = Double.parseDouble(pair[1]);
            } else if (pair[0].equals("seconds")) {
                seconds = Double.parseDouble(pair[1]);
            }
        }
        return steps / seconds;
    }

    private static double allocationPerOperation(RunResult result) {
        for (String label : result.getSecondaryResults().keySet()) {
            if (label.endsWith("gc.alloc.rate.norm")) {
                Result<?> allocation = result.getSecondaryResults().get(label);
                return allocation.getStatistics().getPercentile(50);
            }
        }
        return Double.NaN;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String row(String name, List<Double> values) {
        return String.format(Locale.ROOT, "| %s | %.4g | %.4g – %.4g |%n", name, median(values),
                values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN),
                values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN));
    }
}
