package dev.bellman.examples;

import dev.bellman.core.TrainingDivergedException;
import dev.bellman.core.checkpoint.InvalidCheckpointException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;

/**
 * The {@code bellman} command-line program. Each subcommand prints readable text, or JSON alone on
 * standard output with {@code --format json}. Bad arguments exit with status 2 and one line on
 * standard error that names the argument and what is allowed.
 */
@Command(name = "bellman", mixinStandardHelpOptions = true, version = "bellman 0.1.0-SNAPSHOT",
        description = "Reinforcement-learning algorithms from dynamic programming to DDPG.",
        subcommands = {GridWorldCommand.class, MdpCommand.class, TrainCommand.class, EvalCommand.class,
                ExperimentCommand.class, PlotCommand.class, EnvsCommand.class, AlgosCommand.class,
                CommandLine.HelpCommand.class})
public final class BellmanCli implements Runnable {

    /** Exit status for bad arguments or input. */
    public static final int USAGE_ERROR = 2;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Without a subcommand there is nothing to do: say which exist. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "missing subcommand; expected one of " + String.join(", ", spec.subcommands().keySet()));
    }

    /**
     * Runs the program with UTF-8 output (arrows must print whatever the platform encoding) and
     * exits with its status.
     *
     * @param args the command line: a subcommand and its options
     */
    public static void main(String[] args) {
        // Pictures are drawn into memory only: headless AWT needs no display, and on macOS shows no Dock icon.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    /**
     * Runs the program in this JVM, for tests and embedding.
     *
     * @param args the command line: a subcommand and its options
     * @param out  where results are printed
     * @param err  where errors and usage messages are printed
     * @return the exit status: 0 on success, 2 for bad arguments or input, 1 for an internal error
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine commandLine = withConverters(new CommandLine(new BellmanCli()));
        // -V on a subcommand prints the program's version too.
        String[] version = commandLine.getCommandSpec().version();
        for (CommandLine subcommand : commandLine.getSubcommands().values()) {
            subcommand.getCommandSpec().version(version);
        }
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setParameterExceptionHandler((exception, arguments) -> {
            err.println(oneLine(exception.getCommandLine().getCommandName(), exception.getMessage())
                    + " (see --help)");
            return USAGE_ERROR;
        });
        commandLine.setExecutionExceptionHandler((exception, command, parseResult) -> {
            if (exception instanceof IllegalArgumentException) {
                err.println(oneLine(command.getCommandName(), exception.getMessage()));
                return USAGE_ERROR;
            }
            if (exception instanceof InvalidCheckpointException invalid) {
                err.println(oneLine(command.getCommandName(), "cannot resume: " + invalid.getMessage()));
                return USAGE_ERROR;
            }
            if (exception instanceof TrainingDivergedException diverged) {
                // Not a defect: the run's settings made it diverge, and the message says where to go back to.
                err.println(oneLine(command.getCommandName(), diverged.getMessage()));
                return 1;
            }
            if (exception instanceof FileSystemException fileSystem) {
                // A path the user gave cannot be read or written: bad input, not a defect.
                err.println(oneLine(command.getCommandName(), "cannot write or read " + OptionChecks.describe(fileSystem)));
                return USAGE_ERROR;
            }
            err.println(oneLine(command.getCommandName(), "internal error: " + exception));
            return 1;
        });
        return commandLine.execute(args);
    }

    /**
     * Registers the program's own type converters on {@code line} and its subcommands: paths whose
     * errors name the bad value and why, where picocli's would name a Java exception.
     *
     * @param line a command line, with its subcommands added
     * @return {@code line}
     */
    static CommandLine withConverters(CommandLine line) {
        return line.registerConverter(Path.class, value -> {
            try {
                return Path.of(value);
            } catch (InvalidPathException invalid) {
                throw new CommandLine.TypeConversionException("'" + value.replace("\0", "\\u0000") + "' is not a usable path ("
                        + invalid.getReason() + ")");
            }
        });
    }

    private static String oneLine(String command, String message) {
        String prefix = "bellman".equals(command) ? "bellman" : "bellman " + command;
        return prefix + ": " + String.valueOf(message).replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
