package dev.bellman.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The output options every subcommand shares ({@code --format text|json}, {@code --out DIR}) and
 * the one way results are printed and saved.
 */
final class OutputOptions {

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "text (default) or json (JSON alone on standard output).")
    String format;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Also write result.txt and result.json into DIR (learners add metrics.csv and learning-curve.png; "
                    + "train adds its model, checkpoint.bin, run-arguments.json, which --resume DIR reads, and config.json, which "
                    + "--config repeats the run with). Default: none (standard output only).")
    Path out;

    /**
     * Checks the output options; every command calls it before any work, so that a bad {@code --out}
     * fails before anything is printed.
     *
     * @return whether JSON was asked for
     * @throws IllegalArgumentException if the format is neither text nor json, or {@code --out} is a
     *                                  file or lies below one
     */
    boolean json() {
        if (out != null) {
            OptionChecks.directoryCanBeCreated("--out", out);
        }
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "text" -> false;
            case "json" -> true;
            default -> throw new IllegalArgumentException("--format " + format + " is not allowed; expected text or json");
        };
    }

    /**
     * Prints the text or the JSON report on standard output and, with {@code --out}, writes both.
     *
     * @param report what Jackson renders as the JSON: a map (an object) or a list (an array)
     * @return the directory written to, or {@code null} without {@code --out}
     */
    Path emit(PrintWriter stdout, String text, Object report) throws IOException {
        String rendered = render(report);
        stdout.print(json() ? rendered + System.lineSeparator() : text);
        stdout.flush();
        if (out == null) {
            return null;
        }
        Files.createDirectories(out);
        // Atomic: an experiment takes a seed's result.json as proof that the seed finished.
        JsonFiles.writeText(out.resolve("result.txt"), text);
        JsonFiles.writeText(out.resolve("result.json"), rendered + "\n");
        return out;
    }

    private static String render(Object report) throws JsonProcessingException {
        return JsonFiles.render(report);
    }
}
