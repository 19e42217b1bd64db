package io.dbtcatalog.ingest.cli;

import io.dbtcatalog.ingest.config.IngestionProperties;
import io.dbtcatalog.ingest.job.IngestionCheck;
import io.dbtcatalog.ingest.job.SourceCheck;
import io.dbtcatalog.ingest.job.SourceRegistry;
import java.io.PrintStream;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code validate}: the configuration was checked at start-up and the database reached; this checks every source
 * (lists its runs, reads the latest run's artifacts) and prints what a {@code run} would add, change and delete,
 * writing nothing. Exit 0 when a run would succeed, 1 when a check fails or a run would stop.
 */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = "check the configuration, the database and every source, and print what a run would change,"
                + " writing nothing")
final class ValidateCommand extends ApplicationCommand {

    @Option(names = "--source", paramLabel = "NAME", description = "only this configured source")
    private String source;

    @Override
    int execute(ConfigurableApplicationContext context, PrintStream out, PrintStream err) {
        IngestionCheck check = context.getBean(IngestionCheck.class);
        String url = context.getBean(IngestionProperties.class).target().url();
        List<String> pending = check.pendingMigrations();
        List<SourceCheck> checks;
        try {
            checks = check.check(source, pending.isEmpty());
        } catch (SourceRegistry.UnknownSourceException e) {
            err.println("error: " + e.getMessage());
            return IngestCli.USAGE;
        }
        out.println();
        out.println("configuration: OK");
        if (pending.isEmpty()) {
            out.println("catalog database " + url + ": OK, schema current");
        } else {
            out.println("catalog database " + url + ": OK, reachable; a run would first create or migrate the schema ("
                    + String.join(", ", pending) + "), so no comparison with the catalog is shown");
        }
        checks.forEach(c -> CheckPrinter.print(out, c));
        return checks.stream().allMatch(SourceCheck::succeeded) ? IngestCli.OK : IngestCli.FAILED;
    }

    @Override
    boolean readOnly() {
        return true;
    }

    /** Validate reports a schema that is behind (what a run would apply) instead of refusing to run. */
    @Override
    SchemaNeed schemaNeed() {
        return SchemaNeed.REPORTED_BY_COMMAND;
    }
}
