package dev.bellman.examples;

import dev.bellman.core.CompactModel;
import dev.bellman.core.TabularModel;
import dev.bellman.core.TabularPolicy;
import dev.bellman.core.TrainingReport;
import dev.bellman.env.grid.CellType;
import dev.bellman.env.grid.ForbiddenBump;
import dev.bellman.env.grid.GridAction;
import dev.bellman.env.grid.GridRenderer;
import dev.bellman.env.grid.GridWorld;
import dev.bellman.env.grid.GridWorldPreset;
import dev.bellman.tabular.LearnerSettings;
import dev.bellman.tabular.TabularControlLearner;
import dev.bellman.tabular.dp.ModifiedPolicyIteration;
import dev.bellman.tabular.dp.PlanningResult;
import dev.bellman.tabular.dp.PolicyEvaluation;
import dev.bellman.tabular.dp.PolicyIteration;
import dev.bellman.tabular.dp.TruncatedPolicyIteration;
import dev.bellman.tabular.dp.ValueIteration;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
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
 * policy as arrows; with {@code --size}, solves the large zig-zag grid of issue 10 and reports time,
 * backups and memory instead ({@link ZigZagRun}).
 */
@Command(name = "gridworld", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Solves or evaluates a grid world and shows the state values and the policy as arrows.",
                "Default: Zhao's 5x5 world solved by value iteration.",
                "--size N: the generated zig-zag grid (up to 23170x23170), solved by a planner for large models;",
                "reports build and solve time, sweeps, backups/s, memory and the error against the closed form."})
final class GridWorldCommand implements Callable<Integer> {

    /** Where the world comes from: a preset or a map file. */
    static final class WorldSource {
        @Option(names = "--preset", paramLabel = "NAME",
                description = "A bundled world: zhao-5x5 (default), sutton-barto-3.5, sutton-barto-4.1.")
        String preset;

        @Option(names = "--map", paramLabel = "FILE",
                description = "A map file: one line per row; . free, # forbidden, W wall, T target, S start, X terminal.")
        Path map;

        @Option(names = "--size", paramLabel = "NxN",
                description = "The zig-zag grid of issue 10, N x N states (square only: NxN with equal sides, or N; "
                        + "N from 5 to 23170), e.g. 1000x1000.")
        String size;
    }

    /** The discount factor of {@code --size}: issue 10's benchmark. */
    static final double ZIG_ZAG_GAMMA = 0.99;
    /** The tolerance of {@code --size}: issue 10's benchmark. */
    static final double ZIG_ZAG_TOLERANCE = 1e-6;

    /** The learners' constant step size without {@code --alpha}. */
    static final double LEARNER_ALPHA = 0.1;
    /** The learners' exploration rate without {@code --epsilon}. */
    static final double LEARNER_EPSILON = 0.1;
    /** td-linear's step size without {@code --alpha}: Zhao's TD-Linear example (Chapter 8). */
    static final double TD_LINEAR_ALPHA = 0.0005;
    /** td-linear's features without {@code --features}. */
    static final String TD_LINEAR_FEATURES = "polynomial:3";
    /** td-linear's episode length without {@code --episode-length}. */
    static final long TD_LINEAR_EPISODE_LENGTH = 500;

    /** The options of {@code --size} that no other world takes. */
    private static final List<String> SIZE_ONLY = List.of("--precision", "--threads", "--order", "--write-model");
    /** The options of the small worlds that {@code --size} does not take. */
    private static final List<String> NOT_WITH_SIZE = List.of("--seed", "--reward-boundary", "--reward-forbidden",
            "--reward-target", "--reward-step", "--forbidden-bump", "--policy", "--epsilon", "--episodes", "--steps",
            "--quiet", "--alpha", "--features", "--episode-length", "--n", "--lambda", "--decimals");

    @ArgGroup(exclusive = true)
    WorldSource source = new WorldSource();

    @Option(names = "--algo", paramLabel = "NAME", defaultValue = "value-iteration",
            description = "Planners: value-iteration (default), policy-iteration, truncated-policy-iteration, "
                    + "policy-evaluation. Learners: mc-basic, mc-exploring-starts, mc-epsilon-greedy, sarsa, "
                    + "expected-sarsa, n-step-sarsa, sarsa-lambda, q-learning, double-q-learning. "
                    + "Linear prediction of --policy: td-linear (Zhao's TD-Linear, with --features). "
                    + "With --size: in-place-vi (default), mpi, prioritized-sweeping, value-iteration (synchronous).")
    String algorithm;

    @Option(names = "--gamma", paramLabel = "G",
            description = "Discount factor in [0, 1]. Default: the preset's (0.9 for zhao-5x5 and --map); 0.99 for --size.")
    Double gamma;

    @Option(names = "--tolerance", paramLabel = "T", defaultValue = "1e-10",
            description = "Stop when a sweep changes no value by T or more (max norm). Default: ${DEFAULT-VALUE}; "
                    + "1e-6 for --size.")
    double tolerance;

    @Option(names = "--precision", paramLabel = "float|double",
            description = "--size: the storage of the model's rewards. Default: float (-1 and 0 are exact in float).")
    String precision;

    @Option(names = "--threads", paramLabel = "N",
            description = "--size with in-place-vi or mpi: threads that share each sweep, at least 1. Default: 1.")
    Integer threads;

    @Option(names = "--order", paramLabel = "backward|natural",
            description = "--size with in-place-vi or mpi: sweep backward from the goal (default) or in state order.")
    String order;

    @Option(names = "--write-model", paramLabel = "FILE",
            description = "--size: also save the generated model as a Bellman MDP file (bellman mdp --file FILE solves it). Default: none.")
    Path writeModel;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
            description = "Seed of every random choice (the planners here make none). Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--reward-boundary", paramLabel = "R", description = "Reward for bumping the boundary or a wall. Default: the world's (-1 for --map and zhao-5x5; see docs/gridworld.md).")
    Double rewardBoundary;

    @Option(names = "--reward-forbidden", paramLabel = "R", description = "Reward for entering or staying in a forbidden cell. Default: the world's (-1 for --map and zhao-5x5).")
    Double rewardForbidden;

    @Option(names = "--reward-target", paramLabel = "R", description = "Reward for entering or staying in the target. Default: the world's (+1 for --map and zhao-5x5).")
    Double rewardTarget;

    @Option(names = "--reward-step", paramLabel = "R", description = "Reward for every other move. Default: the world's (0 for --map and zhao-5x5).")
    Double rewardStep;

    @Option(names = "--forbidden-bump", paramLabel = "boundary|sum",
            description = "What a bump from a forbidden cell earns: r_boundary (default) or r_boundary + r_forbidden.")
    String forbiddenBump;

    @Option(names = "--policy", paramLabel = "random|FILE",
            description = "Policy to evaluate with --algo policy-evaluation: the uniform random policy (default) "
                    + "or a file with one letter per cell (U R D L S).")
    String policy;

    @Option(names = "--epsilon", paramLabel = "E",
            description = "Learners: the exploration rate (default 0.1). policy-evaluation: make the --policy "
                    + "epsilon-greedy: its action keeps 1 - E(|A|-1)/|A|, every other action E/|A|.")
    Double epsilon;

    @picocli.CommandLine.Mixin
    BudgetOptions budget = new BudgetOptions();

    @Option(names = "--alpha", paramLabel = "A",
            description = "Learners: the constant step size in (0, 1]. Default: 0.1; td-linear: 0.0005 (Zhao's).")
    Double alpha;

    @Option(names = "--features", paramLabel = "SPEC",
            description = "td-linear: the features of a cell, " + FeatureSpec.FORMATS + "; polynomial and Fourier "
                    + "features are of the cell's normalised (x, y). Default: polynomial:3.")
    String features;

    @Option(names = "--episode-length", paramLabel = "L",
            description = "Learners: truncate episodes after L steps, 0 for no limit (with a --steps budget only); "
                    + "mc-basic: its episode length L. Default: 100 in worlds without terminal cells (Zhao's continuing "
                    + "task), else 100 times the number of cells (100 for mc-basic).")
    Long episodeLength;

    @Option(names = "--n", paramLabel = "N", defaultValue = "3",
            description = "n-step-sarsa: the number of rewards before bootstrapping. Default: ${DEFAULT-VALUE}.")
    int n;

    @Option(names = "--lambda", paramLabel = "L", defaultValue = "0.9",
            description = "sarsa-lambda: the trace decay in [0, 1] (replacing traces). Default: ${DEFAULT-VALUE}.")
    double lambda;

    /** The most evaluation sweeps per improvement step {@code --evaluation-sweeps} allows. */
    static final int MAX_EVALUATION_SWEEPS = 100_000;

    @Option(names = "--evaluation-sweeps", paramLabel = "J", defaultValue = "5",
            description = "Evaluation sweeps per iteration of truncated-policy-iteration (default ${DEFAULT-VALUE}) "
                    + "or, with --size, of mpi (default 10).")
    int evaluationSweeps;

    @Option(names = "--decimals", paramLabel = "N", defaultValue = "1",
            description = "Decimals of the values in text output. Default: ${DEFAULT-VALUE}, as the book prints them.")
    int decimals;

    @picocli.CommandLine.Mixin
    OutputOptions output = new OutputOptions();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (source.size != null) {
            return solveZigZag();
        }
        for (String option : SIZE_ONLY) {
            if (given(option)) {
                throw new IllegalArgumentException(option + " applies only to --size");
            }
        }
        GridAlgorithm algo = GridAlgorithm.byIdForOption(algorithm);
        output.json();
        checkOptions(algo);

        GridWorldPreset preset = source.map == null
                ? GridWorldPreset.byId(source.preset == null ? GridWorldPreset.ZHAO_5X5.id() : source.preset) : null;
        GridWorld world = buildWorld(preset);
        double discount = gamma != null ? gamma : preset != null ? preset.gamma() : 0.9;
        String worldName = preset != null ? preset.id() : source.map.toString();

        Outcome outcome = switch (algo.kind()) {
            case LEARNER -> learn(algo, world, discount);
            case APPROXIMATION -> approximate(world, discount);
            default -> plan(algo, world, discount);
        };
        Map<String, Object> report = jsonReport(algo, world, outcome, discount);
        String text = textReport(algo, world, worldName, outcome, discount);

        Path written = output.emit(spec.commandLine().getOut(), text, report);
        if (written != null && outcome.log() != null) {
            outcome.log().writeCsv(written.resolve("metrics.csv"));
            LearningCurve.writePng(outcome.log(), algo.id() + " on " + worldName, written.resolve("learning-curve.png"));
        }
        if (written != null) {
            String name = preset != null ? preset.id() : String.valueOf(source.map.getFileName());
            writePicture(world, outcome, written, name + ": " + algo.id() + ", \u03b3 = " + trim(discount));
        }
        return 0;
    }

    /**
     * Writes {@code DIR/values.png} and {@code DIR/values.svg}: the values as a heat map with the
     * arrows of {@link Outcome#arrows()}; for worlds above {@link GridPicture#MAX_CELLS} cells, one
     * line on standard error instead.
     */
    private void writePicture(GridWorld world, Outcome outcome, Path dir, String title) throws IOException {
        if (world.stateCount() > GridPicture.MAX_CELLS) {
            spec.commandLine().getErr().println(skippedPictureNote(world.rows(), world.cols()));
            return;
        }
        double[] shown = outcome.values().clone();
        for (int s = 0; s < shown.length; s++) {
            // As in the JSON: walls and terminal cells are 0, whatever a learner left there.
            shown[s] = world.isTerminal(s) ? 0 : shown[s];
        }
        GridPicture.builder(world, shown).policy(outcome.arrows()).decimals(decimals).title(title).build()
                .write(dir.resolve("values.png"), dir.resolve("values.svg"));
    }

    /** The line on standard error when a world is too large to draw. */
    static String skippedPictureNote(int rows, int cols) {
        return String.format(Locale.ROOT, "bellman gridworld: values.png and values.svg not written: the %dx%d grid has "
                + "%,d cells, more than the %,d a picture draws", rows, cols, (long) rows * cols, GridPicture.MAX_CELLS);
    }

    private boolean given(String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    /** {@code --size}: the zig-zag grid, solved by a planner for large models. */
    private int solveZigZag() throws IOException {
        int size = ZigZagRun.parseSize(source.size);
        output.json();
        for (String option : NOT_WITH_SIZE) {
            if (given(option)) {
                throw new IllegalArgumentException(option + " does not apply to --size (the zig-zag grid has fixed "
                        + "rewards, -1 per step, and is solved by a planner)");
            }
        }
        LargePlanner planner = given("--algo") ? LargePlanner.byIdForOption(algorithm, "--size")
                : LargePlanner.IN_PLACE_VI;
        if (order != null && !planner.sweepsInOrder()) {
            throw new IllegalArgumentException("--order applies only to in-place-vi and mpi, not " + planner.id());
        }
        if (given("--evaluation-sweeps") && planner != LargePlanner.MPI) {
            throw new IllegalArgumentException("--evaluation-sweeps with --size applies only to mpi, not " + planner.id());
        }
        LargePlanner.Settings settings = new LargePlanner.Settings(planner, gamma != null ? gamma : ZIG_ZAG_GAMMA,
                given("--tolerance") ? tolerance : ZIG_ZAG_TOLERANCE, threads != null ? threads : 1,
                LargePlanner.orderForOption(order != null ? order : "backward"),
                given("--evaluation-sweeps") ? evaluationSweeps : ModifiedPolicyIteration.DEFAULT_EVALUATION_SWEEPS);
        CompactModel.Precision storage = ZigZagRun.parsePrecision(precision != null ? precision : "float");
        ZigZagRun.Reports reports = new ZigZagRun(size, storage, settings, writeModel).execute();
        Path written = output.emit(spec.commandLine().getOut(), reports.text(), reports.json());
        if (written != null) {
            if ((long) size * size > GridPicture.MAX_CELLS) {
                spec.commandLine().getErr().println(skippedPictureNote(size, size));
            } else {
                ZigZagRun.picture(size, reports.result(), "zig-zag " + size + "x" + size + ": " + planner.id()
                        + ", \u03b3 = " + trim(settings.gamma())).write(written.resolve("values.png"), written.resolve("values.svg"));
            }
        }
        return 0;
    }

    /**
     * What any algorithm produced for the report.
     *
     * @param log           the episodes of a learner, else null
     * @param path          the greedy path from the start, learners only
     * @param approximation the linear estimate's comparison with the exact values, td-linear only
     * @param arrows        the policy the picture draws: greedy with every tie for planners and learners,
     *                      the evaluated policy for evaluations
     */
    private record Outcome(double[] values, TabularPolicy policy, int iterations, boolean converged, String summary,
                           EpisodeLog log, GreedyPath path, long steps, GridApproximation.Result approximation,
                           TabularPolicy arrows) {
    }

    private Outcome plan(GridAlgorithm algo, GridWorld world, double discount) {
        PlanningResult result = solve(algo, world, discount);
        double[] residuals = result.residuals();
        String unit = algo == GridAlgorithm.POLICY_ITERATION || algo == GridAlgorithm.TRUNCATED_POLICY_ITERATION
                ? "improvement steps" : "sweeps";
        String summary = result.converged()
                ? "converged after " + result.iterations() + " " + unit
                : "stopped WITHOUT converging after " + result.iterations() + " " + unit;
        if (residuals.length > 0) {
            summary += String.format(Locale.ROOT, " (last change %.2e, tolerance %.0e)",
                    residuals[residuals.length - 1], tolerance);
        }
        // An evaluation's q values are the evaluated policy's: its greedy actions are not what was evaluated.
        TabularPolicy arrows = algo == GridAlgorithm.POLICY_EVALUATION ? result.policy()
                : GridPicture.greedyWithTies(result.actionValues());
        return new Outcome(result.stateValues().toArray(), result.policy(), result.iterations(), result.converged(),
                summary, null, null, 0, null, arrows);
    }

    private Outcome learn(GridAlgorithm algo, GridWorld world, double discount) {
        boolean continuing = true;
        for (int s = 0; s < world.stateCount(); s++) {
            // Walls and cliffs are terminal only because the agent never stands on them.
            continuing &= !world.isTerminal(s) || world.cell(s) == CellType.WALL || world.cell(s) == CellType.CLIFF;
        }
        // With terminal cells, still a limit: the start may not reach them, or the agent may learn to avoid them.
        long limit = episodeLength != null ? episodeLength : continuing ? 100 : 100L * world.stateCount();
        double exploration = epsilon == null ? LEARNER_EPSILON : epsilon;
        double stepSize = alpha == null ? LEARNER_ALPHA : alpha;
        LearnerSettings settings = LearnerSettings.builder().gamma(discount).alpha(stepSize).epsilon(exploration)
                .seed(seed).maxEpisodeLength(limit).build();
        TabularControlLearner learner = GridLearners.create(algo, settings, n, lambda);
        EpisodeLog log = new EpisodeLog();
        learner.addListener(log);
        TrainingReport report = budget.train(learner, world);
        int start = world.startState() >= 0 ? world.startState() : 0;
        GreedyPath path = GreedyPath.follow(world, TabularModel.of(world), learner.policy(), start);
        String summary = String.format(Locale.ROOT, "%d episodes, %d steps (alpha %s, epsilon %s, seed %d, %s)",
                report.episodeCount(), report.totalSteps(), stepSize, exploration, seed,
                limit > 0 ? "episodes of at most " + limit + " steps" : "no episode-length limit");
        return new Outcome(learner.stateValues().toArray(), learner.policy(), report.episodeCount(), true, summary, log,
                path, report.totalSteps(), null, GridPicture.greedyWithTies(learner.actionValues()));
    }

    private Outcome approximate(GridWorld world, double discount) {
        FeatureSpec spec = FeatureSpec.parse(features == null ? TD_LINEAR_FEATURES : features, "--features");
        TabularPolicy evaluated = evaluatedPolicy(world);
        long limit = episodeLength != null ? episodeLength : TD_LINEAR_EPISODE_LENGTH;
        double stepSize = alpha == null ? TD_LINEAR_ALPHA : alpha;
        LearnerSettings settings = LearnerSettings.builder().gamma(discount).alpha(stepSize).seed(seed)
                .maxEpisodeLength(limit).build();
        GridApproximation.Result result = GridApproximation.evaluate(world, evaluated, spec, settings, budget, tolerance);
        String summary = String.format(Locale.ROOT,
                "%s features (%d), %d episodes, %d steps (alpha %s, seed %d, episodes of at most %d steps): "
                        + "RMSE %.4f against the exact values", spec, result.weights().length, result.episodes(),
                result.steps(), stepSize, seed, limit, result.rmse());
        return new Outcome(result.estimate(), evaluated, result.episodes(), true, summary, result.log(), null,
                result.steps(), result, evaluated);
    }

    private void checkOptions(GridAlgorithm algo) {
        OptionChecks.unitInterval("--gamma", gamma);
        if (!(tolerance > 0) || !Double.isFinite(tolerance)) {
            throw new IllegalArgumentException("--tolerance " + tolerance + " must be a finite number > 0");
        }
        OptionChecks.unitInterval("--epsilon", epsilon);
        OptionChecks.atLeastOne("--evaluation-sweeps", evaluationSweeps);
        if (evaluationSweeps > MAX_EVALUATION_SWEEPS) {
            // Truncated policy iteration runs every one of them in each improvement step.
            throw new IllegalArgumentException("--evaluation-sweeps " + evaluationSweeps + " is more than "
                    + MAX_EVALUATION_SWEEPS + "; use policy-iteration for an exact evaluation");
        }
        if (decimals < 0 || decimals > 12) {
            throw new IllegalArgumentException("--decimals " + decimals + " is outside [0, 12]");
        }
        boolean approximation = algo.kind() == GridAlgorithm.Kind.APPROXIMATION;
        boolean learner = algo.kind() == GridAlgorithm.Kind.LEARNER || approximation;
        boolean evaluates = algo == GridAlgorithm.POLICY_EVALUATION || approximation;
        if (policy != null && !evaluates) {
            throw new IllegalArgumentException("--policy applies only to policy-evaluation and td-linear, not " + algo.id());
        }
        if (epsilon != null && !learner && !evaluates) {
            throw new IllegalArgumentException("--epsilon applies only to learners, policy-evaluation and td-linear, not "
                    + algo.id());
        }
        if (features != null && !approximation) {
            throw new IllegalArgumentException("--features applies only to td-linear, not " + algo.id());
        }
        String learnerOnly = budget.given() ? budget.givenOption() : episodeLength != null ? "--episode-length" : null;
        if (learnerOnly != null && !learner) {
            throw new IllegalArgumentException(learnerOnly + " applies only to model-free learners, not " + algo.id());
        }
        budget.check();
        OptionChecks.stepSize("--alpha", alpha);
        if (episodeLength != null && episodeLength < 0) {
            throw new IllegalArgumentException("--episode-length " + episodeLength + " is negative; expected 0 (no limit) or more");
        }
        if (episodeLength != null && episodeLength == 0 && budget.steps == null && !algo.id().equals("mc-basic")) {
            // An episode may never end (a continuing world, an unreachable terminal cell): only a step budget ends the run.
            throw new IllegalArgumentException("--episode-length 0 (no limit) needs a --steps budget: with --episodes an "
                    + "episode that never ends would run forever");
        }
        OptionChecks.atLeastOne("--n", n);
        OptionChecks.unitInterval("--lambda", lambda);
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
            default -> throw new IllegalStateException(algo.id() + " is not a planner");
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
    private static GridAction shownAction(GridWorld world, TabularPolicy policy, int state) {
        return world.isTerminal(state) ? null : GridAction.values()[policy.mostProbableAction(state)];
    }

    private Map<String, Object> jsonReport(GridAlgorithm algo, GridWorld world, Outcome outcome, double discount) {
        double[] values = outcome.values();
        List<List<Double>> valueRows = new ArrayList<>();
        List<List<String>> policyRows = new ArrayList<>();
        for (int r = 0; r < world.rows(); r++) {
            List<Double> valueRow = new ArrayList<>();
            List<String> policyRow = new ArrayList<>();
            for (int c = 0; c < world.cols(); c++) {
                int s = world.state(r, c);
                GridAction action = shownAction(world, outcome.policy(), s);
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
        report.put("iterations", outcome.iterations());
        report.put("gamma", discount);
        report.put("converged", outcome.converged());
        if (outcome.path() != null) {
            report.put("episodes", outcome.iterations());
            report.put("steps", outcome.steps());
            List<List<Integer>> cells = new ArrayList<>();
            for (int s : outcome.path().states()) {
                cells.add(List.of(world.row(s), world.col(s)));
            }
            report.put("path", cells);
            report.put("pathReturn", outcome.path().totalReward());
            report.put("pathReachesGoal", outcome.path().reachedGoal());
        }
        GridApproximation.Result approximation = outcome.approximation();
        if (approximation != null) {
            report.put("features", approximation.features());
            report.put("weights", approximation.weights());
            report.put("rmse", approximation.rmse());
            report.put("exactValues", approximation.exact());
            report.put("episodes", approximation.episodes());
            report.put("steps", approximation.steps());
        }
        return report;
    }

    private String textReport(GridAlgorithm algo, GridWorld world, String worldName, Outcome outcome, double discount) {
        boolean approximation = outcome.approximation() != null;
        boolean evaluation = algo == GridAlgorithm.POLICY_EVALUATION || approximation;
        boolean learner = outcome.log() != null;
        String nl = System.lineSeparator();
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%s: %dx%d grid world, %d actions, gamma %s%n", worldName, world.rows(),
                world.cols(), world.actionCount(), trim(discount)));
        text.append(algo.id()).append(": ").append(outcome.summary()).append(nl);
        if (learner) {
            text.append("Learning curve: ").append(LearningCurve.sparkline(outcome.log())).append(nl);
        }
        text.append(nl);
        text.append("Map (# forbidden, T target, S start, X terminal, \u2588 wall)").append(nl)
                .append(GridRenderer.map(world)).append(nl);
        String heading = approximation ? "Estimated state values (linear in the features)"
                : evaluation ? "State values of the policy"
                : learner ? "Learned state values (max over actions of q)" : "Optimal state values";
        text.append(heading).append(nl).append(GridRenderer.values(world, outcome.values(), decimals)).append(nl);
        if (approximation) {
            text.append("Exact state values of the policy (exact policy evaluation)").append(nl)
                    .append(GridRenderer.values(world, outcome.approximation().exact(), decimals)).append(nl);
        }
        text.append(evaluation ? "Evaluated policy (most probable action)" : "Greedy policy")
                .append(" (\u2191 up, \u2192 right, \u2193 down, \u2190 left, \u25cb stay, \u25a0 terminal")
                .append(evaluation ? ", * no single most probable action)" : ")").append(nl)
                .append(GridRenderer.policy(world, outcome.policy()));
        if (outcome.path() != null) {
            GreedyPath path = outcome.path();
            StringBuilder cells = new StringBuilder();
            for (int s : path.states()) {
                cells.append(cells.length() == 0 ? "" : " \u2192 ").append("(").append(world.row(s)).append(",")
                        .append(world.col(s)).append(")");
            }
            text.append(nl).append(String.format(Locale.ROOT, "Greedy path from (%d,%d): %d moves, return %s%s%n%s%n",
                    world.row(path.states().get(0)), world.col(path.states().get(0)), path.moves(),
                    trim(path.totalReward()), path.reachedGoal() ? "" : " (does not reach the goal)", cells));
        }
        return text.toString();
    }

    private static String trim(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value) : String.valueOf(value);
    }
}
