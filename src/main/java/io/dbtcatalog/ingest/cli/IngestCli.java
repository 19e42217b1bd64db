package io.dbtcatalog.ingest.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The command line and the executable jar's entry point: parses the arguments with picocli ({@link IngestCommand}
 * and one class per command; of a command line naming a command, only that command's model is built), runs the
 * command and returns its exit code. The exit codes, also listed by {@code --help}: {@link #OK} every source
 * succeeded, {@link #FAILED} an ingestion or a check failed, {@link #USAGE} the command line or the configuration is
 * wrong.
 */
public final class IngestCli {

    /** Exit code: every source succeeded or had nothing new ({@code status}: no source is failing). */
    public static final int OK = 0;
    /** Exit code: an ingestion or a check failed ({@code status}: the newest ingestion of a source failed). */
    public static final int FAILED = 1;
    /** Exit code: wrong command line, or a configuration that does not bind or validate (the message names it). */
    public static final int USAGE = 2;

    private static final int USAGE_WIDTH = 120;

    private final PrintStream out;
    private final PrintStream err;
    private final StartWarmup warmup;

    public IngestCli(PrintStream out, PrintStream err) {
        this(out, err, StartWarmup.NONE);
    }

    private IngestCli(PrintStream out, PrintStream err, StartWarmup warmup) {
        this.out = out;
        this.err = err;
        this.warmup = warmup;
    }

    /**
     * Spring Boot's background pre-initialisation (Jackson, Bean Validation, Tomcat, message converters warmed on a
     * second thread) is for long-running servers: a one-shot command never uses most of it and pays for it on the
     * second core. Read by Spring Boot as a system property only; set by {@link #main}, the process's entry point.
     */
    static final String SKIP_BACKGROUND_PREINITIALIZER = "spring.backgroundpreinitializer.ignore";

    /**
     * Runs the command line and exits the JVM with its code. From the built jar, {@code launch.FastStart} runs first
     * and has already re-executed a one-shot command on the build's class-data-sharing archive when there is one.
     * A one-shot command starts its {@link StartWarmup} on a second thread first.
     */
    public static void main(String[] args) {
        if (System.getProperty(SKIP_BACKGROUND_PREINITIALIZER) == null) {
            System.setProperty(SKIP_BACKGROUND_PREINITIALIZER, "true");
        }
        StartWarmup warmup = StartWarmup.begin(args);
        System.exit(new IngestCli(System.out, System.err, warmup).execute(args));
    }

    /** Runs one command line and returns its exit code; never calls {@code System.exit}. */
    public int execute(String... args) {
        CommandLine cli = commandLine(args)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .setExpandAtFiles(false)
                .setOverwrittenOptionsAllowed(true)
                .setUnmatchedOptionsAllowedAsOptionParameters(false)
                .setParameterExceptionHandler(IngestCli::usageError)
                .setUsageHelpWidth(USAGE_WIDTH);
        CommandLine help = cli.getSubcommands().get("help");
        if (help != null) {
            help.getCommandSpec()
                    .usageMessage()
                    .header("print this text, or with a command name that command's options");
        }
        cli.getSubcommands().values().forEach(IngestCli::usageHeadings);
        usageHeadings(cli);
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * The command line that {@code args} need: when they start with a command's name, the top with that one command
     * (picocli reflects over one command class, not eleven; what follows the name is parsed by that command alone,
     * as in the whole tree); otherwise ({@code help}, options, no or an unknown command) the whole tree, which help
     * and the usage errors list.
     */
    private CommandLine commandLine(String[] args) {
        Optional<Class<?>> command = args.length == 0 ? Optional.empty() : IngestCommand.commandNamed(args[0]);
        if (command.isEmpty()) {
            return new CommandLine(new IngestCommand(out, err, warmup));
        }
        CommandLine top = new CommandLine(new TopCommand(out, err, warmup));
        top.addSubcommand(command.get());
        return top;
    }

    private static void usageHeadings(CommandLine command) {
        command.getCommandSpec().usageMessage().synopsisHeading("usage: ").optionListHeading("%noptions:%n");
    }

    /**
     * A wrong command line: says what was wrong, naming the command or option; a malformed one (unknown command
     * or option, option without its value) is followed by the usage of the command it was meant for.
     */
    private static int usageError(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("error: " + message(e));
        if (!(e instanceof OptionValueException)) {
            command.usage(err);
        }
        err.flush();
        return USAGE;
    }

    private static String message(ParameterException e) {
        CommandLine command = e.getCommandLine();
        if (e instanceof UnmatchedArgumentException unmatched
                && !unmatched.getUnmatched().isEmpty()) {
            String argument = unmatched.getUnmatched().get(0);
            return command.getParent() == null
                    ? "unknown command '" + argument + "'"
                    : "unknown option '" + argument + "' for " + command.getCommandName();
        }
        if (e instanceof MissingParameterException missing
                && missing.getMissing().size() == 1
                && missing.getMissing().get(0) instanceof OptionSpec option) {
            return option.longestName() + " needs a value";
        }
        return e.getMessage();
    }
}
