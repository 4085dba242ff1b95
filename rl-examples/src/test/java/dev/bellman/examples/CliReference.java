package dev.bellman.examples;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The option tables of {@code docs/cli.md}, generated from picocli's model of the program so that
 * the reference says what {@code --help} says. {@link CliReferenceTest} compares them with the
 * file and rewrites it when asked ({@code -Dbellman.writeCliDocs=true}).
 */
final class CliReference {

    private CliReference() {
    }

    /** @return the program's subcommands by name, {@code help} left out */
    static Map<String, CommandSpec> subcommands() {
        CommandLine program = new CommandLine(new BellmanCli());
        Map<String, CommandSpec> commands = new LinkedHashMap<>();
        program.getSubcommands().forEach((name, line) -> {
            if (!name.equals("help")) {
                commands.put(name, line.getCommandSpec());
            }
        });
        return commands;
    }

    /** @return the description of an option as {@code --help} prints it, on one line */
    static String description(ArgSpec arg) {
        String text = String.join(" ", arg.description());
        String defaultValue = arg.defaultValue();
        return text.replace("${DEFAULT-VALUE}", defaultValue == null ? "none" : defaultValue).replaceAll("\\s+", " ").strip();
    }

    /** @return the markdown table of the command's options and parameters, one row each, in --help order */
    static String table(CommandSpec command) {
        List<String> rows = new ArrayList<>();
        rows.add("| Option | Value | Description |");
        rows.add("|---|---|---|");
        for (PositionalParamSpec positional : command.positionalParameters()) {
            rows.add("| " + code(positional.paramLabel()) + " | | " + cell(description(positional)) + " |");
        }
        for (OptionSpec option : command.options()) {
            String names = String.join(", ", option.names().length > 1 ? List.of(option.names()) : List.of(option.longestName()))
                    .replaceAll("([^, ]+)", "`$1`");
            String value = option.arity().max() == 0 ? "" : code(option.paramLabel());
            rows.add("| " + names + " | " + value + " | " + cell(description(option)) + " |");
        }
        return String.join("\n", rows) + "\n";
    }

    private static String code(String text) {
        return "`" + text + "`";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    /** @return the marker that opens a command's generated table in docs/cli.md */
    static String begin(String command) {
        return "<!-- options:" + command + " (generated from picocli's model by CliReferenceTest; do not edit) -->\n";
    }

    /** @return the marker that closes it */
    static String end(String command) {
        return "<!-- /options:" + command + " -->\n";
    }
}
