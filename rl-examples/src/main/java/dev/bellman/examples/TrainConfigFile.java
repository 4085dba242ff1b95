package dev.bellman.examples;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.bellman.core.Budget;
import dev.bellman.deep.ac.ActorCriticConfig;
import dev.bellman.deep.ac.SacConfig;
import dev.bellman.deep.dqn.DqnConfig;
import dev.bellman.env.classic.Environments;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Configuration files of {@code bellman train}: {@code --config FILE} reads one (JSON, or YAML
 * through Jackson's YAML module, the same library that reads and writes every other JSON here),
 * and every run with {@code --out DIR} writes {@code DIR/config.json}, its effective
 * configuration, which {@code --config} reads back to repeat the run.
 *
 * <p>A file maps train's long option names without dashes to values:
 * {@code {"env": "CartPole-v1", "algo": "dqn", "steps": 50000, "learning-rate": 0.001}}. Numbers
 * are JSON numbers (or strings holding one, as YAML reads {@code 1e-3}), flags are booleans,
 * {@code hidden} is a list of widths, and null means "not given". The file's options come before the
 * command line's, which therefore override them.
 */
final class TrainConfigFile {

    /** The effective configuration every run with {@code --out DIR} writes. */
    static final String EFFECTIVE_CONFIG_FILE = "config.json";
    /**
     * The key of {@code config.json} that holds the deep learner's resolved config record. It is
     * there to be read by people and scripts; {@code --config} skips it, since the options above it
     * already resolve to the same record.
     */
    static final String RESOLVED_KEY = "resolved";
    /** Options that make no sense in a file: the file itself, resuming, and the standard help options. */
    private static final Set<String> NOT_IN_FILE = Set.of("--config", "--resume", "--help", "--version");

    private TrainConfigFile() {
    }

    /**
     * The arguments a configuration file stands for, before those of the command line.
     *
     * @param file        a {@code .json}, {@code .yaml} or {@code .yml} file
     * @param spec        train's command model, for the option names and types
     * @param commandLine the options given on the command line, which the file's must not repeat
     * @return {@code --name=value} arguments (flags alone) for every key the command line does not
     *         give; one token each, so that no value can pass for the subcommand's name in the saved
     *         arguments
     * @throws IllegalArgumentException naming the file and the key: unknown key, wrong type, unreadable file
     */
    static List<String> arguments(Path file, CommandSpec spec, Set<String> commandLine) {
        JsonNode root = read(file);
        List<String> arguments = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            String key = field.getKey();
            if (key.equals(RESOLVED_KEY)) {
                continue;
            }
            OptionSpec option = key.startsWith("-") ? null : spec.findOption("--" + key);
            if (option == null || !option.longestName().equals("--" + key) || NOT_IN_FILE.contains(option.longestName())) {
                throw new IllegalArgumentException("--config " + file + ": unknown key '" + key + "'; expected train's option "
                        + "names without dashes: " + String.join(", ", keys(spec)));
            }
            JsonNode value = field.getValue();
            if (value.isNull() || commandLine.contains(option.longestName())) {
                continue;
            }
            arguments.addAll(argument(file, key, option, value));
        }
        return arguments;
    }

    /** @return the keys a file may hold, in the order of train's options */
    static List<String> keys(CommandSpec spec) {
        List<String> keys = new ArrayList<>();
        for (OptionSpec option : spec.options()) {
            if (!NOT_IN_FILE.contains(option.longestName())) {
                keys.add(option.longestName().substring(2));
            }
        }
        return keys;
    }

    private static JsonNode read(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean yaml = name.endsWith(".yaml") || name.endsWith(".yml");
        if (!yaml && !name.endsWith(".json")) {
            throw new IllegalArgumentException("--config " + file + ": expected a .json, .yaml or .yml file");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--config " + file + ": no such file");
        }
        JsonNode root;
        try {
            ObjectMapper mapper = yaml ? new ObjectMapper(new YAMLFactory()) : new ObjectMapper();
            root = mapper.readTree(file.toFile());
        } catch (JacksonException invalid) {
            String where = invalid.getLocation() == null ? "" : " at line " + invalid.getLocation().getLineNr();
            throw new IllegalArgumentException("--config " + file + " is not valid " + (yaml ? "YAML" : "JSON") + where
                    + ": " + invalid.getOriginalMessage());
        } catch (IOException unreadable) {
            throw new IllegalArgumentException("--config " + file + " cannot be read: " + OptionChecks.describe(unreadable));
        }
        if (root == null || root.isMissingNode()) {
            throw new IllegalArgumentException("--config " + file + " is empty; expected a mapping of option names to values");
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException("--config " + file + " holds a " + root.getNodeType().toString().toLowerCase(Locale.ROOT)
                    + "; expected a mapping of option names to values, e.g. {\"env\": \"CartPole-v1\", \"algo\": \"dqn\"}");
        }
        return root;
    }

    /** @return the arguments for one key, after checking the value's type against the option's */
    private static List<String> argument(Path file, String key, OptionSpec option, JsonNode value) {
        String name = option.longestName();
        Class<?> type = option.type();
        String problem = "--config " + file + ": key '" + key + "' ";
        if (type == boolean.class || type == Boolean.class) {
            if (!value.isBoolean()) {
                throw new IllegalArgumentException(problem + "must be true or false, not " + value);
            }
            return value.booleanValue() ? List.of(name) : List.of();
        }
        if (type == int[].class) {
            if (value.isIntegralNumber()) {
                return List.of(name + "=" + value.asText());
            }
            if (!value.isArray() || value.isEmpty()) {
                throw new IllegalArgumentException(problem + "must be a list of whole numbers, e.g. [64, 64], not " + value);
            }
            List<String> widths = new ArrayList<>();
            for (JsonNode width : value) {
                if (!width.isIntegralNumber()) {
                    throw new IllegalArgumentException(problem + "must be a list of whole numbers, e.g. [64, 64], not " + value);
                }
                widths.add(width.asText());
            }
            return List.of(name + "=" + String.join(",", widths));
        }
        boolean integral = type == int.class || type == Integer.class || type == long.class || type == Long.class;
        boolean real = type == double.class || type == Double.class;
        if (integral || real) {
            String text = value.isNumber() ? value.asText() : value.isTextual() ? value.textValue().strip() : null;
            if (text != null && !(integral && value.isFloatingPointNumber())) {
                try {
                    if (integral) {
                        Long.parseLong(text);
                    } else {
                        Double.parseDouble(text);
                    }
                    return List.of(name + "=" + text);
                } catch (NumberFormatException notANumber) {
                    // reported below
                }
            }
            throw new IllegalArgumentException(problem + "must be " + (integral ? "a whole number" : "a number") + ", not " + value);
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException(problem + "must be a string, not " + value);
        }
        return List.of(name + "=" + value.textValue());
    }

    /**
     * Writes the run's effective configuration: every option of train with its final value, those
     * left to a default by the run's choice of environment and learner resolved to the value used,
     * and the deep learner's config record under {@link #RESOLVED_KEY}. Only {@code out} is left
     * out (written as null): a file that repeats a run should not send it over the results it came
     * from, so the repeat names its own {@code --out}.
     *
     * @param file   where to write
     * @param spec   train's parsed command model
     * @param report the run's JSON report so far: the resolved linear settings or the deep config
     * @param budget the budget the run trains for
     */
    static void writeEffective(Path file, CommandSpec spec, Map<String, Object> report, Budget budget)
            throws IOException {
        Map<String, Object> config = new LinkedHashMap<>();
        for (OptionSpec option : spec.options()) {
            if (NOT_IN_FILE.contains(option.longestName())) {
                continue;
            }
            Object value = option.getValue();
            config.put(option.longestName().substring(2), value instanceof Path path ? path.toString()
                    : value instanceof int[] widths ? Arrays.stream(widths).boxed().toList() : value);
        }
        config.put("out", null);
        String environment = (String) config.get("env");
        String algo = (String) report.get("algorithm");
        config.put("algo", algo);
        if (config.get("time-limit") == null) {
            config.put("time-limit", Environments.maxEpisodeSteps(environment));
        }
        if (config.get("episodes") == null && config.get("steps") == null) {
            String unit = budget.unit() == Budget.Unit.STEPS ? "steps" : "episodes";
            config.put(unit, budget.limit());
        }
        if (TrainCommand.ALGORITHMS.contains(algo)) {
            for (String key : List.of("features", "alpha", "epsilon", "gamma")) {
                config.put(key, report.get(key));
            }
        }
        Object resolved = report.get("config");
        if (resolved instanceof DqnConfig dqn) {
            putShared(config, dqn.hiddenLayers(), dqn.learningRate(), dqn.bufferSize(), dqn.batchSize(), dqn.learningStarts(),
                    dqn.trainFrequency(), dqn.gradientSteps(), dqn.tau(), dqn.gamma());
            config.put("target-update-interval", dqn.targetUpdateInterval());
            config.put("exploration-fraction", dqn.explorationFraction());
            config.put("final-epsilon", dqn.finalEpsilon());
            config.put("n-steps", dqn.nSteps());
            config.put("loss", dqn.loss().name().toLowerCase(Locale.ROOT));
            config.put("prioritized", dqn.prioritized());
        } else if (resolved instanceof ActorCriticConfig ac) {
            putShared(config, ac.hiddenLayers(), ac.actorLearningRate(), ac.bufferSize(), ac.batchSize(), ac.learningStarts(),
                    ac.trainFrequency(), ac.gradientSteps(), ac.tau(), ac.gamma());
            config.put("noise", DeepOptions.noiseText(ac));
            config.put("threads", ac.threads());
            if (algo.equals("td3")) {
                config.put("policy-delay", ac.policyDelay());
                config.put("target-noise", ac.targetPolicyNoise());
                config.put("target-noise-clip", ac.targetNoiseClip());
            }
        } else if (resolved instanceof SacConfig sac) {
            putShared(config, sac.hiddenLayers(), sac.learningRate(), sac.bufferSize(), sac.batchSize(), sac.learningStarts(),
                    sac.trainFrequency(), sac.gradientSteps(), sac.tau(), sac.gamma());
        }
        if (resolved != null) {
            config.put(RESOLVED_KEY, resolved);
        }
        JsonFiles.write(file, config);
    }

    private static void putShared(Map<String, Object> config, int[] hidden, double learningRate, int bufferSize, int batchSize,
                                  int learningStarts, int trainFrequency, int gradientSteps, double tau, double gamma) {
        config.put("hidden", Arrays.stream(hidden).boxed().toList());
        config.put("learning-rate", learningRate);
        config.put("buffer-size", bufferSize);
        config.put("batch-size", batchSize);
        config.put("learning-starts", learningStarts);
        config.put("train-frequency", trainFrequency);
        config.put("gradient-steps", gradientSteps);
        config.put("tau", tau);
        config.put("gamma", gamma);
    }

    /**
     * The option of train that sets a field of a deep learner's config record, for
     * {@code bellman algos}.
     *
     * @param algo  the deep algorithm
     * @param field the record component
     * @return the option, or null where none sets it for that algorithm
     */
    static String optionOf(String algo, String field) {
        boolean dqn = TrainCommand.DEEP_ALGORITHMS.contains(algo);
        return switch (field) {
            case "hiddenLayers" -> "--hidden";
            case "learningRate", "actorLearningRate", "criticLearningRate" -> "--learning-rate";
            case "bufferSize" -> "--buffer-size";
            case "batchSize" -> "--batch-size";
            case "learningStarts" -> "--learning-starts";
            case "trainFrequency" -> "--train-frequency";
            case "gradientSteps" -> "--gradient-steps";
            case "tau" -> "--tau";
            case "gamma" -> "--gamma";
            case "checkpointReplay" -> "--checkpoint-replay";
            case "targetUpdateInterval" -> dqn ? "--target-update-interval" : null;
            case "explorationFraction" -> dqn ? "--exploration-fraction" : null;
            case "finalEpsilon" -> dqn ? "--final-epsilon" : null;
            case "nSteps" -> dqn ? "--n-steps" : null;
            case "loss" -> dqn ? "--loss" : null;
            case "prioritized" -> dqn ? "--prioritized" : null;
            case "noise", "noiseSigma" -> algo.equals("ddpg") || algo.equals("td3") ? "--noise" : null;
            case "threads" -> algo.equals("ddpg") || algo.equals("td3") ? "--threads" : null;
            case "policyDelay" -> algo.equals("td3") ? "--policy-delay" : null;
            case "targetPolicyNoise" -> algo.equals("td3") ? "--target-noise" : null;
            case "targetNoiseClip" -> algo.equals("td3") ? "--target-noise-clip" : null;
            default -> null;
        };
    }
}
