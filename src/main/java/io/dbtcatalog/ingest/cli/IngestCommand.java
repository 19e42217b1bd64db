package io.dbtcatalog.ingest.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The top of the command line: lists the commands and the exit codes, answers {@code --help} and {@code --version},
 * and holds the output streams the commands print to. Given no command, it is a usage error.
 */
@Command(
        name = IngestCommand.NAME,
        mixinStandardHelpOptions = true,
        versionProvider = IngestCommand.Version.class,
        description = "Keeps a normalized catalog database in step with dbt runs (dbt Cloud or dbt Core).",
        synopsisSubcommandLabel = "<command> [options]",
        commandListHeading = "%ncommands:%n",
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
        },
        exitCodeListHeading = "%nexit codes:%n",
        exitCodeList = {
            IngestCli.OK + ":every source succeeded (or had nothing new); status: none is failing",
            IngestCli.FAILED + ":an ingestion or a check failed; status: a source's newest ingestion failed",
            IngestCli.USAGE + ":usage or configuration error (the message names the option or the key)"
        })
final class IngestCommand implements Callable<Integer> {

    /** How the usage names the program. */
    static final String NAME = "java -jar dbt-catalog-ingest.jar";

    private final PrintStream out;
    private final PrintStream err;

    @Spec
    private CommandSpec spec;

    IngestCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "no command given");
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    /** The version of the jar's manifest; classes not run from the jar (IDE, tests) are a development build. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = IngestCommand.class.getPackage().getImplementationVersion();
            return new String[] {"dbt-catalog-ingest " + (version == null ? "(development build)" : version)};
        }
    }
}
