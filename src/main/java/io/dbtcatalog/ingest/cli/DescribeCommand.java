package io.dbtcatalog.ingest.cli;

import io.dbtcatalog.ingest.store.query.CatalogQueries;
import java.io.PrintStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code describe NODE [--json]}: everything the catalog holds about one node of any project — the resource, where it
 * lives, owners, columns with types and markers, tests with their latest results, its latest run or freshness
 * check, and its direct neighbours across projects.
 */
@Command(
        name = "describe",
        mixinStandardHelpOptions = true,
        description = "one node: resource, columns with markers, tests with latest results, owners, neighbours")
final class DescribeCommand extends QueryCommand {

    @Parameters(
            index = "0",
            paramLabel = "NODE",
            description = "a unique_id, a name, or project:name (project:unique_id when a name is ambiguous)")
    private String node;

    @Override
    int answer(CatalogQueries queries, PrintStream out) {
        var description = queries.describe(node(queries, node));
        if (json) {
            printJson(out, description);
        } else {
            DescribePrinter.print(out, description);
        }
        return IngestCli.OK;
    }
}
