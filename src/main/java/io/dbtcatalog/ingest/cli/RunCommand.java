package io.dbtcatalog.ingest.cli;

import io.dbtcatalog.ingest.job.IngestRequest;
import io.dbtcatalog.ingest.job.IngestionLauncher;
import io.dbtcatalog.ingest.job.SourceOutcome;
import io.dbtcatalog.ingest.job.SourceRegistry;
import java.io.PrintStream;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code run}: ingests the latest run of each selected source and prints the summary. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = "ingest the latest run of every configured source (or of one, with --source)")
final class RunCommand extends ApplicationCommand {

    @Option(
            names = "--source",
            paramLabel = "NAME",
            description = "only this configured source (default: every source; one failing does not stop the others)")
    private String source;

    @Option(names = "--force", description = "ingest runs again even when the catalog already holds them")
    private boolean force;

    @Option(
            names = "--allow-mass-delete",
            description = "let a run soft-delete more nodes than ingestion.max-delete-share allows")
    private boolean allowMassDelete;

    @Override
    int execute(ConfigurableApplicationContext context, PrintStream out, PrintStream err) {
        IngestionLauncher launcher = context.getBean(IngestionLauncher.class);
        List<SourceOutcome> outcomes;
        try {
            outcomes = launcher.launch(IngestRequest.latest(source, force).withAllowMassDelete(allowMassDelete));
        } catch (SourceRegistry.UnknownSourceException e) {
            err.println("error: " + e.getMessage());
            return IngestCli.USAGE;
        }
        SummaryPrinter.print(out, outcomes);
        return outcomes.stream().allMatch(SourceOutcome::succeeded) ? IngestCli.OK : IngestCli.FAILED;
    }
}
