package dev.bellman.examples;

import dev.bellman.core.CompactModel;
import dev.bellman.core.CompactModelFiles;
import dev.bellman.core.FiniteMdp;
import dev.bellman.core.InvalidMdpFileException;
import dev.bellman.env.toytext.GamblersProblem;
import dev.bellman.env.toytext.JacksCarRental;
import dev.bellman.tabular.dp.ModifiedPolicyIteration;
import dev.bellman.tabular.dp.PlanningResult;
import dev.bellman.tabular.dp.PolicyIteration;
import dev.bellman.tabular.dp.TruncatedPolicyIteration;
import dev.bellman.tabular.dp.ValueIteration;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code bellman mdp}: solves one of the books' finite MDPs that are not grid worlds and shows the
 * optimal values and policy, or solves an MDP file ({@code --file}, the format of
 * {@link CompactModelFiles}) with a planner for large models and reports time, backups and memory.
 */
@Command(name = "mdp", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Solves a finite MDP of the books by dynamic programming and shows v* and the greedy policy.",
                "--file MODEL: solves an MDP file (see docs/mdp-file-format.md) with a planner for large models and "
                        + "reports time, sweeps, backups/s and memory.",
                "Presets: gamblers-problem (Sutton & Barto Example 4.3), jacks-car-rental (Example 4.2)."})
final class MdpCommand implements Callable<Integer> {

    /** The MDPs this command knows. */
    enum Preset {
        GAMBLERS_PROBLEM("gamblers-problem", 1.0),
        JACKS_CAR_RENTAL("jacks-car-rental", JacksCarRental.GAMMA);

        private final String id;
        private final double gamma;

        Preset(String id, double gamma) {
            this.id = id;
            this.gamma = gamma;
        }

        /** @return the name {@code --preset} takes */
        String id() {
            return id;
        }

        /** @return the discount factor the book uses with this MDP */
        double gamma() {
            return gamma;
        }

        static Preset byId(String id) {
            for (Preset preset : values()) {
                if (preset.id.equalsIgnoreCase(id)) {
                    return preset;
                }
            }
            throw new IllegalArgumentException("--preset: unknown MDP '" + id + "'; expected one of "
                    + Arrays.stream(values()).map(p -> p.id).reduce((a, b) -> a + ", " + b).orElse(""));
        }
    }

    /** What to solve: a preset or an MDP file; one is required. */
    static final class Source {
        @Option(names = "--preset", paramLabel = "NAME", description = "gamblers-problem or jacks-car-rental.")
        String preset;

        @Option(names = "--file", paramLabel = "MODEL",
                description = "A Bellman MDP file (binary, see docs/mdp-file-format.md), solved by a planner for large models.")
        Path file;
    }

    /** The default discount factor of {@code --file}: the benchmark's. */
    static final double FILE_GAMMA = 0.99;
    /** The default tolerance of {@code --file}. */
    static final double FILE_TOLERANCE = 1e-6;
    /** The values {@code --file} prints; {@code --values-out} writes all. */
    static final int VALUES_SHOWN = 5;

    @ArgGroup(exclusive = true)
    Source source = new Source();

    @Option(names = "--algo", paramLabel = "NAME",
            description = {"Presets: value-iteration (default), policy-iteration, truncated-policy-iteration.",
                    "--file: in-place-vi (default), mpi, prioritized-sweeping, value-iteration (synchronous, the baseline)."})
    String algorithm;

    @Option(names = "--gamma", paramLabel = "G",
            description = "Discount factor in [0, 1] ([0, 1) for in-place-vi, mpi, prioritized-sweeping). Default: the "
                    + "book's (1 for gamblers-problem, 0.9 for jacks-car-rental); 0.99 for --file.")
    Double gamma;

    @Option(names = "--tolerance", paramLabel = "T",
            description = "Stop when a sweep changes no value by T or more (max norm). Default: 1e-10; 1e-6 for --file.")
    Double tolerance;

    @Option(names = "--heads", paramLabel = "P",
            description = "gamblers-problem: the probability of heads. Default: 0.4.")
    Double heads;

    @Option(names = "--threads", paramLabel = "N",
            description = "--file with in-place-vi or mpi: threads that share each sweep, at least 1. Default: 1.")
    Integer threads;

    @Option(names = "--order", paramLabel = "backward|natural",
            description = "--file with in-place-vi or mpi: sweep backward from the terminal states (default) or in state order.")
    String order;

    @Option(names = "--evaluation-sweeps", paramLabel = "M",
            description = "--file with mpi: evaluation sweeps after each improvement sweep, at least 1. Default: 10.")
    Integer evaluationSweeps;

    @Option(names = "--values-out", paramLabel = "FILE",
            description = "--file: write every state's value to FILE, one little-endian float64 per state in state order, "
                    + "no header (numpy.fromfile(FILE, dtype='<f8')). Default: none.")
    Path valuesOut;

    @picocli.CommandLine.Mixin
    OutputOptions output = new OutputOptions();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (source.file != null) {
            return solveFile();
        }
        if (source.preset == null) {
            throw new ParameterException(spec.commandLine(), "Missing required option: '--preset=NAME' or '--file=MODEL'");
        }
        Preset chosen = Preset.byId(source.preset);
        output.json();
        for (String option : new String[] {"--threads", "--order", "--evaluation-sweeps", "--values-out"}) {
            if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                throw new IllegalArgumentException(option + " applies only to --file, not to --preset");
            }
        }
        if (gamma != null && !(gamma >= 0 && gamma <= 1)) {
            throw new IllegalArgumentException("--gamma " + gamma + " is outside [0, 1]");
        }
        double stopTolerance = tolerance != null ? tolerance : 1e-10;
        if (!(stopTolerance > 0) || !Double.isFinite(stopTolerance)) {
            throw new IllegalArgumentException("--tolerance " + stopTolerance + " must be a finite number > 0");
        }
        double headsProbability = heads != null ? heads : 0.4;
        if (!(headsProbability > 0 && headsProbability < 1)) {
            throw new IllegalArgumentException("--heads " + headsProbability + " is outside (0, 1)");
        }
        String algo = algorithmOrDefault();
        double discount = gamma != null ? gamma : chosen.gamma;
        FiniteMdp mdp = chosen == Preset.GAMBLERS_PROBLEM ? new GamblersProblem(headsProbability) : new JacksCarRental();
        PlanningResult result = switch (algo.toLowerCase(Locale.ROOT)) {
            case "value-iteration" -> new ValueIteration(discount, stopTolerance).solve(mdp);
            case "policy-iteration" -> new PolicyIteration(discount, stopTolerance).solve(mdp);
            case "truncated-policy-iteration" -> new TruncatedPolicyIteration(discount, stopTolerance, 5).solve(mdp);
            default -> throw new IllegalArgumentException("--algo: unknown algorithm '" + algo
                    + "'; expected one of value-iteration, policy-iteration, truncated-policy-iteration");
        };
        double[] values = result.stateValues().toArray();
        int[] policy = new int[values.length];
        for (int s = 0; s < values.length; s++) {
            int action = result.policy().mostProbableAction(s);
            policy[s] = mdp instanceof GamblersProblem gamblers ? gamblers.stake(s, action)
                    : ((JacksCarRental) mdp).move(action);
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("mdp", chosen.id);
        report.put("algorithm", algo.toLowerCase(Locale.ROOT));
        report.put("values", values);
        report.put("policy", policy);
        report.put("policyMeaning", chosen == Preset.GAMBLERS_PROBLEM ? "stake" : "cars moved from the first location to the second");
        report.put("iterations", result.iterations());
        report.put("gamma", discount);
        report.put("converged", result.converged());
        String text = chosen == Preset.GAMBLERS_PROBLEM
                ? gamblersText((GamblersProblem) mdp, result, values, policy)
                : jacksText((JacksCarRental) mdp, result, values, policy);
        output.emit(spec.commandLine().getOut(), text, report);
        return 0;
    }

    /** {@code --file}: reads the model, solves it with a planner for large models, reports time and memory. */
    private int solveFile() throws IOException {
        output.json();
        if (heads != null) {
            throw new IllegalArgumentException("--heads applies only to --preset gamblers-problem, not to --file");
        }
        LargePlanner planner = algorithm == null ? LargePlanner.IN_PLACE_VI
                : LargePlanner.byIdForOption(algorithm, "--file");
        LargePlanner.Settings settings = new LargePlanner.Settings(planner, gamma != null ? gamma : FILE_GAMMA,
                tolerance != null ? tolerance : FILE_TOLERANCE, threads != null ? threads : 1,
                LargePlanner.orderForOption(order != null ? order : "backward"),
                evaluationSweeps != null ? evaluationSweeps : ModifiedPolicyIteration.DEFAULT_EVALUATION_SWEEPS);
        if (order != null && !planner.sweepsInOrder()) {
            throw new IllegalArgumentException("--order applies only to in-place-vi and mpi, not " + planner.id());
        }
        if (evaluationSweeps != null && planner != LargePlanner.MPI) {
            throw new IllegalArgumentException("--evaluation-sweeps applies only to mpi, not " + planner.id());
        }

        long start = System.nanoTime();
        CompactModel model = readModel(source.file);
        double readSeconds = (System.nanoTime() - start) / 1e9;
        LargePlanner.Run run = LargePlanner.solve(model, settings);
        double[] values = run.result().stateValues().toArray();
        if (valuesOut != null) {
            ValuesFile.write(values, valuesOut, "--values-out");
        }

        double[] shown = Arrays.copyOf(values, Math.min(VALUES_SHOWN, values.length));
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("file", source.file.toString());
        LargePlanner.addModelTo(report, model);
        report.put("readSeconds", readSeconds);
        run.addTo(report);
        LargePlanner.addHeapTo(report);
        report.put("firstValues", shown);
        if (valuesOut != null) {
            report.put("valuesOut", valuesOut.toString());
        }

        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "MDP file %s, read in %.3f s%n", source.file, readSeconds));
        text.append(LargePlanner.modelText(model)).append(run.text()).append(LargePlanner.heapText());
        text.append("first values:");
        for (int s = 0; s < shown.length; s++) {
            text.append(String.format(Locale.ROOT, "  v(%d) = %.6f", s, shown[s]));
        }
        text.append(System.lineSeparator());
        if (valuesOut != null) {
            text.append(String.format(Locale.ROOT, "all %,d values written to %s (little-endian float64, state order)%n",
                    values.length, valuesOut));
        }
        output.emit(spec.commandLine().getOut(), text.toString(), report);
        return 0;
    }

    /** @throws IllegalArgumentException naming {@code --file} and what is wrong with it */
    private static CompactModel readModel(Path file) {
        try {
            return CompactModelFiles.read(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("--file " + file + ": no such file");
        } catch (InvalidMdpFileException e) {
            throw new IllegalArgumentException("--file: " + e.getMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException("--file " + file + ": cannot be read (" + e + ")");
        }
    }

    private String algorithmOrDefault() {
        return algorithm != null ? algorithm : "value-iteration";
    }

    private String header(PlanningResult result, String title) {
        return String.format(Locale.ROOT, "%s%n%s: %s after %d iterations%n%n", title, algorithmOrDefault(),
                result.converged() ? "converged" : "stopped WITHOUT converging", result.iterations());
    }

    private String gamblersText(GamblersProblem mdp, PlanningResult result, double[] values, int[] stakes) {
        StringBuilder text = new StringBuilder(header(result, String.format(Locale.ROOT,
                "Gambler's problem (Sutton & Barto Example 4.3): goal %d, p(heads) = %s", mdp.goal(), mdp.headsProbability())));
        text.append("capital   v*(s)      stake (lowest among ties)").append(System.lineSeparator());
        for (int s = 1; s < mdp.goal(); s++) {
            text.append(String.format(Locale.ROOT, "%7d   %.6f   %d%n", s, values[s], stakes[s]));
        }
        return text.toString();
    }

    private String jacksText(JacksCarRental mdp, PlanningResult result, double[] values, int[] moves) {
        int max = mdp.settings().maxCars();
        StringBuilder text = new StringBuilder(header(result,
                "Jack's car rental (Sutton & Barto Example 4.2): rows = cars at the first location (20 at the top), "
                        + "columns = cars at the second"));
        text.append("Policy: cars moved overnight from the first location to the second").append(System.lineSeparator());
        for (int first = max; first >= 0; first--) {
            for (int second = 0; second <= max; second++) {
                text.append(String.format(Locale.ROOT, "%3d", moves[mdp.state(first, second)]));
            }
            text.append(System.lineSeparator());
        }
        text.append(System.lineSeparator()).append("v* (dollars)").append(System.lineSeparator());
        for (int first = max; first >= 0; first--) {
            for (int second = 0; second <= max; second++) {
                text.append(String.format(Locale.ROOT, "%4.0f", values[mdp.state(first, second)]));
            }
            text.append(System.lineSeparator());
        }
        return text.toString();
    }
}
