package io.dbtcatalog.ingest.cli;

import io.dbtcatalog.ingest.schedule.SourceStatus;
import io.dbtcatalog.ingest.schedule.SourceStatuses;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code status [--json]}: per configured source, the last successful ingestion (dbt run, when, counts), the last
 * failure with its message and the next scheduled fire time. Exits 1 when the newest ingestion of any source
 * failed, so it doubles as a health check.
 */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "per source: last success, last failure, next fire time; exit 1 if one is failing")
final class StatusCommand extends ApplicationCommand {

    @Option(names = "--json", description = "status as JSON")
    private boolean json;

    @Override
    int execute(ConfigurableApplicationContext context, PrintStream out, PrintStream err) {
        boolean ingestedEver = !catalogSchema().empty();
        List<SourceStatus> statuses = context.getBean(SourceStatuses.class).all(Instant.now(), ingestedEver);
        if (json) {
            out.println(Json.MAPPER.writeValueAsString(Map.of("sources", statuses)));
        } else {
            StatusPrinter.print(out, statuses);
        }
        return statuses.stream().anyMatch(s -> s.state() == SourceStatus.State.FAILING)
                ? IngestCli.FAILED
                : IngestCli.OK;
    }

    @Override
    boolean readOnly() {
        return true;
    }

    /** A database nothing was ever ingested into has no schema yet: every source says so. */
    @Override
    SchemaNeed schemaNeed() {
        return SchemaNeed.CURRENT_OR_EMPTY;
    }

    /** Built on first use only: picocli instantiates every command, and a mapper costs a noticeable part of a start. */
    private static final class Json {
        static final JsonMapper MAPPER =
                JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    }
}
