package dev.bellman.examples;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bellman.approx.LinearControlLearner;
import dev.bellman.approx.LinearQLearning;
import dev.bellman.approx.Lspi;
import dev.bellman.approx.NStepSemiGradientSarsa;
import dev.bellman.approx.SemiGradientSarsa;
import dev.bellman.approx.TrueOnlineSarsaLambda;
import dev.bellman.approx.features.ActionFeatures;
import dev.bellman.core.Budget;
import dev.bellman.core.Environment;
import dev.bellman.core.EpisodicLearner;
import dev.bellman.core.Evaluation;
import dev.bellman.core.TrainingReport;
import dev.bellman.core.checkpoint.CheckpointFiles;
import dev.bellman.core.space.BoxSpace;
import dev.bellman.core.space.DiscreteSpace;
import dev.bellman.core.wrappers.SyncVectorEnvironment;
import dev.bellman.core.wrappers.TimeLimit;
import dev.bellman.core.wrappers.TransformObservation;
import dev.bellman.core.wrappers.VectorEnvironment;
import dev.bellman.core.wrappers.Wrapper;
import dev.bellman.deep.ac.ActorCriticConfig;
import dev.bellman.deep.ac.Ddpg;
import dev.bellman.deep.ac.DeterministicActorCritic;
import dev.bellman.deep.ac.Sac;
import dev.bellman.deep.ac.SacConfig;
import dev.bellman.deep.ac.Td3;
import dev.bellman.deep.dqn.Dqn;
import dev.bellman.deep.dqn.DqnConfig;
import dev.bellman.deep.nn.ModelFiles;
import dev.bellman.env.classic.Environments;
import dev.bellman.tabular.LearnerSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code bellman train}: trains a linear control method or DQN on a bundled discrete-action control
 * task, or DDPG or TD3 on a continuous-action one, and evaluates its greedy (deterministic) policy.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trains a learner on a bundled environment and evaluates its greedy (deterministic) policy.",
                "Example: bellman train --env MountainCar-v0 --algo sarsa --features tile-coding:8x8x8 --episodes 500",
                "Example: bellman train --env Pendulum-v1 --algo td3 --out runs/td3",
                "Example: bellman train --env CartPole-v1 --algo dqn --out runs/dqn --checkpoint-every 5000, "
                        + "then after a crash: bellman train --resume runs/dqn"})
final class TrainCommand implements Callable<Integer> {

    /** The linear algorithms this command trains. */
    static final List<String> ALGORITHMS = List.of("sarsa", "n-step-sarsa", "q-learning", "true-online-sarsa-lambda", "lspi");
    /** The deep algorithms for discrete actions this command trains. */
    static final List<String> DEEP_ALGORITHMS = List.of("dqn", "double-dqn", "dueling-dqn");
    /** The deep algorithms for continuous actions this command trains. */
    static final List<String> ACTOR_CRITIC_ALGORITHMS = List.of("ddpg", "td3", "sac");
    /** The file the trained network (Q-network or actor) is saved to under {@code --out}. */
    static final String MODEL_FILE = "model.bin";
    /** The directory under {@code --out} that holds every network of DDPG and TD3, with optimizer state. */
    static final String NETWORKS_DIRECTORY = "networks";
    /** The checkpoint file under {@code --out} that {@code --checkpoint-every} writes. */
    static final String CHECKPOINT_FILE = "checkpoint.bin";
    /** The run's arguments under {@code --out}, which {@code --resume} trains with again. */
    static final String ARGUMENTS_FILE = "run-arguments.json";
    /** The options that may accompany {@code --resume}: they change how results are shown, not the run. */
    private static final List<String> RESUME_OPTIONS = List.of("--resume", "--format", "--quiet", "--steps", "--episodes");

    @Option(names = "--env", paramLabel = "ID",
            description = "The environment: CartPole-v1, MountainCar-v0 or Acrobot-v1 (discrete actions: linear "
                    + "learners, DQN); Pendulum-v1 or MountainCarContinuous-v0 (continuous actions: DDPG, TD3, SAC); bellman envs lists "
                    + "them. Default: none; required unless --config FILE or --resume DIR gives it.")
    String environmentId;

    @Option(names = "--algo", paramLabel = "NAME", defaultValue = "sarsa",
            description = "Linear: sarsa (default), n-step-sarsa, q-learning, true-online-sarsa-lambda, lspi. "
                    + "Deep, discrete actions: dqn, double-dqn, dueling-dqn (double DQN with dueling heads). "
                    + "Deep, continuous actions: ddpg, td3, sac. Deep learners take rl-zoo's settings and training length "
                    + "for the environment unless options say otherwise (steps: CartPole-v1 50000, Acrobot-v1 100000, "
                    + "MountainCar-v0 120000; Pendulum-v1 20000; MountainCarContinuous-v0 300000, sac 50000).")
    String algorithm;

    @Option(names = "--features", paramLabel = "SPEC",
            description = "Linear learners: the features of (observation, action): " + FeatureSpec.FORMATS
                    + ". Default: tile-coding:8x8 (8 tilings of 8 tiles per dimension).")
    String features;

    @Mixin
    BudgetOptions budget = new BudgetOptions();

    @Option(names = "--alpha", paramLabel = "A",
            description = "Step size in (0, 1]. Default: 0.5 / tilings with tile coding (Sutton & Barto §10.1), else 0.01.")
    Double alpha;

    @Option(names = "--epsilon", paramLabel = "E",
            description = "Exploration rate in [0, 1]. Default: 0 for MountainCar-v0 and Acrobot-v1, whose rewards are "
                    + "never positive so that zero initial weights are optimistic (S&B §10.1); 0.1 otherwise.")
    Double epsilon;

    @Option(names = "--gamma", paramLabel = "G",
            description = "Discount factor in [0, 1]. Default, linear learners: 1 for MountainCar-v0 and Acrobot-v1 (S&B), "
                    + "0.99 otherwise; deep learners: rl-zoo's (0.98 on MountainCar-v0 and Pendulum-v1), else 0.99.")
    Double gamma;

    @Option(names = "--lambda", paramLabel = "L", defaultValue = "0.9",
            description = "true-online-sarsa-lambda: the trace decay in [0, 1]. Default: ${DEFAULT-VALUE}.")
    double lambda;

    @Option(names = "--n", paramLabel = "N", defaultValue = "4",
            description = "n-step-sarsa: rewards before bootstrapping. Default: ${DEFAULT-VALUE}.")
    int n;

    @Option(names = "--time-limit", paramLabel = "STEPS",
            description = "Truncate episodes after STEPS steps, 0 for no limit. Default: the registered limit "
                    + "(200 for MountainCar-v0 and Pendulum-v1, 500 for CartPole-v1 and Acrobot-v1, "
                    + "999 for MountainCarContinuous-v0).")
    Integer timeLimit;

    @Option(names = "--bounds", paramLabel = "LOW:HIGH,...",
            description = "Bounds of each observation coordinate for the features, one LOW:HIGH per dimension; "
                    + "observations are clipped into them. Needed where the observation space is unbounded (CartPole-v1). "
                    + "Default: the observation space's bounds.")
    String bounds;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
            description = "Seed of every random choice: exploration, resets, tie-breaking. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--eval-episodes", paramLabel = "K", defaultValue = "10",
            description = "Greedy (DDPG, TD3: noise-free) evaluation episodes after training (reset with seeds SEED+1000000+i); 0 for none. "
                    + "Default: ${DEFAULT-VALUE}.")
    int evalEpisodes;

    @Mixin
    DeepOptions deepOptions = new DeepOptions();

    @Option(names = "--num-envs", paramLabel = "N", defaultValue = "1",
            description = "DQN: train on N copies of the environment stepped together (copy i reset with seed SEED+i), "
                    + "choosing the greedy copies' actions in one batch. Every copy's step counts as one step of --steps "
                    + "and of the schedule (learning starts, train frequency, target updates, epsilon), so the settings "
                    + "mean the same for every N, and N = 1 is the single-environment run. Needs --n-steps 1; "
                    + "not with --checkpoint-every. Default: ${DEFAULT-VALUE}.")
    int numEnvs;

    @Option(names = "--checkpoint-every", paramLabel = "STEPS",
            description = "With --out DIR: also write DIR/" + CHECKPOINT_FILE + " at the first episode end after every STEPS "
                    + "steps (atomically: a crash leaves the previous one), so that --resume DIR continues a run that died. "
                    + "Every run with --out writes one when it ends, with its arguments in DIR/" + ARGUMENTS_FILE + ". "
                    + "A checkpoint holds everything the run needs except the replay buffer of deep learners, unless "
                    + "--checkpoint-replay. Default: none (only the checkpoint at the end).")
    Long checkpointEvery;

    @Option(names = "--checkpoint-replay",
            description = "Deep learners, with --out DIR: put the replay buffer in the checkpoints too, the final one "
                    + "and any of --checkpoint-every (large: CartPole-v1's 100000 transitions take about 4 MB), so that a "
                    + "resumed run gives exactly the numbers of a run never stopped. Default: off.")
    boolean checkpointReplay;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Continue the run saved in DIR (any run with --out DIR) from its checkpoint, with its arguments: "
                    + "up to its original budget, or to --steps N (--episodes N) in total. Results go to DIR. Only --format, "
                    + "--quiet, --steps and --episodes may be given with it. Default: none.")
    Path resume;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Read options from FILE (.json, .yaml or .yml): train's long option names without dashes, e.g. "
                    + "{\"env\": \"CartPole-v1\", \"algo\": \"dqn\", \"steps\": 50000, \"learning-rate\": 0.001}; options on the "
                    + "command line override the file's. Every run with --out DIR writes DIR/" + TrainConfigFile.EFFECTIVE_CONFIG_FILE
                    + ", which repeats it. Default: none.")
    Path config;

    /** The checkpoint a resumed run starts from; set on the command rebuilt by {@link #resumeRun}. */
    private Path resumeCheckpoint;
    /** The total budget a resumed run trains to when {@code --resume} is given one; else its original budget. */
    private Budget resumeTarget;

    @Mixin
    OutputOptions output = new OutputOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (config != null) {
            return configuredRun();
        }
        if (resume != null) {
            return resumeRun();
        }
        if (environmentId == null) {
            throw new IllegalArgumentException("--env ID is required (or --resume DIR)");
        }
        output.json();
        checkCheckpointOptions();
        String algo = algorithm.toLowerCase(Locale.ROOT);
        boolean continuous = ACTOR_CRITIC_ALGORITHMS.contains(algo);
        if (!ALGORITHMS.contains(algo) && !DEEP_ALGORITHMS.contains(algo) && !continuous) {
            throw new IllegalArgumentException("--algo " + algorithm + " is not allowed; expected one of "
                    + String.join(", ", ALGORITHMS) + ", " + String.join(", ", DEEP_ALGORITHMS) + ", "
                    + String.join(", ", ACTOR_CRITIC_ALGORITHMS));
        }
        checkOptions();
        if (numEnvs < 1) {
            throw new IllegalArgumentException("--num-envs " + numEnvs + " must be at least 1");
        }
        if (numEnvs > 1 && !DEEP_ALGORITHMS.contains(algo)) {
            throw new IllegalArgumentException("--num-envs applies to " + String.join(", ", DEEP_ALGORITHMS) + ", not " + algo
                    + " (the other learners train on one environment at a time)");
        }
        checkActionSpace(algo, continuous);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("environment", environmentId);
        json.put("algorithm", algo);
        Trained<?> trained = continuous ? trainActorCritic(algo, json)
                : DEEP_ALGORITHMS.contains(algo) ? trainDeep(algo, json) : trainLinear(algo, json);
        TrainingReport report = trained.report();
        Evaluation evaluation = evaluate(trained);

        // The log, unlike the report, holds the episodes before a resume too.
        double[] returns = trained.log().returns();
        json.put("seed", seed);
        json.put("episodes", returns.length);
        json.put("steps", trained.learner().totalSteps());
        json.put("seconds", report.wallTime().toNanos() / 1e9);
        json.put("meanReturnFirst10", meanOf(returns, 0, 10));
        json.put("meanReturnLast10", meanOf(returns, returns.length - 10, returns.length));
        if (evaluation != null) {
            json.put("evaluationReturns", evaluation.returns());
            json.put("evaluationMeanReturn", evaluation.meanReturn());
            json.put("evaluationMeanLength", evaluation.meanLength());
        }
        OptionalDouble threshold = Environments.rewardThreshold(environmentId);
        threshold.ifPresent(value -> json.put("solvedThreshold", value));

        Path written = output.emit(spec.commandLine().getOut(), text(json, trained, evaluation, threshold), json);
        if (written != null) {
            trained.log().writeCsv(written.resolve("metrics.csv"));
            LearningCurve.writePng(trained.log(), algo + " on " + environmentId, written.resolve("learning-curve.png"));
            if (trained.learner() instanceof Dqn dqn) {
                ModelFiles.save(written.resolve(MODEL_FILE), dqn.network());
            } else if (trained.learner() instanceof DeterministicActorCritic actorCritic) {
                ModelFiles.save(written.resolve(MODEL_FILE), actorCritic.actor());
                actorCritic.saveNetworks(written.resolve(NETWORKS_DIRECTORY));
            } else if (trained.learner() instanceof Sac sac) {
                ModelFiles.save(written.resolve(MODEL_FILE), sac.actor());
                sac.saveNetworks(written.resolve(NETWORKS_DIRECTORY));
            }
        }
        return 0;
    }

    /**
     * What a training run produced.
     *
     * @param actionType  the class of the environment's actions
     * @param description the first line of the text report: the learner and its settings
     */
    private record Trained<A>(EpisodicLearner<double[], A> learner, Class<A> actionType, TrainingReport report, EpisodeLog log,
                              String description) {
    }

    /** @return the evaluation of the trained policy on fresh environments, or null with {@code --eval-episodes 0} */
    private <A> Evaluation evaluate(Trained<A> trained) {
        return evalEpisodes == 0 ? null : Evaluation.run(environment(trained.actionType()), trained.learner().policy(),
                evalEpisodes, seed + 1_000_000L, 100_000);
    }

    private Trained<Integer> trainLinear(String algo, Map<String, Object> json) throws IOException {
        Environment<double[], Integer> env = environment(Integer.class);
        FeatureSpec featureSpec = FeatureSpec.parse(features == null ? LinearDefaults.FEATURES : features, "--features");
        DiscreteSpace actions = (DiscreteSpace) env.actionSpace();
        double[][] box = featureBounds(env);
        ActionFeatures<double[]> actionFeatures = featureSpec.forBox(box[0], box[1], actions.n());
        double stepSize = alpha != null ? alpha : LinearDefaults.alpha(featureSpec);
        double exploration = epsilon != null ? epsilon : LinearDefaults.epsilon(environmentId);
        double discount = gamma != null ? gamma : LinearDefaults.gamma(environmentId);
        LearnerSettings settings = LearnerSettings.builder().gamma(discount).alpha(stepSize).epsilon(exploration)
                .seed(seed).build();
        if (checkpointReplay) {
            throw new IllegalArgumentException("--checkpoint-replay applies to the deep learners, which have a replay buffer; "
                    + algo + " has none");
        }
        LinearControlLearner<double[]> learner = switch (algo) {
            case "sarsa" -> new SemiGradientSarsa<>(settings, actionFeatures);
            case "n-step-sarsa" -> new NStepSemiGradientSarsa<>(settings, actionFeatures, n);
            case "q-learning" -> new LinearQLearning<>(settings, actionFeatures);
            case "true-online-sarsa-lambda" -> new TrueOnlineSarsaLambda<>(settings, actionFeatures, lambda);
            default -> new Lspi<>(settings, actionFeatures);
        };
        json.put("features", featureSpec.text());
        json.put("featureCount", actionFeatures.dimension());
        json.put("alpha", stepSize);
        json.put("epsilon", exploration);
        json.put("gamma", discount);
        EpisodeLog log = new EpisodeLog();
        learner.addListener(log);
        TrainingReport report = trainWithCheckpoints(learner, env, null, budget.budget(), log, json);
        String description = String.format(Locale.ROOT, "%s: %s with %s features (%d weights), alpha %s, epsilon %s, gamma %s, seed %d",
                environmentId, algo, featureSpec.text(), actionFeatures.dimension(), stepSize, exploration, discount, seed);
        return new Trained<>(learner, Integer.class, report, log, description);
    }

    private Trained<Integer> trainDeep(String algo, Map<String, Object> json) throws IOException {
        rejectLinearOptions(algo, "--learning-rate, --final-epsilon");
        DqnConfig config = deepOptions.dqnConfig(environmentId, algo, gamma).toBuilder().checkpointReplay(checkpointReplay).build();
        if (numEnvs > 1 && config.nSteps() > 1) {
            throw new IllegalArgumentException("--num-envs " + numEnvs + " needs --n-steps 1 (got " + config.nSteps()
                    + "): the copies' episodes would interleave in one n-step window");
        }
        Environment<double[], Integer> env = environment(Integer.class);
        VectorEnvironment<double[], Integer> copies = numEnvs > 1
                ? new SyncVectorEnvironment<>(() -> environment(Integer.class), numEnvs) : null;
        long planned = budget.steps != null ? budget.steps : DeepOptions.zooSteps(environmentId, algo);
        Dqn dqn = new Dqn(config, planned, seed);
        json.put("config", config);
        json.put("numEnvs", numEnvs);
        EpisodeLog log = new EpisodeLog();
        dqn.addListener(log);
        TrainingReport report;
        try {
            report = trainWithCheckpoints(dqn, env, copies, budget.given() ? budget.budget() : Budget.steps(planned), log, json);
        } finally {
            if (copies != null) {
                copies.close();
            }
        }
        json.put("gradientSteps", dqn.gradientSteps());
        String description = String.format(Locale.ROOT, "%s: %s, network %s, learning rate %s, batch %d, seed %d",
                environmentId, algo, Arrays.toString(config.hiddenLayers()), config.learningRate(), config.batchSize(), seed);
        return new Trained<>(dqn, Integer.class, report, log, description);
    }

    private Trained<double[]> trainSac(Map<String, Object> json) throws IOException {
        rejectLinearOptions("sac", "--learning-rate");
        SacConfig config = deepOptions.sacConfig(environmentId, gamma).toBuilder().checkpointReplay(checkpointReplay).build();
        Environment<double[], double[]> env = environment(double[].class);
        Sac sac = new Sac(config, seed);
        json.put("config", config);
        EpisodeLog log = new EpisodeLog();
        sac.addListener(log);
        TrainingReport report = trainWithCheckpoints(sac, env, null,
                budget.given() ? budget.budget() : Budget.steps(DeepOptions.zooSteps(environmentId, "sac")), log, json);
        json.put("gradientSteps", sac.gradientSteps());
        json.put("entropyCoefficient", sac.entropyCoefficient());
        String description = String.format(Locale.ROOT, "%s: sac, networks %s, learning rate %s, batch %d, seed %d",
                environmentId, Arrays.toString(config.hiddenLayers()), config.learningRate(), config.batchSize(), seed);
        return new Trained<>(sac, double[].class, report, log, description);
    }

    private Trained<double[]> trainActorCritic(String algo, Map<String, Object> json) throws IOException {
        if (algo.equals("sac")) {
            return trainSac(json);
        }
        rejectLinearOptions(algo, "--learning-rate, --noise");
        ActorCriticConfig config = deepOptions.actorCriticConfig(environmentId, algo, gamma).toBuilder()
                .checkpointReplay(checkpointReplay).build();
        Environment<double[], double[]> env = environment(double[].class);
        DeterministicActorCritic learner = algo.equals("td3") ? new Td3(config, seed) : new Ddpg(config, seed);
        json.put("config", config);
        EpisodeLog log = new EpisodeLog();
        learner.addListener(log);
        TrainingReport report = trainWithCheckpoints(learner, env, null,
                budget.given() ? budget.budget() : Budget.steps(DeepOptions.zooSteps(environmentId, algo)), log, json);
        json.put("gradientSteps", learner.gradientSteps());
        json.put("actorUpdates", learner.actorUpdates());
        String description = String.format(Locale.ROOT, "%s: %s, networks %s, learning rate %s, batch %d, noise %s, seed %d",
                environmentId, algo, Arrays.toString(config.hiddenLayers()), config.actorLearningRate(), config.batchSize(),
                DeepOptions.noiseText(config), seed);
        return new Trained<>(learner, double[].class, report, log, description);
    }

    /**
     * Trains for {@code planned}, with checkpoints if {@code --checkpoint-every} asks for them; a
     * resumed run first loads its checkpoint and trains what is left of {@code planned}. With
     * {@code copies} (for {@code --num-envs} above 1) it trains on them instead of {@code env}.
     *
     * @throws IllegalArgumentException if the checkpoint's run had already finished
     * @throws IOException              if the checkpoint cannot be read or is invalid
     */
    private <A> TrainingReport trainWithCheckpoints(EpisodicLearner<double[], A> learner, Environment<double[], A> env,
                                                    VectorEnvironment<double[], A> copies, Budget planned, EpisodeLog log,
                                                    Map<String, Object> json) throws IOException {
        if (output.out == null) {
            return copies == null ? budget.train(learner, env, planned) : budget.train(learner, copies, planned);
        }
        Files.createDirectories(output.out);
        Path checkpoint = output.out.resolve(CHECKPOINT_FILE);
        learner.addCheckpointPart("episode-log", log);
        if (checkpointEvery != null) {
            learner.checkpointEvery(checkpointEvery, checkpoint);
        }
        Budget remaining = planned;
        if (resumeCheckpoint == null) {
            // The parse result's arguments start with the top-level command's: keep this command's own.
            List<String> all = spec.commandLine().getParseResult().originalArgs();
            List<String> arguments = all.subList(all.indexOf(spec.name()) + 1, all.size());
            JsonFiles.write(output.out.resolve(ARGUMENTS_FILE), arguments);
            TrainConfigFile.writeEffective(output.out.resolve(TrainConfigFile.EFFECTIVE_CONFIG_FILE), spec, json, planned);
        } else {
            CheckpointFiles.Header header = copies == null ? learner.loadCheckpoint(resumeCheckpoint, env)
                    : learner.loadCheckpoint(resumeCheckpoint, copies);
            Budget target = resumeTarget != null ? resumeTarget : planned;
            boolean steps = target.unit() == Budget.Unit.STEPS;
            long done = steps ? header.steps() : header.episodes();
            if (done >= target.limit()) {
                String unit = steps ? " steps" : " episodes";
                throw new IllegalArgumentException("--resume " + resume + ": the run already has " + done + unit + (resumeTarget == null
                        ? ", its whole budget; give --" + unit.strip() + " N with N > " + done + " to train on"
                        : "; give more than " + done));
            }
            remaining = steps ? Budget.steps(target.limit() - done) : Budget.episodes(target.limit() - done);
            json.put("resumedAtStep", header.steps());
            json.put("resumedAtEpisode", header.episodes());
        }
        TrainingReport report = copies == null ? budget.train(learner, env, remaining) : budget.train(learner, copies, remaining);
        // The run's end is a checkpoint too, so that --resume DIR --steps N can train it further.
        if (copies == null) {
            learner.saveCheckpoint(checkpoint, env);
        } else {
            learner.saveCheckpoint(checkpoint, copies);
        }
        return report;
    }

    /**
     * {@code --resume DIR}: rebuilds the command from the run's saved arguments and continues it
     * from its checkpoint.
     *
     * @throws IllegalArgumentException if other options are given, or DIR holds no resumable run
     */
    private int resumeRun() throws IOException {
        for (OptionSpec option : spec.commandLine().getParseResult().matchedOptions()) {
            if (!RESUME_OPTIONS.contains(option.longestName())) {
                throw new IllegalArgumentException(option.longestName() + " cannot be given with --resume, which takes the run's "
                        + "settings from " + ARGUMENTS_FILE + "; only --format, --quiet, --steps and --episodes may accompany it");
            }
        }
        Path arguments = resume.resolve(ARGUMENTS_FILE);
        Path checkpoint = resume.resolve(CHECKPOINT_FILE);
        if (!Files.isRegularFile(arguments)) {
            throw new IllegalArgumentException("--resume " + resume + ": there is no " + ARGUMENTS_FILE
                    + " there; only a run started with --out DIR can be resumed");
        }
        if (!Files.isRegularFile(checkpoint)) {
            throw new IllegalArgumentException("--resume " + resume + ": there is no " + CHECKPOINT_FILE
                    + " yet (the run stopped before its first checkpoint); start it again");
        }
        List<String> original;
        try {
            original = new ObjectMapper().readValue(arguments.toFile(), new TypeReference<List<String>>() { });
        } catch (JacksonException unreadable) {
            throw new IllegalArgumentException("--resume " + resume + ": " + ARGUMENTS_FILE + " is not a JSON list of arguments ("
                    + unreadable.getOriginalMessage() + ")");
        }
        TrainCommand resumed = new TrainCommand();
        CommandLine line = BellmanCli.withConverters(new CommandLine(resumed));
        line.setOut(spec.commandLine().getOut());
        line.setErr(spec.commandLine().getErr());
        try {
            line.parseArgs(original.toArray(String[]::new));
        } catch (CommandLine.ParameterException invalid) {
            throw new IllegalArgumentException("--resume " + resume + ": the arguments in " + ARGUMENTS_FILE + " are invalid: "
                    + invalid.getMessage());
        }
        if (resumed.resume != null || resumed.environmentId == null) {
            throw new IllegalArgumentException("--resume " + resume + ": the arguments in " + ARGUMENTS_FILE
                    + " are not those of a training run");
        }
        budget.check();
        if (budget.given()) {
            resumed.resumeTarget = budget.budget();
        }
        resumed.output.out = resume;
        if (spec.commandLine().getParseResult().hasMatchedOption("--format")) {
            resumed.output.format = output.format;
        }
        resumed.budget.quiet |= budget.quiet;
        resumed.resumeCheckpoint = checkpoint;
        return resumed.call();
    }

    /**
     * {@code --config FILE}: parses the file's options followed by the command line's (which thus
     * override them) into a fresh command and runs it, so that its saved arguments are complete.
     *
     * @throws IllegalArgumentException naming the key of the file that is unknown or of the wrong type
     */
    private int configuredRun() throws IOException {
        CommandLine.ParseResult given = spec.commandLine().getParseResult();
        if (given.hasMatchedOption("--resume")) {
            throw new IllegalArgumentException("--config cannot be given with --resume, which takes the run's settings from "
                    + ARGUMENTS_FILE);
        }
        List<String> commandLine = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (OptionSpec option : given.matchedOptions()) {
            if (option.longestName().equals("--config")) {
                continue;
            }
            names.add(option.longestName());
            if (option.arity().max() == 0) {
                commandLine.add(option.longestName());
            } else {
                option.originalStringValues().forEach(value -> commandLine.add(option.longestName() + "=" + value));
            }
        }
        List<String> arguments = new ArrayList<>(TrainConfigFile.arguments(config, spec, names));
        arguments.addAll(commandLine);
        TrainCommand configured = new TrainCommand();
        CommandLine line = BellmanCli.withConverters(new CommandLine(configured));
        line.setOut(spec.commandLine().getOut());
        line.setErr(spec.commandLine().getErr());
        try {
            line.parseArgs(arguments.toArray(String[]::new));
        } catch (CommandLine.ParameterException invalid) {
            throw new IllegalArgumentException("--config " + config + ": " + invalid.getMessage());
        }
        return configured.call();
    }

    /** @throws IllegalArgumentException if {@code --checkpoint-every} is below 1 or lacks {@code --out} */
    private void checkCheckpointOptions() {
        if (checkpointEvery == null) {
            // The run's final checkpoint holds the buffer too: a later --resume then continues exactly.
            if (checkpointReplay && output.out == null) {
                throw new IllegalArgumentException("--checkpoint-replay needs --out DIR, the directory the checkpoints go to");
            }
            return;
        }
        if (checkpointEvery < 1) {
            throw new IllegalArgumentException("--checkpoint-every " + checkpointEvery + " must be at least 1 step");
        }
        if (numEnvs > 1) {
            throw new IllegalArgumentException("--checkpoint-every cannot be given with --num-envs " + numEnvs
                    + ": the copies are mid-episode at every step; the run's final checkpoint is still written");
        }
        if (output.out == null) {
            throw new IllegalArgumentException("--checkpoint-every needs --out DIR, the directory the checkpoint goes to");
        }
    }

    /** @throws IllegalArgumentException if an option of the linear learners is given to a deep one */
    private void rejectLinearOptions(String algo, String alternatives) {
        if (features != null || alpha != null || epsilon != null) {
            throw new IllegalArgumentException((features != null ? "--features" : alpha != null ? "--alpha" : "--epsilon")
                    + " applies to the linear learners, not " + algo + " (see " + alternatives + ")");
        }
    }

    private String text(Map<String, Object> json, Trained<?> trained, Evaluation evaluation, OptionalDouble threshold) {
        String nl = System.lineSeparator();
        EpisodeLog log = trained.log();
        StringBuilder text = new StringBuilder();
        text.append(trained.description()).append(nl);
        double seconds = (Double) json.get("seconds");
        long totalSteps = (Long) json.get("steps");
        // After a resume, the time covers only this call's steps, and so must the rate.
        long stepsNow = trained.report().totalSteps();
        text.append(String.format(Locale.ROOT, "Trained %d episodes, %d steps%s in %.2f s (%.0f steps/s)%n",
                (Integer) json.get("episodes"), totalSteps,
                json.containsKey("resumedAtStep") ? String.format(Locale.ROOT, " (%d of them now, resumed at step %d)", stepsNow,
                        (Long) json.get("resumedAtStep")) : "",
                seconds, stepsNow / Math.max(seconds, 1e-9)));
        if (log.episodes() > 0) {
            text.append("Learning curve: ").append(LearningCurve.sparkline(log)).append(nl);
            text.append(String.format(Locale.ROOT, "Mean return: first 10 episodes %.1f, last 10 episodes %.1f%n",
                    (Double) json.get("meanReturnFirst10"), (Double) json.get("meanReturnLast10")));
        }
        if (evaluation != null) {
            text.append(String.format(Locale.ROOT, "%s policy over %d evaluation episodes: return %.1f \u00b1 %.1f, "
                            + "%.1f steps per episode%s%n", trained.actionType() == Integer.class ? "Greedy" : "Deterministic",
                    evaluation.returns().length, evaluation.meanReturn(),
                    evaluation.standardDeviation(), evaluation.meanLength(),
                    threshold.isPresent() ? String.format(Locale.ROOT, " (solved at %.0f: %s)", threshold.getAsDouble(),
                            evaluation.meanReturn() >= threshold.getAsDouble() ? "yes" : "not yet") : ""));
        }
        return text.toString();
    }

    private static double meanOf(double[] values, int from, int to) {
        int start = Math.max(0, from);
        int end = Math.min(to, values.length);
        if (end <= start) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = start; i < end; i++) {
            sum += values[i];
        }
        return sum / (end - start);
    }

    /**
     * @throws IllegalArgumentException if the environment's actions are continuous and the learner
     *                                  needs discrete ones, or the other way round
     */
    private void checkActionSpace(String algo, boolean continuousLearner) {
        boolean discreteEnvironment = Environments.make(environmentId).actionSpace() instanceof DiscreteSpace;
        if (continuousLearner && discreteEnvironment) {
            throw new IllegalArgumentException("--env " + environmentId + " has discrete actions; " + algo
                    + " needs continuous ones (Pendulum-v1, MountainCarContinuous-v0); for discrete actions use dqn or a linear learner");
        }
        if (!continuousLearner && !discreteEnvironment) {
            throw new IllegalArgumentException("--env " + environmentId + " has continuous actions; " + algo
                    + " needs discrete ones (CartPole-v1, MountainCar-v0, Acrobot-v1); for continuous actions use ddpg, td3 or sac");
        }
    }

    /**
     * The environment as registered, with the time limit replaced if {@code --time-limit} says so
     * and observations clipped into {@code --bounds} if given.
     *
     * @param actionType the class of its actions, which {@link #checkActionSpace} has checked
     */
    private <A> Environment<double[], A> environment(Class<A> actionType) {
        Environment<double[], A> env = Environments.make(environmentId, actionType);
        if (timeLimit != null && env instanceof Wrapper<double[], A> registered) {
            Environment<double[], A> raw = registered.inner();
            env = timeLimit == 0 ? raw : new TimeLimit<>(raw, timeLimit);
        }
        if (bounds != null) {
            double[][] box = parseBounds(env);
            env = new TransformObservation<>(env, observation -> clip(observation, box[0], box[1]), env.observationSpace());
        }
        return env;
    }

    private static double[] clip(double[] observation, double[] low, double[] high) {
        double[] clipped = observation.clone();
        for (int i = 0; i < clipped.length; i++) {
            clipped[i] = Math.min(Math.max(clipped[i], low[i]), high[i]);
        }
        return clipped;
    }

    /** The features' bounds: {@code --bounds}, else the observation space's, which must then be finite. */
    private double[][] featureBounds(Environment<double[], ?> env) {
        if (bounds != null) {
            return parseBounds(env);
        }
        BoxSpace box = (BoxSpace) env.observationSpace();
        for (int i = 0; i < box.dimension(); i++) {
            if (!Double.isFinite(box.low()[i]) || !Double.isFinite(box.high()[i])) {
                throw new IllegalArgumentException("--env " + environmentId + " has an unbounded observation space " + box
                        + " (dimension " + i + "); give --bounds LOW:HIGH,... for the features, e.g. "
                        + "--bounds -2.4:2.4,-3:3,-0.21:0.21,-3.5:3.5 for CartPole-v1");
            }
        }
        return new double[][] {box.low(), box.high()};
    }

    private double[][] parseBounds(Environment<double[], ?> env) {
        int dimension = ((BoxSpace) env.observationSpace()).dimension();
        String[] parts = bounds.split(",");
        if (parts.length != dimension) {
            throw new IllegalArgumentException("--bounds " + bounds + " gives " + parts.length + " ranges; " + environmentId
                    + " observations have " + dimension + " dimensions");
        }
        double[] low = new double[dimension];
        double[] high = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            String[] range = parts[i].split(":");
            try {
                if (range.length != 2) {
                    throw new NumberFormatException();
                }
                low[i] = Double.parseDouble(range[0]);
                high[i] = Double.parseDouble(range[1]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--bounds " + bounds + ": range " + (i + 1) + " '" + parts[i]
                        + "' is not LOW:HIGH with two numbers");
            }
            if (!(Double.isFinite(low[i]) && Double.isFinite(high[i]) && low[i] < high[i])) {
                throw new IllegalArgumentException("--bounds " + bounds + ": range " + (i + 1) + " needs finite LOW < HIGH");
            }
        }
        return new double[][] {low, high};
    }

    private void checkOptions() {
        Environments.maxEpisodeSteps(environmentId);
        budget.check();
        OptionChecks.stepSize("--alpha", alpha);
        OptionChecks.unitInterval("--epsilon", epsilon);
        OptionChecks.unitInterval("--gamma", gamma);
        OptionChecks.unitInterval("--lambda", lambda);
        OptionChecks.atLeastOne("--n", n);
        if (timeLimit != null && timeLimit < 0) {
            throw new IllegalArgumentException("--time-limit " + timeLimit + " is negative; expected 0 (none) or more");
        }
        if (evalEpisodes < 0 || evalEpisodes > 100_000) {
            throw new IllegalArgumentException("--eval-episodes " + evalEpisodes + " is outside [0, 100000]");
        }
    }
}
