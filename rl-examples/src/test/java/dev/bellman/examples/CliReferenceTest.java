package dev.bellman.examples;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command line is consistent across its subcommands (every option states its default, every
 * subcommand speaks JSON) and {@code docs/cli.md} documents every option of every subcommand as
 * {@code --help} does. After changing an option, regenerate the tables with
 * {@code mvn -o -q -pl rl-examples -am test -Dtest=CliReferenceTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dbellman.writeCliDocs=true}.
 */
class CliReferenceTest {

    /** docs/cli.md, from the module directory surefire runs in. */
    static final Path DOCS = Path.of("..", "docs", "cli.md");

    @Test
    void everyOptionStatesItsDefault() {
        List<String> silent = new ArrayList<>();
        for (Map.Entry<String, CommandSpec> command : CliReference.subcommands().entrySet()) {
            for (OptionSpec option : command.getValue().options()) {
                String description = CliReference.description(option).toLowerCase(Locale.ROOT);
                boolean standard = option.longestName().equals("--help") || option.longestName().equals("--version");
                if (!standard && !option.required() && !description.contains("default")) {
                    silent.add(command.getKey() + " " + option.longestName());
                }
            }
        }
        assertEquals(List.of(), silent, "options whose --help does not state the default");
    }

    @Test
    void everySubcommandHasJsonOutput() {
        for (Map.Entry<String, CommandSpec> command : CliReference.subcommands().entrySet()) {
            assertTrue(command.getValue().findOption("--format") != null, command.getKey() + " has no --format");
        }
    }

    @Test
    void docsListEveryOptionOfEverySubcommandAsHelpDoes() throws IOException {
        String docs = Files.readString(DOCS, StandardCharsets.UTF_8);
        String updated = docs;
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, CommandSpec> command : CliReference.subcommands().entrySet()) {
            String name = command.getKey();
            String begin = CliReference.begin(name);
            String end = CliReference.end(name);
            int from = updated.indexOf(begin);
            int to = updated.indexOf(end);
            if (from < 0 || to < from) {
                problems.add("docs/cli.md has no generated table for " + name + " (markers " + begin.strip() + " ... " + end.strip() + ")");
                continue;
            }
            String section = updated.substring(from + begin.length(), to);
            String table = CliReference.table(command.getValue());
            if (!section.equals(table)) {
                problems.add("the table of " + name + " differs from its --help");
                updated = updated.substring(0, from + begin.length()) + table + updated.substring(to);
            }
            for (OptionSpec option : command.getValue().options()) {
                for (String optionName : option.names()) {
                    if (!section.contains("`" + optionName + "`") && !table.contains("`" + optionName + "`")) {
                        problems.add(name + " " + optionName + " is not in docs/cli.md");
                    }
                }
            }
        }
        if (Boolean.getBoolean("bellman.writeCliDocs") && !updated.equals(docs)) {
            Files.writeString(DOCS, updated, StandardCharsets.UTF_8);
            return;
        }
        assertEquals(List.of(), problems, "regenerate with -Dbellman.writeCliDocs=true (see this class's Javadoc)");
    }
}
