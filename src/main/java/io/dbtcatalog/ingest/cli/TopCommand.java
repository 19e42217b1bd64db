package io.dbtcatalog.ingest.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The top of the command line without its commands: answers {@code --help} and {@code --version}, lists the exit
 * codes, and holds the output streams the commands print to. Given no command, it is a usage error. Its commands are
 * declared by {@link IngestCommand}, which extends it; a command line that names a command starts this top with that
 * one command only ({@link IngestCli}), so that picocli builds the model of one command instead of all of them.
 */
@Command(
        name = TopCommand.NAME,
        mixinStandardHelpOptions = true,
        versionProvider = TopCommand.Version.class,
        description = "Keeps a normalized catalog database in step with dbt runs (dbt Cloud or dbt Core).",
        synopsisSubcommandLabel = "<command> [options]",
        commandListHeading = "%ncommands:%n",
        exitCodeListHeading = "%nexit codes:%n",
        exitCodeList = {
            IngestCli.OK + ":every source succeeded (or had nothing new); status: none is failing",
            IngestCli.FAILED + ":an ingestion or a check failed; status: a source's newest ingestion failed",
            IngestCli.USAGE + ":usage or configuration error (the message names the option or the key)"
        })
class TopCommand implements Callable<Integer> {

    /** How the usage names the program. */
    static final String NAME = "java -jar dbt-catalog-ingest.jar";

    private final PrintStream out;
    private final PrintStream err;
    private final StartWarmup warmup;

    @Spec
    private CommandSpec spec;

    TopCommand(PrintStream out, PrintStream err, StartWarmup warmup) {
        this.out = out;
        this.err = err;
        this.warmup = warmup;
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

    /** The warm-up started with the command line ({@link StartWarmup#NONE} in tests). */
    StartWarmup warmup() {
        return warmup;
    }

    /** The version of the jar's manifest; classes not run from the jar (IDE, tests) are a development build. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = TopCommand.class.getPackage().getImplementationVersion();
            return new String[] {"dbt-catalog-ingest " + (version == null ? "(development build)" : version)};
        }
    }
}
