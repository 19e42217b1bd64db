package io.dbtcatalog.ingest.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/**
 * The whole command line: the {@link TopCommand} with every command, in the order {@code --help} lists them. Built
 * for help, a missing or unknown command and anything else that is not a command's name; a command line naming a
 * command builds only that one ({@link #commandNamed}).
 */
@Command(
        subcommands = {
            RunCommand.class,
            ValidateCommand.class,
            BackfillCommand.class,
            ScheduleCommand.class,
            StatusCommand.class,
            ColumnLineageCommand.class,
            DescribeCommand.class,
            LineageCommand.class,
            ImpactCommand.class,
            SearchCommand.class,
            HelpCommand.class
        })
final class IngestCommand extends TopCommand {

    /** How the usage names the program. */
    static final String NAME = TopCommand.NAME;

    IngestCommand(PrintStream out, PrintStream err) {
        this(out, err, StartWarmup.NONE);
    }

    IngestCommand(PrintStream out, PrintStream err, StartWarmup warmup) {
        super(out, err, warmup);
    }

    /**
     * The class of the command called {@code name}, but {@code help}, which lists the others and so needs them all;
     * empty for any other word. Read from the annotations only: no command is built.
     */
    static Optional<Class<?>> commandNamed(String name) {
        return Arrays.stream(IngestCommand.class.getAnnotation(Command.class).subcommands())
                .filter(command -> command != HelpCommand.class)
                .filter(command -> command.getAnnotation(Command.class).name().equals(name))
                .findFirst();
    }
}
