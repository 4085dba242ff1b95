package dev.bellman.examples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.bellman.core.TabularPolicy;
import dev.bellman.env.grid.ForbiddenBump;
import dev.bellman.env.grid.GridAction;
import dev.bellman.env.grid.GridRenderer;
import dev.bellman.env.grid.GridWorld;
import dev.bellman.env.grid.GridWorldPreset;
import dev.bellman.tabular.dp.PlanningResult;
import dev.bellman.tabular.dp.PolicyEvaluation;
import dev.bellman.tabular.dp.PolicyIteration;
import dev.bellman.tabular.dp.TruncatedPolicyIteration;
import dev.bellman.tabular.dp.ValueIteration;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code bellman gridworld}: solves or evaluates a grid world and shows the state values and the
 * policy as arrows.
 */
@Command(name = "gridworld", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Solves or evaluates a grid world and shows the state values and the policy as arrows.",
                "Default: Zhao's 5x5 world solved by value iteration."})
final class GridWorldCommand implements Callable<Integer> {

    /** Where the world comes from: a preset or a map file. */
    static final class WorldSource {
        @Option(names = "--preset", paramLabel = "NAME",
                description = "A bundled world: zhao-5x5 (default), sutton-barto-3.5, sutton-barto-4.1.")
        String preset;

        @Option(names = "--map", paramLabel = "FILE",
                description = "A map file: one line per row; . free, # forbidden, W wall, T target, S start, X terminal.")
        Path map;
    }

    @ArgGroup(exclusive = true)
    WorldSource source = new WorldSource();

    @Option(names = "--algo", paramLabel = "NAME", defaultValue = "value-iteration",
            description = "value-iteration (default), policy-iteration, truncated-policy-iteration, policy-evaluation.")
    String algorithm;

    @Option(names = "--gamma", paramLabel = "G",
            description = "Discount factor in [0, 1]. Default: the preset's (0.9 for zhao-5x5 and --map).")
    Double gamma;

    @Option(names = "--tolerance", paramLabel = "T", defaultValue = "1e-10",
            description = "Stop when a sweep changes no value by T or more (max norm). Default: ${DEFAULT-VALUE}.")
    double tolerance;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
            description = "Seed of every random choice (the planners here make none). Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--reward-boundary", paramLabel = "R", description = "Reward for bumping the boundary or a wall.")
    Double rewardBoundary;

    @Option(names = "--reward-forbidden", paramLabel = "R", description = "Reward for entering or staying in a forbidden cell.")
    Double rewardForbidden;

    @Option(names = "--reward-target", paramLabel = "R", description = "Reward for entering or staying in the target.")
    Double rewardTarget;

    @Option(names = "--reward-step", paramLabel = "R", description = "Reward for every other move.")
    Double rewardStep;

    @Option(names = "--forbidden-bump", paramLabel = "boundary|sum",
            description = "What a bump from a forbidden cell earns: r_boundary (default) or r_boundary + r_forbidden.")
    String forbiddenBump;

    @Option(names = "--policy", paramLabel = "random|FILE",
            description = "Policy to evaluate with --algo policy-evaluation: the uniform random policy (default) "
                    + "or a file with one letter per cell (U R D L S).")
    String policy;

    @Option(names = "--epsilon", paramLabel = "E",
            description = "Make the --policy epsilon-greedy: its action keeps 1 - E(|A|-1)/|A|, every other action E/|A|.")
    Double epsilon;

    @Option(names = "--evaluation-sweeps", paramLabel = "J", defaultValue = "5",
            description = "Evaluation sweeps per iteration of truncated-policy-iteration. Default: ${DEFAULT-VALUE}.")
    int evaluationSweeps;

    @Option(names = "--decimals", paramLabel = "N", defaultValue = "1",
            description = "Decimals of the values in text output. Default: ${DEFAULT-VALUE}, as the book prints them.")
    int decimals;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "text (default) or json (JSON alone on standard output).")
    String format;

    @Option(names = "--out", paramLabel = "DIR", description = "Also write result.txt and result.json into DIR.")
    Path out;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        GridAlgorithm algo = GridAlgorithm.byIdForOption(algorithm);
        boolean json = switch (format.toLowerCase(Locale.ROOT)) {
            case "text" -> false;
            case "json" -> true;
            default -> throw new IllegalArgumentException("--format " + format + " is not allowed; expected text or json");
        };
        checkOptions(algo);

        GridWorldPreset preset = source.map == null
                ? GridWorldPreset.byId(source.preset == null ? GridWorldPreset.ZHAO_5X5.id() : source.preset) : null;
        GridWorld world = buildWorld(preset);
        double discount = gamma != null ? gamma : preset != null ? preset.gamma() : 0.9;
        String worldName = preset != null ? preset.id() : source.map.toString();

        PlanningResult result = solve(algo, world, discount);
        Map<String, Object> report = jsonReport(algo, world, result, discount);
        String text = textReport(algo, world, worldName, result, discount);

        PrintWriter stdout = spec.commandLine().getOut();
        String rendered = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report);
        stdout.print(json ? rendered + System.lineSeparator() : text);
        stdout.flush();
        if (out != null) {
            Files.createDirectories(out);
            Files.writeString(out.resolve("result.txt"), text, StandardCharsets.UTF_8);
            Files.writeString(out.resolve("result.json"), rendered + "\n", StandardCharsets.UTF_8);
        }
        return 0;
    }

    private void checkOptions(GridAlgorithm algo) {
        if (gamma != null && !(gamma >= 0 && gamma <= 1)) {
            throw new IllegalArgumentException("--gamma " + gamma + " is outside [0, 1]");
        }
        if (!(tolerance > 0) || !Double.isFinite(tolerance)) {
            throw new IllegalArgumentException("--tolerance " + tolerance + " must be a finite number > 0");
        }
        if (epsilon != null && !(epsilon >= 0 && epsilon <= 1)) {
            throw new IllegalArgumentException("--epsilon " + epsilon + " is outside [0, 1]");
        }
        if (evaluationSweeps < 1) {
            throw new IllegalArgumentException("--evaluation-sweeps " + evaluationSweeps + " must be at least 1");
        }
        if (decimals < 0 || decimals > 12) {
            throw new IllegalArgumentException("--decimals " + decimals + " is outside [0, 12]");
        }
        if (algo != GridAlgorithm.POLICY_EVALUATION && (policy != null || epsilon != null)) {
            throw new IllegalArgumentException((policy != null ? "--policy" : "--epsilon")
                    + " applies only to --algo policy-evaluation, not " + algo.id());
        }
    }

    private GridWorld buildWorld(GridWorldPreset preset) {
        GridWorld.Builder builder;
        if (preset != null) {
            builder = preset.builder();
        } else {
            String map;
            try {
                map = Files.readString(source.map, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new IllegalArgumentException("--map " + source.map + ": no such file");
            } catch (IOException e) {
                throw new IllegalArgumentException("--map " + source.map + ": cannot be read (" + e.getMessage() + ")");
            }
            try {
                builder = GridWorld.builder(map);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--map " + source.map + ": " + e.getMessage());
            }
        }
        if (rewardBoundary != null) {
            builder.rewardBoundary(rewardBoundary);
        }
        if (rewardForbidden != null) {
            builder.rewardForbidden(rewardForbidden);
        }
        if (rewardTarget != null) {
            builder.rewardTarget(rewardTarget);
        }
        if (rewardStep != null) {
            builder.rewardStep(rewardStep);
        }
        if (forbiddenBump != null) {
            builder.forbiddenBump(switch (forbiddenBump.toLowerCase(Locale.ROOT)) {
                case "boundary" -> ForbiddenBump.BOUNDARY;
                case "sum" -> ForbiddenBump.SUM;
                default -> throw new IllegalArgumentException("--forbidden-bump " + forbiddenBump
                        + " is not allowed; expected boundary or sum");
            });
        }
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException((source.map != null ? "--map " + source.map + ": " : "") + e.getMessage());
        }
    }

    private PlanningResult solve(GridAlgorithm algo, GridWorld world, double discount) {
        return switch (algo) {
            case VALUE_ITERATION -> new ValueIteration(discount, tolerance).solve(world);
            case POLICY_ITERATION -> new PolicyIteration(discount, tolerance).solve(world);
            case TRUNCATED_POLICY_ITERATION -> new TruncatedPolicyIteration(discount, tolerance, evaluationSweeps).solve(world);
            case POLICY_EVALUATION -> new PolicyEvaluation(discount, tolerance, PolicyEvaluation.Method.TWO_ARRAY)
                    .evaluate(world, evaluatedPolicy(world));
        };
    }

    private TabularPolicy evaluatedPolicy(GridWorld world) {
        if (policy == null || policy.equalsIgnoreCase("random")) {
            if (epsilon != null) {
                throw new IllegalArgumentException("--epsilon needs a --policy FILE; the random policy is already uniform");
            }
            return TabularPolicy.uniform(world.stateCount(), world.actionCount());
        }
        int[] actions = PolicyFile.read(Path.of(policy), world);
        return TabularPolicy.epsilonGreedy(actions, world.actionCount(), epsilon == null ? 0 : epsilon);
    }

    /** The cell's action in the output: the greedy or most probable one; none for walls and terminal cells. */
    private static GridAction shownAction(GridWorld world, PlanningResult result, int state) {
        return world.isTerminal(state) ? null : GridAction.values()[result.policy().mostProbableAction(state)];
    }

    private Map<String, Object> jsonReport(GridAlgorithm algo, GridWorld world, PlanningResult result, double discount) {
        double[] values = result.stateValues().toArray();
        List<List<Double>> valueRows = new ArrayList<>();
        List<List<String>> policyRows = new ArrayList<>();
        for (int r = 0; r < world.rows(); r++) {
            List<Double> valueRow = new ArrayList<>();
            List<String> policyRow = new ArrayList<>();
            for (int c = 0; c < world.cols(); c++) {
                int s = world.state(r, c);
                GridAction action = shownAction(world, result, s);
                valueRow.add(world.isTerminal(s) ? 0.0 : values[s]);
                policyRow.add(action == null ? null : action.name());
            }
            valueRows.add(valueRow);
            policyRows.add(policyRow);
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("algorithm", algo.id());
        report.put("values", valueRows);
        report.put("policy", policyRows);
        report.put("iterations", result.iterations());
        report.put("gamma", discount);
        report.put("converged", result.converged());
        return report;
    }

    private String textReport(GridAlgorithm algo, GridWorld world, String worldName, PlanningResult result, double discount) {
        double[] values = result.stateValues().toArray();
        double[] residuals = result.residuals();
        String unit = algo == GridAlgorithm.POLICY_ITERATION || algo == GridAlgorithm.TRUNCATED_POLICY_ITERATION
                ? "improvement steps" : "sweeps";
        String outcome = result.converged()
                ? "converged after " + result.iterations() + " " + unit
                : "stopped WITHOUT converging after " + result.iterations() + " " + unit;
        if (residuals.length > 0) {
            outcome += String.format(Locale.ROOT, " (last change %.2e, tolerance %.0e)",
                    residuals[residuals.length - 1], tolerance);
        }
        String nl = System.lineSeparator();
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%s: %dx%d grid world, %d actions, gamma %s%n", worldName, world.rows(),
                world.cols(), world.actionCount(), trim(discount)));
        text.append(algo.id()).append(": ").append(outcome).append(nl).append(nl);
        text.append("Map (# forbidden, T target, S start, X terminal, \u2588 wall)").append(nl)
                .append(GridRenderer.map(world)).append(nl);
        text.append(algo == GridAlgorithm.POLICY_EVALUATION ? "State values of the policy" : "Optimal state values")
                .append(nl).append(GridRenderer.values(world, values, decimals)).append(nl);
        text.append(algo == GridAlgorithm.POLICY_EVALUATION ? "Evaluated policy (most probable action)" : "Greedy policy")
                .append(" (\u2191 up, \u2192 right, \u2193 down, \u2190 left, \u25cb stay, \u25a0 terminal")
                .append(algo == GridAlgorithm.POLICY_EVALUATION ? ", * no single most probable action)" : ")").append(nl)
                .append(GridRenderer.policy(world, result.policy()));
        return text.toString();
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
