package dev.bellman.examples;

import dev.bellman.deep.ac.ActorCriticConfig;
import dev.bellman.deep.ac.SacConfig;
import dev.bellman.deep.dqn.DqnConfig;
import dev.bellman.env.classic.Environments;
import dev.bellman.env.grid.GridWorldPreset;
import dev.bellman.tabular.dp.ModifiedPolicyIteration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * {@code bellman algos}: every algorithm the command line offers, with the command that runs it, the
 * spaces it needs and its hyper-parameters' defaults and where each comes from. Nothing here
 * repeats a number: the names come from the commands' own lists ({@link GridAlgorithm},
 * {@link LargePlanner}, {@link TrainCommand#ALGORITHMS} and the deep lists), the defaults from the
 * config records' factories, {@link DeepOptions}' rl-zoo settings, the commands' option defaults
 * and the constants the commands use, so that the listing cannot drift from what a run does.
 */
@Command(name = "algos", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Lists every algorithm of gridworld, mdp and train, the spaces it needs and its hyper-parameters "
                + "with their defaults and sources; with NAME, shows that algorithm in detail.",
                "Example: bellman algos dqn",
                "Example: bellman algos --command train --format json"})
final class AlgosCommand implements Callable<Integer> {

    @Parameters(paramLabel = "NAME", arity = "0..1",
            description = "Show this algorithm in detail (every command that has one of that name, e.g. sarsa in "
                    + "gridworld and in train). Default: list them all.")
    String name;

    @Option(names = "--command", paramLabel = "gridworld|mdp|train",
            description = "Only the algorithms of this command. Default: every command's.")
    String command;

    @Mixin
    OutputOptions output = new OutputOptions();

    @Spec
    CommandSpec spec;

    /** The commands that run algorithms, for {@code --command}. */
    static final List<String> COMMANDS = List.of("gridworld", "mdp", "train");

    /**
     * One hyper-parameter and its default.
     *
     * @param name          the name the code and the books use ({@code alpha}, {@code learningRate})
     * @param option        the option that sets it, or null where none does
     * @param defaultValue  its value when the option is not given
     * @param source        where that value comes from
     * @param byEnvironment the values that differ from {@code defaultValue} for some environments
     *                      (rl-zoo's tuned settings, the book's discount factors); empty where none do
     */
    record Parameter(String name, String option, Object defaultValue, String source, Map<String, Object> byEnvironment) {

        Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("name", name);
            json.put("option", option);
            json.put("default", defaultValue);
            json.put("source", source);
            json.put("byEnvironment", byEnvironment);
            return json;
        }
    }

    /**
     * One algorithm as a command offers it.
     *
     * @param name             the name {@code --algo} takes
     * @param command          the command (and option) that runs it
     * @param family           what kind of method it is
     * @param observationSpace the observations it needs: Discrete or Box
     * @param actionSpace      the actions it needs: Discrete or Box
     * @param environments     the bundled environments it runs on
     * @param description      one line: what it is and where it comes from
     * @param parameters       its hyper-parameters
     */
    record Algorithm(String name, String command, String family, String observationSpace, String actionSpace,
                     List<String> environments, String description, List<Parameter> parameters) {

        Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("name", name);
            json.put("command", command);
            json.put("family", family);
            json.put("observationSpace", observationSpace);
            json.put("actionSpace", actionSpace);
            json.put("environments", environments);
            json.put("description", description);
            json.put("hyperParameters", parameters.stream().map(Parameter::json).toList());
            return json;
        }
    }

    private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("value-iteration", "Value iteration: Bellman optimality backups until the values settle (S&B §4.4, Zhao Ch. 4)"),
            Map.entry("policy-iteration", "Policy iteration: exact evaluation and greedy improvement (S&B §4.3, Zhao Ch. 4)"),
            Map.entry("truncated-policy-iteration", "Truncated policy iteration: a few evaluation sweeps per improvement (Zhao §4.3)"),
            Map.entry("policy-evaluation", "Iterative policy evaluation of a given policy (S&B §4.1, Zhao Ch. 2)"),
            Map.entry("mc-basic", "MC Basic: policy iteration with Monte Carlo estimates of every (s, a) (Zhao §5.2)"),
            Map.entry("mc-exploring-starts", "Monte Carlo control with exploring starts (S&B §5.3, Zhao §5.3)"),
            Map.entry("mc-epsilon-greedy", "On-policy first-visit Monte Carlo control with an epsilon-greedy policy (S&B §5.4)"),
            Map.entry("sarsa", "Sarsa: on-policy TD control (S&B §6.4)"),
            Map.entry("expected-sarsa", "Expected Sarsa: TD control on the expected next value (S&B §6.6)"),
            Map.entry("n-step-sarsa", "n-step Sarsa (S&B §7.2)"),
            Map.entry("sarsa-lambda", "Sarsa(lambda) with replacing traces (S&B §12.7)"),
            Map.entry("q-learning", "Q-learning: off-policy TD control (S&B §6.5)"),
            Map.entry("double-q-learning", "Double Q-learning: two tables against maximisation bias (S&B §6.7)"),
            Map.entry("td-linear", "TD(0) with linear features, predicting a policy's values (Zhao §8.2)"),
            Map.entry("in-place-vi", "In-place (Gauss-Seidel) value iteration on a compact model, optionally threaded"),
            Map.entry("mpi", "Modified policy iteration on a compact model (Puterman & Shin 1978)"),
            Map.entry("prioritized-sweeping", "Prioritized sweeping: backs up the state of largest residual bound first"),
            Map.entry("train/sarsa", "Episodic semi-gradient Sarsa with linear features (S&B §10.1)"),
            Map.entry("train/n-step-sarsa", "Episodic semi-gradient n-step Sarsa with linear features (S&B §10.2)"),
            Map.entry("train/q-learning", "Q-learning with linear features"),
            Map.entry("train/true-online-sarsa-lambda", "True online Sarsa(lambda) (van Seijen et al. 2016; S&B §12.8)"),
            Map.entry("train/lspi", "Least-squares policy iteration (Lagoudakis & Parr 2003)"),
            Map.entry("dqn", "Deep Q-network with a target network and replay (Mnih et al. 2015)"),
            Map.entry("double-dqn", "Double DQN: the online network picks, the target evaluates (van Hasselt et al. 2016)"),
            Map.entry("dueling-dqn", "Double DQN with dueling value and advantage heads (Wang et al. 2016)"),
            Map.entry("ddpg", "Deep deterministic policy gradient (Lillicrap et al. 2016)"),
            Map.entry("td3", "Twin delayed DDPG (Fujimoto et al. 2018)"),
            Map.entry("sac", "Soft actor-critic with a learned entropy coefficient (Haarnoja et al. 2018)"));

    /** Where the defaults of the config records' components that Stable-Baselines3 does not have come from. */
    private static final Map<String, String> NOT_SB3 = Map.of(
            "doubleDqn", "chosen by --algo (double-dqn, dueling-dqn)",
            "dueling", "chosen by --algo (dueling-dqn)",
            "nSteps", "one-step targets, as DQN (Mnih et al. 2015)",
            "prioritized", "uniform replay, as DQN; Schaul et al. 2016 with --prioritized",
            "priorityAlpha", "Schaul et al. 2016",
            "priorityBetaStart", "Schaul et al. 2016",
            "critics", "one critic for DDPG, twin critics for TD3 (Fujimoto et al. 2018)",
            "threads", "Bellman's default",
            "checkpointReplay", "Bellman's default");

    /** @return every algorithm of every command, gridworld's first, then the large planners, then train's */
    static List<Algorithm> catalog() {
        CommandSpec grid = CommandSpec.forAnnotatedObject(new GridWorldCommand());
        CommandSpec train = CommandSpec.forAnnotatedObject(new TrainCommand());
        List<Algorithm> algorithms = new ArrayList<>();
        List<String> worlds = new ArrayList<>(Arrays.stream(GridWorldPreset.values()).map(GridWorldPreset::id).toList());
        worlds.add("--map FILE");
        Map<String, Object> presetGammas = new LinkedHashMap<>();
        for (GridWorldPreset preset : GridWorldPreset.values()) {
            presetGammas.put(preset.id(), preset.gamma());
        }
        for (GridAlgorithm algo : GridAlgorithm.values()) {
            List<Parameter> parameters = new ArrayList<>();
            // A --map world has the seed articles' semantics, Zhao's 5x5 world's discount included.
            parameters.add(new Parameter("gamma", "--gamma", GridWorldPreset.ZHAO_5X5.gamma(),
                    "the book's figure for each preset (GridWorldPreset.gamma()); Zhao's 0.9 for --map", presetGammas));
            String command = "gridworld";
            String family;
            switch (algo.kind()) {
                case PLANNER, EVALUATION -> {
                    family = algo.kind() == GridAlgorithm.Kind.PLANNER ? "dynamic programming" : "dynamic programming (prediction)";
                    parameters.add(optionParameter(grid, "tolerance", "--tolerance", "DESIGN.md: stop when a sweep's max-norm change is below it"));
                    if (algo == GridAlgorithm.TRUNCATED_POLICY_ITERATION) {
                        parameters.add(optionParameter(grid, "evaluationSweeps", "--evaluation-sweeps", "Zhao §4.3's truncation"));
                    }
                    if (algo == GridAlgorithm.POLICY_EVALUATION) {
                        parameters.add(new Parameter("policy", "--policy", "random", "the uniform random policy", Map.of()));
                        parameters.add(new Parameter("epsilon", "--epsilon", 0.0, "the policy as given (Zhao's epsilon-greedy form when set)", Map.of()));
                    } else {
                        command = "gridworld, mdp --preset";
                    }
                }
                case LEARNER -> {
                    family = "tabular " + (algo.id().startsWith("mc-") ? "Monte Carlo" : "temporal-difference") + " control";
                    parameters.add(new Parameter("alpha", "--alpha", GridWorldCommand.LEARNER_ALPHA, "bellman gridworld (constant step size)", Map.of()));
                    parameters.add(new Parameter("epsilon", "--epsilon", GridWorldCommand.LEARNER_EPSILON, "bellman gridworld", Map.of()));
                    parameters.add(new Parameter("episodes", "--episodes", BudgetOptions.DEFAULT_EPISODES, "bellman gridworld", Map.of()));
                    parameters.add(new Parameter("episodeLength", "--episode-length", "100 without terminal cells, else 100 x cells",
                            "Zhao's continuing task; a bound where terminal cells may never be reached", Map.of()));
                    if (algo == GridAlgorithm.N_STEP_SARSA) {
                        parameters.add(optionParameter(grid, "n", "--n", "bellman gridworld"));
                    }
                    if (algo == GridAlgorithm.SARSA_LAMBDA) {
                        parameters.add(optionParameter(grid, "lambda", "--lambda", "bellman gridworld"));
                    }
                }
                default -> {
                    family = "linear prediction";
                    parameters.add(new Parameter("alpha", "--alpha", GridWorldCommand.TD_LINEAR_ALPHA, "Zhao §8.2's TD-Linear example", Map.of()));
                    parameters.add(new Parameter("features", "--features", GridWorldCommand.TD_LINEAR_FEATURES, "bellman gridworld", Map.of()));
                    parameters.add(new Parameter("episodeLength", "--episode-length", GridWorldCommand.TD_LINEAR_EPISODE_LENGTH, "bellman gridworld", Map.of()));
                    parameters.add(new Parameter("episodes", "--episodes", BudgetOptions.DEFAULT_EPISODES, "bellman gridworld", Map.of()));
                }
            }
            algorithms.add(new Algorithm(algo.id(), command, family, "Discrete", "Discrete", worlds,
                    DESCRIPTIONS.getOrDefault(algo.id(), ""), parameters));
        }
        for (LargePlanner planner : LargePlanner.values()) {
            List<Parameter> parameters = new ArrayList<>();
            parameters.add(new Parameter("gamma", "--gamma", MdpCommand.FILE_GAMMA, "issue 10's benchmark", Map.of()));
            parameters.add(new Parameter("tolerance", "--tolerance", MdpCommand.FILE_TOLERANCE, "issue 10's benchmark", Map.of()));
            if (planner.sweepsInOrder()) {
                parameters.add(new Parameter("threads", "--threads", 1, "one thread", Map.of()));
                parameters.add(new Parameter("order", "--order", "backward", "sweep backward from the terminal states", Map.of()));
            }
            if (planner == LargePlanner.MPI) {
                parameters.add(new Parameter("evaluationSweeps", "--evaluation-sweeps", ModifiedPolicyIteration.DEFAULT_EVALUATION_SWEEPS,
                        "ModifiedPolicyIteration.DEFAULT_EVALUATION_SWEEPS", Map.of()));
            }
            String description = planner == LargePlanner.VALUE_ITERATION
                    ? "Synchronous value iteration on a compiled model: the baseline of the large planners"
                    : DESCRIPTIONS.getOrDefault(planner.id(), "");
            algorithms.add(new Algorithm(planner.id(), "mdp --file, gridworld --size", "dynamic programming (large models)",
                    "Discrete", "Discrete", List.of("an MDP file", "the zig-zag grid"), description, parameters));
        }
        List<String> discrete = Environments.ids().stream().filter(AlgosCommand::discreteActions).toList();
        List<String> continuous = Environments.ids().stream().filter(id -> !discreteActions(id)).toList();
        for (String algo : TrainCommand.ALGORITHMS) {
            algorithms.add(new Algorithm(algo, "train", "linear control", "Box", "Discrete", discrete,
                    DESCRIPTIONS.getOrDefault("train/" + algo, ""), linearParameters(train, algo, discrete)));
        }
        for (String algo : TrainCommand.DEEP_ALGORITHMS) {
            DqnConfig defaults = DqnConfig.builder().doubleDqn(!algo.equals("dqn")).dueling(algo.equals("dueling-dqn")).build();
            algorithms.add(new Algorithm(algo, "train", "deep value-based", "Box", "Discrete", discrete,
                    DESCRIPTIONS.getOrDefault(algo, ""), deepParameters(algo, defaults, "DqnConfig.builder()", "dqn.yml",
                    discrete, env -> new DeepOptions().dqnConfig(env, algo, null))));
        }
        for (String algo : TrainCommand.ACTOR_CRITIC_ALGORITHMS) {
            Record defaults = algo.equals("sac") ? SacConfig.builder().build()
                    : algo.equals("td3") ? ActorCriticConfig.td3().build() : ActorCriticConfig.ddpg().build();
            String factory = algo.equals("sac") ? "SacConfig.builder()" : "ActorCriticConfig." + algo + "()";
            Function<String, Record> zoo = env -> algo.equals("sac") ? new DeepOptions().sacConfig(env, null)
                    : new DeepOptions().actorCriticConfig(env, algo, null);
            algorithms.add(new Algorithm(algo, "train", "deep actor-critic", "Box", "Box", continuous,
                    DESCRIPTIONS.getOrDefault(algo, ""), deepParameters(algo, defaults, factory, algo + ".yml", continuous, zoo)));
        }
        return algorithms;
    }

    private static boolean discreteActions(String id) {
        return Environments.make(id).actionSpace() instanceof dev.bellman.core.space.DiscreteSpace;
    }

    private static List<Parameter> linearParameters(CommandSpec train, String algo, List<String> environments) {
        List<Parameter> parameters = new ArrayList<>();
        parameters.add(new Parameter("features", "--features", LinearDefaults.FEATURES,
                "bellman train: 8 tilings of 8 tiles per dimension", Map.of()));
        parameters.add(new Parameter("alpha", "--alpha", LinearDefaults.alpha(FeatureSpec.parse(LinearDefaults.FEATURES, "--features")),
                "Sutton & Barto §10.1: 0.5 / tilings with tile coding; " + LinearDefaults.ALPHA + " with other features", Map.of()));
        Map<String, Object> epsilons = new LinkedHashMap<>();
        Map<String, Object> gammas = new LinkedHashMap<>();
        for (String env : environments) {
            if (LinearDefaults.epsilon(env) != LinearDefaults.EPSILON) {
                epsilons.put(env, LinearDefaults.epsilon(env));
            }
            if (LinearDefaults.gamma(env) != LinearDefaults.GAMMA) {
                gammas.put(env, LinearDefaults.gamma(env));
            }
        }
        parameters.add(new Parameter("epsilon", "--epsilon", LinearDefaults.EPSILON,
                "Sutton & Barto §10.1: 0 where rewards are never positive, zero weights being optimistic", epsilons));
        parameters.add(new Parameter("gamma", "--gamma", LinearDefaults.GAMMA,
                "Sutton & Barto: 1 for the undiscounted episodic tasks", gammas));
        if (algo.equals("n-step-sarsa")) {
            parameters.add(optionParameter(train, "n", "--n", "bellman train"));
        }
        if (algo.equals("true-online-sarsa-lambda")) {
            parameters.add(optionParameter(train, "lambda", "--lambda", "bellman train"));
        }
        parameters.add(new Parameter("episodes", "--episodes", BudgetOptions.DEFAULT_EPISODES, "bellman train", Map.of()));
        parameters.add(timeLimit(environments));
        return parameters;
    }

    private static Parameter timeLimit(List<String> environments) {
        Map<String, Object> limits = new LinkedHashMap<>();
        environments.forEach(env -> limits.put(env, Environments.maxEpisodeSteps(env)));
        return new Parameter("timeLimit", "--time-limit", "the registered limit", "Gymnasium's registration", limits);
    }

    /**
     * Every component of the algorithm's config record, with Stable-Baselines3's default from the
     * record's factory and rl-zoo's value for each environment where {@link DeepOptions} differs.
     */
    private static List<Parameter> deepParameters(String algo, Record defaults, String factory, String zooFile,
                                                  List<String> environments, Function<String, Record> zoo) {
        Map<String, Record> tuned = new LinkedHashMap<>();
        environments.forEach(env -> tuned.put(env, zoo.apply(env)));
        List<Parameter> parameters = new ArrayList<>();
        for (RecordComponent component : defaults.getClass().getRecordComponents()) {
            String field = component.getName();
            Object value = valueOf(component, defaults);
            String source = NOT_SB3.getOrDefault(field, "Stable-Baselines3's default") + " (" + factory + ")";
            Map<String, Object> byEnvironment = new LinkedHashMap<>();
            if (field.equals("threads") && (algo.equals("ddpg") || algo.equals("td3"))) {
                // bellman train, not the record, picks the thread count from the machine; the numbers do not depend on it.
                value = tuned.values().iterator().next() instanceof ActorCriticConfig config ? config.threads() : value;
                source = "bellman train: 2 where the machine has 2 cores or more, else 1";
            } else {
                for (Map.Entry<String, Record> entry : tuned.entrySet()) {
                    Object zooValue = valueOf(component, entry.getValue());
                    if (!Objects.equals(zooValue, value)) {
                        byEnvironment.put(entry.getKey(), zooValue);
                    }
                }
                if (!byEnvironment.isEmpty()) {
                    source += "; rl-zoo's hyperparams/" + zooFile + " by environment";
                }
            }
            parameters.add(new Parameter(field, TrainConfigFile.optionOf(algo, field), value, source, byEnvironment));
        }
        Map<String, Object> steps = new LinkedHashMap<>();
        environments.forEach(env -> steps.put(env, DeepOptions.zooSteps(env, algo)));
        parameters.add(new Parameter("steps", "--steps", null, "rl-zoo's n_timesteps in hyperparams/" + zooFile, steps));
        return parameters;
    }

    /** The component's value, arrays as lists so that they compare and print by content. */
    private static Object valueOf(RecordComponent component, Record record) {
        try {
            Object value = component.getAccessor().invoke(record);
            if (value instanceof int[] widths) {
                return Arrays.stream(widths).boxed().toList();
            }
            return value instanceof Enum<?> constant ? constant.name().toLowerCase(Locale.ROOT) : value;
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + record.getClass().getSimpleName(), e);
        }
    }

    /** A parameter whose default is the option's own picocli default, read from the command's model. */
    private static Parameter optionParameter(CommandSpec command, String name, String option, String source) {
        OptionSpec spec = command.findOption(option);
        String text = spec.defaultValue();
        Class<?> type = spec.type();
        Object value = type == int.class || type == Integer.class ? (Object) Integer.valueOf(text)
                : type == long.class || type == Long.class ? (Object) Long.valueOf(text)
                : type == double.class || type == Double.class ? (Object) Double.valueOf(text) : text;
        return new Parameter(name, option, value, source + " (" + option + " default)", Map.of());
    }

    @Override
    public Integer call() throws IOException {
        output.json();
        if (command != null && !COMMANDS.contains(command.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("--command " + command + " is not allowed; expected one of " + String.join(", ", COMMANDS));
        }
        List<Algorithm> shown = new ArrayList<>();
        for (Algorithm algorithm : catalog()) {
            boolean ofCommand = command == null || Arrays.stream(algorithm.command().split(", "))
                    .anyMatch(c -> c.split(" ")[0].equals(command.toLowerCase(Locale.ROOT)));
            if (ofCommand && (name == null || algorithm.name().equals(name.toLowerCase(Locale.ROOT)))) {
                shown.add(algorithm);
            }
        }
        if (shown.isEmpty()) {
            throw new IllegalArgumentException("algorithm '" + name + "' is unknown" + (command == null ? "" : " to " + command)
                    + "; expected one of " + String.join(", ", catalog().stream().map(Algorithm::name).distinct().toList()));
        }
        String text = name == null ? table(shown) : details(shown);
        Object report = shown.stream().map(Algorithm::json).toList();
        output.emit(spec.commandLine().getOut(), text, report);
        return 0;
    }

    private static String table(List<Algorithm> algorithms) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"NAME", "COMMAND", "FAMILY", "OBSERVATIONS", "ACTIONS"});
        for (Algorithm a : algorithms) {
            rows.add(new String[] {a.name(), a.command(), a.family(), a.observationSpace(), a.actionSpace()});
        }
        return TextTable.render(rows) + System.lineSeparator() + "bellman algos NAME shows an algorithm's hyper-parameters and defaults."
                + System.lineSeparator();
    }

    private static String details(List<Algorithm> algorithms) {
        String nl = System.lineSeparator();
        StringBuilder text = new StringBuilder();
        for (Algorithm a : algorithms) {
            if (text.length() > 0) {
                text.append(nl);
            }
            text.append(a.name()).append(" (").append(a.command()).append("): ").append(a.description()).append(nl);
            text.append("Family: ").append(a.family()).append("; observations ").append(a.observationSpace())
                    .append(", actions ").append(a.actionSpace()).append(nl);
            text.append("Environments: ").append(String.join(", ", a.environments())).append(nl);
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"PARAMETER", "OPTION", "DEFAULT", "SOURCE"});
            for (Parameter p : a.parameters()) {
                rows.add(new String[] {p.name(), p.option() == null ? "-" : p.option(), show(p.defaultValue()), p.source()});
                for (Map.Entry<String, Object> entry : p.byEnvironment().entrySet()) {
                    rows.add(new String[] {"", "", "  " + entry.getKey() + ": " + show(entry.getValue()), ""});
                }
            }
            text.append(TextTable.render(rows));
        }
        return text.toString();
    }

    private static String show(Object value) {
        if (value == null) {
            return "by environment:";
        }
        if (value instanceof Double number) {
            return TextTable.number(number);
        }
        if (value instanceof List<?> list) {
            return String.join(",", list.stream().map(String::valueOf).toList());
        }
        return String.valueOf(value);
    }
}
