package io.dbtcatalog.ingest.cli;

import io.dbtcatalog.ingest.job.SourceRegistry;
import io.dbtcatalog.ingest.store.CatalogStore;
import io.dbtcatalog.ingest.store.lineage.ColumnLookup;
import io.dbtcatalog.ingest.store.lineage.ColumnWalk;
import java.io.PrintStream;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code column-lineage NODE.COLUMN [--up|--down] [--depth N] [--format text|mermaid] [--json]}: the columns that
 * feed a column (upstream, the default) or that it feeds (downstream), recursively, read from the catalog's
 * {@code catalog_column_lineage}; as an indented tree, a Mermaid flowchart to paste into a pull request or a docs
 * page, or JSON. Read-only: the catalog is neither migrated nor written.
 */
@Command(
        name = "column-lineage",
        mixinStandardHelpOptions = true,
        description = "print the upstream or downstream columns of a column (text, Mermaid or JSON)")
final class ColumnLineageCommand extends ApplicationCommand {

    static final int MAX_DEPTH = 100;

    @Parameters(
            paramLabel = "NODE.COLUMN",
            description = "the column: unique id or name of its node, a dot, its name (model.shop.orders.amount,"
                    + " orders.amount)")
    private String column;

    @ArgGroup(exclusive = true)
    private Direction direction = new Direction();

    static final class Direction {
        @Option(names = "--up", description = "the columns that feed it (default)")
        boolean up;

        @Option(names = "--down", description = "the columns it feeds: what a change to it impacts")
        boolean down;
    }

    @Option(
            names = "--depth",
            paramLabel = "N",
            description = "follow at most N edges (default: all, up to " + MAX_DEPTH + ")")
    private Integer depth;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text (default) or mermaid")
    private String format;

    @Option(names = "--json", description = "the edges as JSON")
    private boolean json;

    @Option(
            names = "--source",
            paramLabel = "NAME",
            description = "the configured source (needed when there are several)")
    private String source;

    @Override
    void checkOptions() {
        if (depth != null && (depth < 1 || depth > MAX_DEPTH)) {
            throw new OptionValueException(spec(), "--depth must be between 1 and " + MAX_DEPTH + ", not " + depth);
        }
        if (!format.equals("text") && !format.equals("mermaid")) {
            throw new OptionValueException(spec(), "--format must be text or mermaid, not '" + format + "'");
        }
        if (json && format.equals("mermaid")) {
            throw new OptionValueException(spec(), "--json and --format mermaid cannot be combined");
        }
    }

    @Override
    boolean readOnly() {
        return true;
    }

    @Override
    int execute(ConfigurableApplicationContext context, PrintStream out, PrintStream err) {
        List<String> sources = context.getBean(SourceRegistry.class).names();
        String project = source != null ? source : sources.size() == 1 ? sources.get(0) : null;
        if (project == null || !sources.contains(project)) {
            err.println("error: "
                    + (project == null
                            ? "several sources are configured; "
                            : "no source '" + project + "' in the configuration; ")
                    + "choose one with --source NAME (" + String.join(", ", sources) + ")");
            return IngestCli.USAGE;
        }
        boolean upstream = !direction.down;
        ColumnWalk walk;
        try {
            walk = context.getBean(CatalogStore.class)
                    .walkColumnLineage(project, column, upstream, depth == null ? MAX_DEPTH : depth);
        } catch (ColumnLookup.NotFound e) {
            err.println("error: " + e.getMessage());
            return IngestCli.USAGE;
        }
        ColumnLineagePrinter printer = new ColumnLineagePrinter(walk, upstream);
        if (json) {
            out.println(printer.json());
        } else if (format.equals("mermaid")) {
            out.print(printer.mermaid());
        } else {
            out.print(printer.text());
        }
        return IngestCli.OK;
    }
}
