package dev.bellman.examples;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bellman.core.stats.ConfidenceInterval;
import dev.bellman.core.stats.StratifiedBootstrap;
import dev.bellman.core.stats.SummaryStats;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * {@code bellman experiment}: trains one configuration with many seeds, each exactly as
 * {@code bellman train --seed K --out DIR/seed-K} would, and summarises the seeds' final returns
 * with the mean, median and interquartile mean and their stratified-bootstrap confidence intervals
 * (Agarwal et al. 2021), and their learning curves with a mean curve and a 95% band.
 */
@Command(name = "experiment", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trains one configuration over many seeds (each as bellman train would) and summarises them: "
                + "mean, median and interquartile mean (IQM) of the final returns with 95%% stratified-bootstrap confidence "
                + "intervals, and the mean learning curve with a 95%% band. Any other option is passed to train.",
                "Example: bellman experiment --env MountainCar-v0 --algo sarsa --episodes 200 --seeds 0-4 --parallel 2 --out runs/exp",
                "Running the same command again keeps the finished seeds and completes the others."})
final class ExperimentCommand implements Callable<Integer> {

    /** The experiment's own arguments under {@code --out}; a rerun must give the same. */
    static final String EXPERIMENT_FILE = "experiment.json";
    /** The summary of the seeds under {@code --out}. */
    static final String SUMMARY_JSON = "summary.json";
    /** The summary in words under {@code --out}. */
    static final String SUMMARY_TEXT = "summary.txt";
    /** The mean learning curve under {@code --out}. */
    static final String CURVE_FILE = "learning-curve.png";
    /** Train options the experiment sets itself, per seed, or that would change how train prints. */
    private static final List<String> OWN_OPTIONS = List.of("--seed", "--out", "--resume", "--format", "--quiet",
            "--help", "-h", "--version", "-V");

    @Option(names = "--env", paramLabel = "ID", required = true,
            description = "The environment, as for bellman train: CartPole-v1, MountainCar-v0, Acrobot-v1, Pendulum-v1, "
                    + "MountainCarContinuous-v0.")
    String environmentId;

    @Option(names = "--algo", paramLabel = "NAME", defaultValue = "sarsa",
            description = "The learner, as for bellman train. Default: ${DEFAULT-VALUE}.")
    String algorithm;

    @Option(names = "--seeds", paramLabel = "SPEC", defaultValue = "0-9",
            description = "The seeds: ranges and lists such as 0-9, 0,3,5 or 0-4,10. Default: ${DEFAULT-VALUE}.")
    String seedsSpec;

    @Option(names = "--parallel", paramLabel = "P", defaultValue = "1",
            description = "Train P seeds at a time, each in its own thread; the results do not depend on P. "
                    + "Default: ${DEFAULT-VALUE}.")
    int parallel;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "The experiment's directory: DIR/seed-K/ per seed (as train --out writes it), DIR/" + SUMMARY_JSON
                    + ", DIR/" + SUMMARY_TEXT + ", DIR/" + CURVE_FILE + " and DIR/" + EXPERIMENT_FILE + ".")
    Path out;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "text (default) or json (the summary alone on standard output).")
    String format;

    @Option(names = "--quiet", description = "No progress lines on standard error as seeds finish. Default: a line per finished seed.")
    boolean quiet;

    @Option(names = "--bootstrap-seed", paramLabel = "N", defaultValue = "0",
            description = "Seed of the bootstrap resampling of the confidence intervals. Default: ${DEFAULT-VALUE}.")
    long bootstrapSeed;

    @Option(names = "--resamples", paramLabel = "N", defaultValue = "2000",
            description = "Bootstrap resamples per interval (rliable uses 50000). Default: ${DEFAULT-VALUE}.")
    int resamples;

    /** Every other argument: options of bellman train, passed to each seed's run unchanged. */
    @Unmatched
    List<String> trainOptions = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        boolean json = switch (format.toLowerCase(Locale.ROOT)) {
            case "text" -> false;
            case "json" -> true;
            default -> throw new IllegalArgumentException("--format " + format + " is not allowed; expected text or json");
        };
        List<Long> seeds = Seeds.parse(seedsSpec, "--seeds");
        if (parallel < 1 || parallel > 256) {
            throw new IllegalArgumentException("--parallel " + parallel + " is outside [1, 256]");
        }
        if (resamples < 1) {
            throw new IllegalArgumentException("--resamples " + resamples + " must be at least 1");
        }
        checkTrainOptions();
        OptionChecks.directoryCanBeCreated("--out", out);
        boolean created = claimDirectory(seeds);

        PrintWriter progress = spec.commandLine().getErr();
        List<SeedRun> runs = new ArrayList<>();
        for (long seed : seeds) {
            runs.add(new SeedRun(seed, out.resolve("seed-" + seed)));
        }
        long kept = runs.stream().filter(SeedRun::finished).count();
        String header = String.format(Locale.ROOT, "experiment: %d seeds (%s), %d finished earlier, %d to train, %d at a time%n",
                runs.size(), Seeds.text(seeds), kept, runs.size() - kept, parallel);
        Map<Long, String> statusBySeed;
        try {
            statusBySeed = trainAll(runs, quiet ? null : progress, header, created);
        } catch (SeedFailedException failed) {
            // train has said what went wrong (e.g. a diverged run and its last good checkpoint): pass it on as it is.
            progress.println("bellman experiment: " + failed.getMessage());
            progress.flush();
            return failed.exitStatus;
        }

        Map<String, Object> summary = summarise(seeds, runs, statusBySeed);
        String text = text(summary);
        JsonFiles.write(out.resolve(SUMMARY_JSON), summary);
        JsonFiles.writeText(out.resolve(SUMMARY_TEXT), text);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(json ? JsonFiles.render(summary) + System.lineSeparator() : text);
        stdout.flush();
        return 0;
    }

    /** @throws IllegalArgumentException if a train option is one the experiment sets, or train would not accept them */
    private void checkTrainOptions() {
        for (String argument : trainOptions) {
            for (String own : OWN_OPTIONS) {
                if (argument.equals(own) || argument.startsWith(own + "=")) {
                    throw new IllegalArgumentException(own + " cannot be passed to train: the experiment sets it for each seed"
                            + (own.equals("--seed") ? "; give the seeds with --seeds SPEC" : ""));
                }
            }
        }
        try {
            BellmanCli.withConverters(new CommandLine(new TrainCommand())).parseArgs(trainArguments(0, out).toArray(String[]::new));
        } catch (CommandLine.ParameterException invalid) {
            throw new IllegalArgumentException("not an option of experiment or train: " + invalid.getMessage());
        }
    }

    /** @return the arguments of one seed's {@code bellman train} run, without the command's name */
    private List<String> trainArguments(long seed, Path directory) {
        List<String> arguments = new ArrayList<>(List.of("--env", environmentId, "--algo", algorithm));
        arguments.addAll(trainOptions);
        arguments.addAll(List.of("--seed", String.valueOf(seed), "--out", directory.toString(), "--quiet", "--format", "json"));
        return arguments;
    }

    /**
     * Writes {@code experiment.json} into a new or empty {@code --out}, or checks that the one there
     * records these options.
     *
     * @return whether this call wrote it
     * @throws IllegalArgumentException if DIR holds another experiment, or files but no experiment
     */
    private boolean claimDirectory(List<Long> seeds) throws IOException {
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("environment", environmentId);
        identity.put("algorithm", algorithm.toLowerCase(Locale.ROOT));
        identity.put("seeds", seeds);
        identity.put("trainOptions", trainOptions);
        ObjectMapper mapper = new ObjectMapper();
        Path file = out.resolve(EXPERIMENT_FILE);
        // Through its text, as the saved one was read: numbers then compare as the same kind of node.
        JsonNode wanted = mapper.readTree(mapper.writeValueAsBytes(identity));
        if (Files.isRegularFile(file)) {
            JsonNode saved;
            try {
                saved = mapper.readTree(file.toFile());
            } catch (JacksonException unreadable) {
                throw new IllegalArgumentException("--out " + out + ": " + EXPERIMENT_FILE + " is not JSON ("
                        + unreadable.getOriginalMessage() + "); use another --out");
            }
            if (!wanted.equals(saved)) {
                throw new IllegalArgumentException("--out " + out + " holds an experiment with other options (" + describe(saved)
                        + "; now " + describe(wanted) + "); give the same options to continue it, or another --out");
            }
            return false;
        }
        if (Files.isDirectory(out)) {
            try (Stream<Path> entries = Files.list(out)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException("--out " + out + " is not empty and holds no " + EXPERIMENT_FILE
                            + "; give a new or empty directory");
                }
            }
        }
        Files.createDirectories(out);
        JsonFiles.write(file, identity);
        return true;
    }

    /** @return an experiment's identity as the command-line options that give it */
    private static String describe(JsonNode identity) {
        StringBuilder text = new StringBuilder();
        text.append("--env ").append(identity.path("environment").asText()).append(" --algo ").append(identity.path("algorithm").asText());
        List<Long> seeds = new ArrayList<>();
        identity.path("seeds").forEach(seed -> seeds.add(seed.asLong()));
        text.append(" --seeds ").append(Seeds.text(seeds));
        identity.path("trainOptions").forEach(option -> text.append(' ').append(option.asText()));
        return text.toString();
    }

    /**
     * Trains every unfinished seed, {@code --parallel} at a time, printing a line as each finishes.
     * On the first failure the seeds not yet started are cancelled; the seeds already running
     * finish (their directories are complete, and a rerun keeps them), then the failure is reported.
     *
     * @param progress where progress goes, or {@code null} for none
     * @param header   the first progress line, printed once the first seed succeeds (or at once if
     *                 none needs training), so that an error stays the only line on standard error
     * @param created  whether this call wrote {@code experiment.json}; if train rejects the options
     *                 before any seed started, it is removed so that corrected options may use DIR
     * @return how each seed was obtained: kept, trained, resumed or restarted
     * @throws IllegalArgumentException with train's message if train rejects a seed's arguments
     * @throws SeedFailedException      with train's message and exit status if a seed fails otherwise
     */
    private Map<Long, String> trainAll(List<SeedRun> runs, PrintWriter progress, String header, boolean created)
            throws IOException, InterruptedException {
        Map<Long, String> status = new LinkedHashMap<>();
        List<SeedRun> pending = new ArrayList<>();
        for (SeedRun run : runs) {
            if (run.finished()) {
                status.put(run.seed(), "kept");
            } else {
                pending.add(run);
            }
        }
        if (pending.isEmpty()) {
            if (progress != null) {
                progress.print(header);
                progress.flush();
            }
            return status;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, pending.size()), task -> {
            Thread thread = new Thread(task, "bellman-experiment");
            thread.setDaemon(true);
            return thread;
        });
        try {
            CompletionService<Outcome> completion = new ExecutorCompletionService<>(pool);
            List<Future<Outcome>> futures = new ArrayList<>();
            // Set by the worker whose seed failed, before it can take the next seed: cancelling the
            // futures from this thread comes too late for a seed a free worker has already picked up.
            AtomicBoolean aSeedFailed = new AtomicBoolean();
            for (SeedRun run : pending) {
                futures.add(completion.submit(() -> {
                    if (aSeedFailed.get()) {
                        return new Outcome(run.seed(), "not started", 0, "", null);
                    }
                    Outcome outcome = train(run);
                    if (outcome.exitStatus() != 0) {
                        aSeedFailed.set(true);
                    }
                    return outcome;
                }));
            }
            for (int done = 0; done < pending.size(); done++) {
                Outcome outcome;
                try {
                    outcome = completion.take().get();
                } catch (ExecutionException failed) {
                    throw new IllegalStateException("a training thread failed: " + failed.getCause(), failed.getCause());
                }
                if (outcome.exitStatus() != 0) {
                    futures.forEach(future -> future.cancel(false));
                    if (created && runs.stream().noneMatch(SeedRun::started)) {
                        Files.deleteIfExists(out.resolve(EXPERIMENT_FILE));
                    }
                    String message = "seed " + outcome.seed() + ": " + outcome.message();
                    if (outcome.exitStatus() == BellmanCli.USAGE_ERROR) {
                        throw new IllegalArgumentException(message);
                    }
                    throw new SeedFailedException(message, outcome.exitStatus());
                }
                status.put(outcome.seed(), outcome.how());
                if (progress != null) {
                    if (done == 0) {
                        progress.print(header);
                    }
                    JsonNode result = outcome.result();
                    progress.printf(Locale.ROOT, "seed %d %s (%d/%d): %d episodes, %d steps, greedy return %s, last 10 episodes %.1f, %.1f s%n",
                            outcome.seed(), outcome.how(), done + 1, pending.size(), result.path("episodes").asLong(),
                            result.path("steps").asLong(), result.has("evaluationMeanReturn")
                                    ? String.format(Locale.ROOT, "%.1f", result.get("evaluationMeanReturn").asDouble()) : "not evaluated",
                            result.path("meanReturnLast10").asDouble(), result.path("seconds").asDouble());
                    progress.flush();
                }
            }
        } finally {
            // Seeds already running finish (without an interrupt, which would break their file
            // writes): no thread may write into DIR after the command has returned.
            pool.shutdown();
            pool.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
        }
        return status;
    }

    /**
     * Trains one seed in this thread through a fresh {@code bellman train}: continues it with
     * {@code train --resume} if an interrupted run left a checkpoint and its arguments, and starts
     * it afresh otherwise or if the checkpoint cannot be resumed (e.g. the run had trained its whole
     * budget but died before writing result.json).
     */
    private Outcome train(SeedRun run) throws IOException {
        if (run.resumable()) {
            Outcome resumed = runBellman(run.seed(), "resumed", "train", "--resume", run.directory().toString(), "--quiet",
                    "--format", "json");
            if (resumed.exitStatus() != BellmanCli.USAGE_ERROR) {
                return resumed;
            }
        }
        List<String> arguments = new ArrayList<>(List.of("train"));
        arguments.addAll(trainArguments(run.seed(), run.directory()));
        return runBellman(run.seed(), run.started() ? "restarted" : "trained", arguments.toArray(String[]::new));
    }

    private static Outcome runBellman(long seed, String how, String... arguments) throws IOException {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int exit = BellmanCli.run(arguments, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
        if (exit != 0) {
            // train's own one-line message, without its "bellman train: " prefix.
            String message = stderr.toString(StandardCharsets.UTF_8).strip().replaceFirst("^bellman train: ", "");
            return new Outcome(seed, how, exit, message, null);
        }
        return new Outcome(seed, how, 0, "", new ObjectMapper().readTree(stdout.toString(StandardCharsets.UTF_8)));
    }

    /**
     * The summary: every seed's final returns as its {@code result.json} records them, and across
     * seeds their mean, median and IQM with bootstrap intervals for the mean and the IQM; then draws
     * the mean learning curve.
     */
    private Map<String, Object> summarise(List<Long> seeds, List<SeedRun> runs, Map<Long, String> statusBySeed) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<Map<String, Object>> perSeed = new ArrayList<>();
        double[] evaluation = new double[runs.size()];
        double[] last10 = new double[runs.size()];
        boolean evaluated = true;
        List<AggregateCurve.RunLog> logs = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            SeedRun run = runs.get(i);
            JsonNode result = mapper.readTree(run.directory().resolve("result.json").toFile());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("seed", run.seed());
            row.put("directory", out.relativize(run.directory()).toString());
            row.put("status", statusBySeed.get(run.seed()));
            row.put("episodes", result.path("episodes").asLong());
            row.put("steps", result.path("steps").asLong());
            row.put("seconds", result.path("seconds").asDouble());
            if (result.has("evaluationMeanReturn")) {
                evaluation[i] = result.get("evaluationMeanReturn").asDouble();
                row.put("evaluationMeanReturn", evaluation[i]);
            } else {
                evaluated = false;
            }
            last10[i] = result.path("meanReturnLast10").asDouble(Double.NaN);
            row.put("meanReturnLast10", Double.isNaN(last10[i]) ? null : last10[i]);
            perSeed.add(row);
            Path metrics = run.directory().resolve("metrics.csv");
            if (Files.isRegularFile(metrics) && Files.size(metrics) > 0) {
                try {
                    logs.add(AggregateCurve.RunLog.read(metrics));
                } catch (IllegalArgumentException noEpisodes) {
                    // A run without a finished episode has no curve; it still has its evaluation.
                }
            }
        }
        StratifiedBootstrap bootstrap = new StratifiedBootstrap(resamples, StratifiedBootstrap.DEFAULT_LEVEL, bootstrapSeed);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("environment", environmentId);
        summary.put("algorithm", algorithm.toLowerCase(Locale.ROOT));
        summary.put("seeds", seeds);
        summary.put("trainOptions", trainOptions);
        summary.put("runs", perSeed);
        summary.put("evaluationMeanReturn", evaluated ? statistics(evaluation, bootstrap) : null);
        boolean everyLast10 = Arrays.stream(last10).noneMatch(Double::isNaN);
        summary.put("meanReturnLast10", everyLast10 ? statistics(last10, bootstrap) : null);
        Map<String, Object> method = new LinkedHashMap<>();
        method.put("method", "percentile bootstrap, seeds resampled with replacement (one stratum: one task)");
        method.put("resamples", resamples);
        method.put("level", StratifiedBootstrap.DEFAULT_LEVEL);
        method.put("seed", bootstrapSeed);
        summary.put("bootstrap", method);
        if (!logs.isEmpty()) {
            AggregateCurve curve = AggregateCurve.of(out.toAbsolutePath().normalize().getFileName().toString(), logs, bootstrap);
            AggregateCurve.writePng(List.of(curve), algorithm.toLowerCase(Locale.ROOT) + " on " + environmentId + ": mean return of "
                    + logs.size() + " seeds with 95% bootstrap CI", out.resolve(CURVE_FILE));
            summary.put("learningCurve", CURVE_FILE);
        }
        return summary;
    }

    /** @return n, mean, median and IQM of {@code scores}, with 95% intervals of the mean and the IQM */
    private static Map<String, Object> statistics(double[] scores, StratifiedBootstrap bootstrap) {
        Map<String, Object> statistics = new LinkedHashMap<>();
        statistics.put("n", scores.length);
        statistics.put("mean", SummaryStats.mean(scores));
        statistics.put("median", SummaryStats.median(scores));
        statistics.put("iqm", SummaryStats.interquartileMean(scores));
        ConfidenceInterval mean = bootstrap.interval(scores, SummaryStats::mean);
        ConfidenceInterval iqm = bootstrap.interval(scores, SummaryStats::interquartileMean);
        statistics.put("meanCi95", List.of(mean.lower(), mean.upper()));
        statistics.put("iqmCi95", List.of(iqm.lower(), iqm.upper()));
        return statistics;
    }

    @SuppressWarnings("unchecked")
    private String text(Map<String, Object> summary) {
        StringBuilder text = new StringBuilder();
        List<Map<String, Object>> perSeed = (List<Map<String, Object>>) summary.get("runs");
        text.append(String.format(Locale.ROOT, "%s: %s over %d seeds (%s)%s%n", environmentId, algorithm.toLowerCase(Locale.ROOT),
                perSeed.size(), Seeds.text(Seeds.parse(seedsSpec, "--seeds")),
                trainOptions.isEmpty() ? "" : ", train options: " + String.join(" ", trainOptions)));
        text.append(String.format(Locale.ROOT, "%6s %9s %10s %14s %16s  %s%n", "seed", "episodes", "steps", "greedy return",
                "last 10 episodes", "this run"));
        for (Map<String, Object> row : perSeed) {
            Object evaluation = row.get("evaluationMeanReturn");
            Object last10 = row.get("meanReturnLast10");
            text.append(String.format(Locale.ROOT, "%6d %9d %10d %14s %16s  %s%n", (Long) row.get("seed"), (Long) row.get("episodes"),
                    (Long) row.get("steps"), evaluation == null ? "-" : String.format(Locale.ROOT, "%.2f", (Double) evaluation),
                    last10 == null ? "-" : String.format(Locale.ROOT, "%.2f", (Double) last10), row.get("status")));
        }
        appendStatistics(text, "Greedy evaluation return (each seed's mean over its evaluation episodes)",
                (Map<String, Object>) summary.get("evaluationMeanReturn"));
        appendStatistics(text, "Mean return of the last 10 training episodes", (Map<String, Object>) summary.get("meanReturnLast10"));
        text.append(String.format(Locale.ROOT, "95%% CIs: percentile bootstrap over seeds, %d resamples, bootstrap seed %d "
                + "(Agarwal et al. 2021). IQM: mean of the middle 50%% of seeds.%n", resamples, bootstrapSeed));
        if (summary.containsKey("learningCurve")) {
            text.append("Learning curve: ").append(out.resolve(CURVE_FILE)).append(System.lineSeparator());
        }
        return text.toString();
    }

    @SuppressWarnings("unchecked")
    private static void appendStatistics(StringBuilder text, String title, Map<String, Object> statistics) {
        text.append(title).append(':').append(System.lineSeparator());
        if (statistics == null) {
            text.append("  not available for every seed").append(System.lineSeparator());
            return;
        }
        List<Double> meanCi = (List<Double>) statistics.get("meanCi95");
        List<Double> iqmCi = (List<Double>) statistics.get("iqmCi95");
        text.append(String.format(Locale.ROOT, "  mean %.2f [95%% CI %.2f, %.2f]   median %.2f   IQM %.2f [95%% CI %.2f, %.2f]%n",
                (Double) statistics.get("mean"), meanCi.get(0), meanCi.get(1), (Double) statistics.get("median"),
                (Double) statistics.get("iqm"), iqmCi.get(0), iqmCi.get(1)));
    }

    /**
     * One seed's run directory.
     *
     * @param seed      the seed
     * @param directory {@code DIR/seed-K}
     */
    private record SeedRun(long seed, Path directory) {

        /** @return whether the run finished: train writes result.json only at its end */
        boolean finished() {
            return Files.isRegularFile(directory.resolve("result.json"));
        }

        /** @return whether a run was started here: train writes its arguments before it trains */
        boolean started() {
            return Files.isRegularFile(directory.resolve(TrainCommand.ARGUMENTS_FILE));
        }

        /** @return whether {@code train --resume} can continue the run */
        boolean resumable() {
            return started() && Files.isRegularFile(directory.resolve(TrainCommand.CHECKPOINT_FILE));
        }
    }

    /** A seed's run failed other than by bad arguments; the message is train's, with the seed. */
    private static final class SeedFailedException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final int exitStatus;

        SeedFailedException(String message, int exitStatus) {
            super(message);
            this.exitStatus = exitStatus;
        }
    }

    /**
     * How one seed's training went.
     *
     * @param how        trained, resumed or restarted
     * @param exitStatus train's exit status
     * @param message    train's error line, without its prefix, if the status is not 0
     * @param result     train's JSON report if the status is 0
     */
    private record Outcome(long seed, String how, int exitStatus, String message, JsonNode result) {
    }
}
