package io.dbtcatalog.ingest.cli;

import io.dbtcatalog.ingest.job.IngestRequest;
import io.dbtcatalog.ingest.job.IngestionLauncher;
import io.dbtcatalog.ingest.job.SourceOutcome;
import io.dbtcatalog.ingest.job.SourceRegistry;
import java.io.PrintStream;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;

/** {@code run}: ingests the latest run of each selected source and prints the summary. */
final class RunCommand implements CliCommand {

    @Override
    public int execute(ConfigurableApplicationContext context, CliArguments arguments, PrintStream out,
            PrintStream err) {
        IngestionLauncher launcher = context.getBean(IngestionLauncher.class);
        List<SourceOutcome> outcomes;
        try {
            outcomes = launcher.launch(IngestRequest.latest(arguments.value("--source").orElse(null),
                    arguments.flag("--force")));
        } catch (SourceRegistry.UnknownSourceException e) {
            err.println("error: " + e.getMessage());
            return IngestCli.USAGE;
        }
        SummaryPrinter.print(out, outcomes);
        return outcomes.stream().allMatch(SourceOutcome::succeeded) ? IngestCli.OK : IngestCli.FAILED;
    }
}
