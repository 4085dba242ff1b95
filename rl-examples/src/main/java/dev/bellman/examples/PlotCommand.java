package dev.bellman.examples;

import dev.bellman.core.stats.StratifiedBootstrap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code bellman plot}: draws the learning curves of experiment directories (the mean over seeds
 * with a 95% band) and of single train runs (a moving average) on one chart, so that they can be
 * compared.
 */
@Command(name = "plot", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Draws learning curves against environment steps on one chart: an experiment directory as the mean "
                + "over its seeds with a 95%% bootstrap band, a train run directory (--out of bellman train) as the moving "
                + "average of its returns. Each curve is labelled with its directory's name.",
                "Example: bellman plot runs/sarsa runs/q-learning --out compare.png --title \"MountainCar-v0\""})
final class PlotCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", arity = "1..*",
            description = "Experiment directories (with experiment.json) or train run directories (with metrics.csv).")
    List<Path> directories;

    @Option(names = "--out", paramLabel = "FILE.png", defaultValue = "plot.png",
            description = "The PNG file to write. Default: ${DEFAULT-VALUE} in the current directory.")
    Path out;

    @Option(names = "--title", paramLabel = "T", description = "The chart's title. Default: the directories' names.")
    String title;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "text (default) or json (what was drawn, alone on standard output).")
    String format;

    @Option(names = "--bootstrap-seed", paramLabel = "N", defaultValue = "0",
            description = "Seed of the bootstrap resampling of the bands. Default: ${DEFAULT-VALUE}.")
    long bootstrapSeed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        boolean json = switch (format.toLowerCase(Locale.ROOT)) {
            case "text" -> false;
            case "json" -> true;
            default -> throw new IllegalArgumentException("--format " + format + " is not allowed; expected text or json");
        };
        if (!out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
            throw new IllegalArgumentException("--out " + out + " must name a .png file");
        }
        if (Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out " + out + " is a directory; expected a .png file");
        }
        Path parent = out.toAbsolutePath().getParent();
        OptionChecks.directoryCanBeCreated("--out", parent);
        List<AggregateCurve> curves = new ArrayList<>();
        List<Map<String, Object>> drawn = new ArrayList<>();
        for (Path directory : directories) {
            AggregateCurve curve = curve(directory);
            curves.add(curve);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("directory", directory.toString());
            row.put("label", curve.label());
            row.put("kind", curve.lower() != null ? "experiment" : "train");
            row.put("runs", curve.runs());
            row.put("points", curve.steps().length);
            row.put("finalReturn", curve.mean()[curve.mean().length - 1]);
            drawn.add(row);
        }
        Files.createDirectories(parent);
        String chartTitle = title != null ? title : String.join(" vs ", curves.stream().map(AggregateCurve::label).toList());
        AggregateCurve.writePng(curves, chartTitle, out);
        PrintWriter stdout = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("out", out.toString());
            report.put("curves", drawn);
            stdout.println(JsonFiles.render(report));
        } else {
            for (Map<String, Object> row : drawn) {
                stdout.printf(Locale.ROOT, "%s: %s, %d run%s, return at the last point %.2f%n", row.get("label"), row.get("kind"),
                        (Integer) row.get("runs"), (Integer) row.get("runs") == 1 ? "" : "s", (Double) row.get("finalReturn"));
            }
            stdout.println("Wrote " + out);
        }
        stdout.flush();
        return 0;
    }

    /**
     * @throws IllegalArgumentException if {@code directory} is neither an experiment nor a train run
     *                                  with at least one finished episode
     */
    private AggregateCurve curve(Path directory) throws IOException {
        Path name = directory.toAbsolutePath().normalize().getFileName();
        String label = name == null ? directory.toString() : name.toString();
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException(directory + " is not a directory; expected an experiment or train run directory");
        }
        if (Files.isRegularFile(directory.resolve(ExperimentCommand.EXPERIMENT_FILE))) {
            List<AggregateCurve.RunLog> logs = new ArrayList<>();
            try (Stream<Path> entries = Files.list(directory)) {
                for (Path seedDirectory : entries.filter(path -> path.getFileName().toString().matches("seed-\\d+")).sorted().toList()) {
                    Path metrics = seedDirectory.resolve("metrics.csv");
                    if (Files.isRegularFile(seedDirectory.resolve("result.json")) && Files.isRegularFile(metrics)) {
                        logs.add(AggregateCurve.RunLog.read(metrics));
                    }
                }
            }
            if (logs.isEmpty()) {
                throw new IllegalArgumentException(directory + " is an experiment without a finished seed (seed-K/result.json "
                        + "and metrics.csv); run bellman experiment to completion first");
            }
            return AggregateCurve.of(label, logs, new StratifiedBootstrap(bootstrapSeed));
        }
        if (Files.isRegularFile(directory.resolve("metrics.csv"))) {
            return AggregateCurve.movingAverage(label, AggregateCurve.RunLog.read(directory.resolve("metrics.csv")));
        }
        throw new IllegalArgumentException(directory + " holds neither " + ExperimentCommand.EXPERIMENT_FILE
                + " (bellman experiment --out) nor metrics.csv (bellman train --out)");
    }
}
