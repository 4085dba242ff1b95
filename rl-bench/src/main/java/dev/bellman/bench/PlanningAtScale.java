package dev.bellman.bench;

import burlap.behavior.singleagent.planning.stochastic.valueiteration.ValueIteration;
import burlap.domain.singleagent.gridworld.GridWorldDomain;
import burlap.domain.singleagent.gridworld.GridWorldTerminalFunction;
import burlap.domain.singleagent.gridworld.state.GridWorldState;
import burlap.mdp.singleagent.common.UniformCostRF;
import burlap.mdp.singleagent.oo.OOSADomain;
import burlap.statehashing.simple.SimpleHashableStateFactory;
import dev.bellman.core.CompactModel;
import dev.bellman.core.TabularModel;
import dev.bellman.env.grid.ZigZagGrid;
import dev.bellman.tabular.dp.InPlaceValueIteration;
import dev.bellman.tabular.dp.ModifiedPolicyIteration;
import dev.bellman.tabular.dp.PlanningResult;
import dev.bellman.tabular.dp.PrioritizedSweeping;
import dev.bellman.tabular.dp.StateOrder;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Issue 10's benchmark, "planning at scale": time to solution of the zig-zag grid
 * ({@link ZigZagGrid}) for each planner for large models, one and two threads, beside the plain
 * synchronous {@link dev.bellman.tabular.dp.ValueIteration} on a {@link TabularModel} (the
 * baseline) and BURLAP 3.0.1's value iteration where it finishes within its budget. γ = 0.99,
 * tolerance 1e-6 in max norm, as the issue states; every run's values are checked against the
 * closed form {@code −(1 − γ^d)/(1 − γ)}. Prints a Markdown table.
 *
 * <p>Bellman's planners run on the model built once per size in single precision (−1 and 0 are
 * exact in float), so the time is the solve alone (for the in-place planners this includes
 * computing the backward state order). The baseline gets the {@link TabularModel} compiled once
 * per size, also outside the time. Each configuration runs {@code --runs} times and the median is
 * reported, except that a configuration whose first run takes over {@value #REPEAT_LIMIT_SECONDS}
 * s runs once. Before timing, every planner runs once untimed on the 100×100 grid (JIT warm-up).
 *
 * <p>BURLAP runs in a child JVM (its loops do not answer interrupts, so a run over budget is ended
 * by ending that process): {@link GridWorldDomain} of {@code n × n} with
 * {@link GridWorldDomain#setObstacleInCell} for the wall cells (BURLAP's x and y are the zig-zag's),
 * deterministic moves, {@link UniformCostRF} (−1 per step) and a {@link GridWorldTerminalFunction}
 * at the goal; its {@link ValueIteration} with {@code maxDelta} 1e-6. Its time covers the state
 * enumeration and the passes (both are needed for a solution); the child warms up on a 20×20 grid.
 *
 * <p>Usage: {@code java -Xmx8g -cp rl-bench/target/benchmarks.jar dev.bellman.bench.PlanningAtScale
 * [--sizes 100,300,1000,3163] [--planners in-place-backward,in-place-natural,mpi,prioritized-sweeping,value-iteration,burlap]
 * [--threads 1,2] [--runs 3] [--burlap-budget 60] [--baseline-max 1000]}. A quick run:
 * {@code --sizes 100,300 --runs 1}.
 */
public final class PlanningAtScale {

    /** The discount factor of the benchmark. */
    static final double GAMMA = 0.99;
    /** The tolerance of the benchmark. */
    static final double TOLERANCE = 1e-6;
    /** A configuration whose first run takes longer than this runs once. */
    static final double REPEAT_LIMIT_SECONDS = 20;
    /** The child JVM's flag. */
    private static final String BURLAP_CHILD = "--burlap-child";

    private static final List<String> ALL_PLANNERS = List.of("in-place-backward", "in-place-natural", "mpi",
            "prioritized-sweeping", "value-iteration", "burlap");

    private PlanningAtScale() {
    }

    /** One row of the table. */
    private record Row(int n, String planner, String threads, int runs, double medianSeconds, String iterations,
                       double backupsPerSecond, double maxError, String memory, String note) {
    }

    /**
     * @param args the options in the class comment
     * @throws Exception if a child JVM cannot be started
     */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals(BURLAP_CHILD)) {
            burlapChild(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            return;
        }
        int[] sizes = {100, 300, 1000, 3163};
        List<String> planners = ALL_PLANNERS;
        int[] threadCounts = {1, 2};
        int runs = 3;
        int burlapBudget = 60;
        int baselineMax = 1000;
        for (int i = 0; i + 1 < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--sizes" -> sizes = Arrays.stream(value.split(",")).mapToInt(Integer::parseInt).toArray();
                case "--planners" -> planners = List.of(value.split(","));
                case "--threads" -> threadCounts = Arrays.stream(value.split(",")).mapToInt(Integer::parseInt).toArray();
                case "--runs" -> runs = Integer.parseInt(value);
                case "--burlap-budget" -> burlapBudget = Integer.parseInt(value);
                case "--baseline-max" -> baselineMax = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; see the class comment");
            }
        }
        for (String planner : planners) {
            if (!ALL_PLANNERS.contains(planner)) {
                throw new IllegalArgumentException("--planners: unknown planner " + planner + "; expected " + ALL_PLANNERS);
            }
        }

        warmUp(planners, threadCounts);
        List<Row> rows = new ArrayList<>();
        for (int n : sizes) {
            CompactModel model = ZigZagGrid.model(n, CompactModel.Precision.FLOAT);
            double[] exact = closedForm(n);
            String compactMemory = String.format(Locale.ROOT, "%.1f MB (%.2f B/pair)", model.bytes() / 1048576.0,
                    model.bytesPerStateAction());
            for (String planner : planners) {
                switch (planner) {
                    case "value-iteration" -> rows.add(baseline(model, n, exact, runs, baselineMax));
                    case "burlap" -> rows.add(burlap(n, runs, burlapBudget));
                    case "prioritized-sweeping" -> rows.add(measure(model, n, exact, planner, 1, runs, compactMemory));
                    default -> {
                        for (int threads : threadCounts) {
                            rows.add(measure(model, n, exact, planner, threads, runs, compactMemory));
                        }
                    }
                }
                System.err.println("done: n = " + n + ", " + planner);
            }
        }
        System.out.print(table(rows, runs));
    }

    private static void warmUp(List<String> planners, int[] threadCounts) {
        CompactModel model = ZigZagGrid.model(100, CompactModel.Precision.FLOAT);
        for (String planner : planners) {
            if (planner.equals("burlap")) {
                continue;
            }
            if (planner.equals("value-iteration")) {
                new dev.bellman.tabular.dp.ValueIteration(GAMMA, TOLERANCE).solve(TabularModel.of(model));
                continue;
            }
            for (int threads : threadCounts) {
                solve(model, planner, threads);
            }
        }
    }

    private static PlanningResult solve(CompactModel model, String planner, int threads) {
        return switch (planner) {
            case "in-place-backward" -> new InPlaceValueIteration(GAMMA, TOLERANCE).withThreads(threads).solve(model);
            case "in-place-natural" -> new InPlaceValueIteration(GAMMA, TOLERANCE).withOrder(StateOrder.NATURAL)
                    .withThreads(threads).solve(model);
            case "mpi" -> new ModifiedPolicyIteration(GAMMA, TOLERANCE).withThreads(threads).solve(model);
            case "prioritized-sweeping" -> new PrioritizedSweeping(GAMMA, TOLERANCE).solve(model);
            default -> throw new IllegalArgumentException(planner);
        };
    }

    /** @return {@code v*} of every state: the closed form, 0 for walls (terminal) */
    private static double[] closedForm(int n) {
        int[] distances = ZigZagGrid.distances(n);
        double[] exact = new double[distances.length];
        for (int s = 0; s < exact.length; s++) {
            exact[s] = distances[s] < 0 ? 0 : ZigZagGrid.optimalValue(distances[s], GAMMA);
        }
        return exact;
    }

    private static double maxError(double[] values, double[] exact) {
        double max = 0;
        for (int s = 0; s < exact.length; s++) {
            max = Math.max(max, Math.abs(values[s] - exact[s]));
        }
        return max;
    }

    private static Row measure(CompactModel model, int n, double[] exact, String planner, int threads, int runs,
                               String memory) {
        List<Double> seconds = new ArrayList<>();
        PlanningResult result = null;
        double error = 0;
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            result = solve(model, planner, threads);
            seconds.add((System.nanoTime() - start) / 1e9);
            error = Math.max(error, maxError(result.stateValues().toArray(), exact));
            if (seconds.get(0) > REPEAT_LIMIT_SECONDS) {
                break;
            }
        }
        double median = median(seconds);
        String unit = planner.equals("prioritized-sweeping") ? " state backups" : planner.equals("mpi")
                ? " improvements" : " sweeps";
        return new Row(n, planner, String.valueOf(threads), seconds.size(), median,
                String.format(Locale.ROOT, "%,d%s", result.iterations(), unit), result.backups() / median, error,
                memory, "");
    }

    private static Row baseline(CompactModel model, int n, double[] exact, int runs, int baselineMax) {
        long pairs = (long) model.stateCount() * model.actionCount();
        // TabularModel: rowStart 4 + next state 4 + probability 8 + reward 8 + expected reward 8 bytes per
        // pair (TabularModel#memoryBytes), and ValueIteration's action-value table, 8 more.
        long estimate = 32 * pairs + model.stateCount();
        if (n > baselineMax) {
            return new Row(n, "value-iteration (baseline)", "1", 0, Double.NaN, "—", Double.NaN, Double.NaN,
                    String.format(Locale.ROOT, "≈ %.0f MB + %.0f MB q-table (estimate)", estimate / 1048576.0,
                            8 * pairs / 1048576.0), "not run: n > --baseline-max " + baselineMax);
        }
        TabularModel tabular = TabularModel.of(model);
        String memory = String.format(Locale.ROOT, "%.1f MB (%.2f B/pair)", tabular.memoryBytes() / 1048576.0,
                tabular.memoryBytes() / (double) pairs);
        List<Double> seconds = new ArrayList<>();
        PlanningResult result = null;
        double error = 0;
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            result = new dev.bellman.tabular.dp.ValueIteration(GAMMA, TOLERANCE).solve(tabular);
            seconds.add((System.nanoTime() - start) / 1e9);
            error = Math.max(error, maxError(result.stateValues().toArray(), exact));
            if (seconds.get(0) > REPEAT_LIMIT_SECONDS) {
                break;
            }
        }
        double median = median(seconds);
        return new Row(n, "value-iteration (baseline)", "1", seconds.size(), median,
                String.format(Locale.ROOT, "%,d sweeps", result.iterations()), result.backups() / median, error, memory,
                "");
    }

    /** Runs BURLAP in a child JVM; each run must finish within {@code budget} seconds. */
    private static Row burlap(int n, int runs, int budget) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch", "-cp",
                System.getProperty("java.class.path"), PlanningAtScale.class.getName(), BURLAP_CHILD,
                String.valueOf(n), String.valueOf(runs)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("FAILED " + e);
            }
        }, "burlap-child-output");
        reader.setDaemon(true);
        reader.start();
        List<Double> seconds = new ArrayList<>();
        double error = 0;
        String enumerated = "—";
        String note = "";
        // The warm-up and the JVM's start get a budget of their own.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(budget + 30L);
        while (seconds.size() < runs) {
            String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                note = "did not finish within " + budget + " s";
                break;
            }
            if (line.startsWith("FAILED")) {
                note = line;
                break;
            }
            if (!line.startsWith("RUN ")) {
                continue;
            }
            String[] fields = line.split(" ");
            double runSeconds = Double.parseDouble(fields[1]);
            seconds.add(runSeconds);
            error = Math.max(error, Double.parseDouble(fields[2]));
            enumerated = String.format(Locale.ROOT, "%,d states", Integer.parseInt(fields[3]));
            if (runSeconds > REPEAT_LIMIT_SECONDS) {
                break;
            }
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(budget);
        }
        child.destroyForcibly().waitFor();
        if (seconds.isEmpty()) {
            return new Row(n, "BURLAP 3.0.1 VI", "1", 0, Double.NaN, "—", Double.NaN, Double.NaN, "—", note);
        }
        return new Row(n, "BURLAP 3.0.1 VI", "1", seconds.size(), median(seconds), enumerated, Double.NaN, error, "—",
                "time includes state enumeration");
    }

    /**
     * The child JVM: solves the n × n zig-zag grid with BURLAP {@code runs} times after a 20 × 20
     * warm-up, printing {@code RUN seconds maxError states} after each.
     */
    private static void burlapChild(int n, int runs) {
        burlapSolve(20, closedForm(20));
        double[] exact = closedForm(n);
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            double[] result = burlapSolve(n, exact);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "RUN %.6f %.6e %d%n", seconds, result[0], (int) result[1]);
            System.out.flush();
        }
    }

    /** @return the max error against the closed form over the free cells, and the states BURLAP enumerated */
    private static double[] burlapSolve(int n, double[] exact) {
        GridWorldDomain generator = new GridWorldDomain(n, n);
        for (int x = 0; x < n; x++) {
            for (int y = 0; y < n; y++) {
                if (ZigZagGrid.isWall(n, x, y)) {
                    generator.setObstacleInCell(x, y);
                }
            }
        }
        generator.setDeterministicTransitionDynamics();
        generator.setRf(new UniformCostRF());
        generator.setTf(new GridWorldTerminalFunction(n - 1, n - 1));
        OOSADomain domain = generator.generateDomain();
        ValueIteration planner = new ValueIteration(domain, GAMMA, new SimpleHashableStateFactory(), TOLERANCE,
                1_000_000);
        planner.toggleDebugPrinting(false);
        planner.planFromState(new GridWorldState(0, 0));
        double error = 0;
        for (int x = 0; x < n; x++) {
            for (int y = 0; y < n; y++) {
                if (!ZigZagGrid.isWall(n, x, y)) {
                    double value = planner.value(new GridWorldState(x, y));
                    error = Math.max(error, Math.abs(value - exact[ZigZagGrid.state(n, x, y)]));
                }
            }
        }
        return new double[] {error, planner.getAllStates().size()};
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }

    private static String table(List<Row> rows, int runs) {
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%nZig-zag grid, gamma %s, tolerance %s; median of up to %d runs "
                        + "(one if the first takes over %.0f s). Machine: %d cores, %s, Java %s, max heap %.0f MB%n%n",
                GAMMA, TOLERANCE, runs, REPEAT_LIMIT_SECONDS, Runtime.getRuntime().availableProcessors(),
                SweepComparison.cpuModel(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() / 1048576.0));
        table.append("| n | states | planner | threads | runs | time (s) | iterations | backups/s | max error vs closed "
                + "form | model memory | note |\n");
        table.append("|---:|---:|---|---:|---:|---:|---:|---:|---:|---|---|\n");
        for (Row row : rows) {
            table.append(String.format(Locale.ROOT, "| %d | %,d | %s | %s | %d | %s | %s | %s | %s | %s | %s |%n", row.n(),
                    (long) row.n() * row.n(), row.planner(), row.threads(), row.runs(),
                    Double.isNaN(row.medianSeconds()) ? "—" : String.format(Locale.ROOT, "%.3f", row.medianSeconds()),
                    row.iterations(),
                    Double.isNaN(row.backupsPerSecond()) ? "—" : String.format(Locale.ROOT, "%.3g", row.backupsPerSecond()),
                    Double.isNaN(row.maxError()) ? "—" : String.format(Locale.ROOT, "%.1e", row.maxError()),
                    row.memory(), row.note()));
        }
        return table.toString();
    }
}
