package io.dbtcatalog.ingest.cli;

import io.dbtcatalog.ingest.store.query.CatalogQueries;
import io.dbtcatalog.ingest.store.query.LineageGraph;
import java.io.PrintStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lineage NODE [--up N] [--down N] [--format text|mermaid|dot] [--tests] [--json]}: the node's upstream and
 * downstream across projects, as a table, a Mermaid flowchart or a Graphviz digraph.
 */
@Command(
        name = "lineage",
        mixinStandardHelpOptions = true,
        description = "a node's upstream and downstream across projects, as text, Mermaid or Graphviz dot")
final class LineageCommand extends QueryCommand {

    /** How lineage is printed. */
    enum Format {
        text,
        mermaid,
        dot
    }

    @Parameters(index = "0", paramLabel = "NODE", description = "a unique_id, a name, or project:name")
    private String node;

    @Option(
            names = "--up",
            paramLabel = "N",
            defaultValue = "100",
            description = "steps upstream, 0 for none (default: all)")
    private int up;

    @Option(
            names = "--down",
            paramLabel = "N",
            defaultValue = "100",
            description = "steps downstream, 0 for none (default: all)")
    private int down;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "text",
            description = "text (default), mermaid or dot")
    private Format format;

    @Option(names = "--tests", description = "include data and unit tests (left out by default)")
    private boolean tests;

    @Override
    void checkOptions() {
        if (up < 0 || down < 0) {
            throw new OptionValueException(spec(), "--up and --down take a number of steps, 0 or more");
        }
        if (json && format != Format.text) {
            throw new OptionValueException(spec(), "--json and --format " + format + " exclude each other");
        }
    }

    @Override
    int answer(CatalogQueries queries, PrintStream out) {
        LineageGraph graph = queries.lineage(node(queries, node), up, down, tests);
        if (json) {
            printJson(out, graph);
        } else {
            switch (format) {
                case text -> LineagePrinter.text(out, graph, tests);
                case mermaid -> LineagePrinter.mermaid(out, graph);
                case dot -> LineagePrinter.dot(out, graph);
            }
        }
        return IngestCli.OK;
    }
}
