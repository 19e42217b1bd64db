package io.dbtcatalog.ingest.cli;

import io.dbtcatalog.ingest.store.SchemaStatus;
import io.dbtcatalog.ingest.store.query.CatalogQueries;
import io.dbtcatalog.ingest.store.query.NodeKey;
import io.dbtcatalog.ingest.store.query.NodeLookupException;
import java.io.PrintStream;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataAccessException;
import picocli.CommandLine.Option;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the read-only question commands ({@code describe}, {@code lineage}, {@code impact}, {@code search}) share:
 * {@code --json}, a catalog opened read-only and never migrated, only a {@link DataSource} from the application, and
 * the errors: a NODE that names no node or several (exit 2, with the candidates), a catalog not yet migrated to the
 * schema the questions need (exit 1, naming the missing migrations).
 */
abstract class QueryCommand extends ApplicationCommand {

    @Option(names = "--json", description = "the answer as JSON")
    boolean json;

    /** Answers with the queries; returns the exit code. */
    abstract int answer(CatalogQueries queries, PrintStream out);

    @Override
    boolean readOnly() {
        return true;
    }

    @Override
    final int execute(ConfigurableApplicationContext context, PrintStream out, PrintStream err) {
        DataSource dataSource = context.getBean(DataSource.class);
        try {
            return answer(new CatalogQueries(dataSource), out);
        } catch (NodeLookupException e) {
            err.println("error: " + e.getMessage());
            e.candidates().forEach(candidate -> err.println("  " + candidate.label()));
            return IngestCli.USAGE;
        } catch (DataAccessException e) {
            List<String> pending = pendingMigrations(dataSource);
            if (pending.isEmpty()) {
                throw e;
            }
            err.println("error: the catalog database lacks the schema migrations " + String.join(", ", pending)
                    + "; run `run` or `schedule` once (they migrate it), then ask again");
            return IngestCli.FAILED;
        }
    }

    void printJson(PrintStream out, Object answer) {
        out.println(Json.MAPPER.writeValueAsString(answer));
    }

    /** The NODE argument resolved, or a NodeLookupException. */
    static NodeKey node(CatalogQueries queries, String node) {
        return queries.resolve(node);
    }

    private static List<String> pendingMigrations(DataSource dataSource) {
        try {
            return SchemaStatus.pendingMigrations(dataSource);
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /**
     * The JSON mapper, built on first use: picocli instantiates every command to build its model, and a mapper
     * built then would cost every command line about 0.1 s of start-up (docs/decisions/0012-fast-start.md).
     */
    private static final class Json {
        static final JsonMapper MAPPER =
                JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    }
}
