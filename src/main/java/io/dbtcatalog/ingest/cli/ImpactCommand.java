package io.dbtcatalog.ingest.cli;

import io.dbtcatalog.ingest.store.query.CatalogQueries;
import io.dbtcatalog.ingest.store.query.Impact;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code impact NODE [--tests] [--json]}: everything downstream of a node in every project of the catalog, exposures
 * included, nearest first, with owners: who to tell before changing it.
 */
@Command(
        name = "impact",
        mixinStandardHelpOptions = true,
        description = "everything downstream of a node in every project, exposures included, with owners")
final class ImpactCommand extends QueryCommand {

    @Parameters(index = "0", paramLabel = "NODE", description = "a unique_id, a name, or project:name")
    private String node;

    @Option(names = "--tests", description = "include data and unit tests (left out by default)")
    private boolean tests;

    @Override
    int answer(CatalogQueries queries, PrintStream out) {
        Impact impact = queries.impact(node(queries, node), tests);
        if (json) {
            printJson(out, impact);
            return IngestCli.OK;
        }
        List<String> types = new ArrayList<>();
        impact.byType().forEach((type, count) -> types.add(count + " " + type));
        out.println("impact of " + impact.root().key().label() + ": "
                + impact.nodes().size() + " downstream in "
                + impact.projects().size() + (impact.projects().size() == 1 ? " project" : " projects") + " ("
                + String.join(", ", impact.projects()) + ")" + (tests ? "" : ", tests left out"));
        if (impact.nodes().isEmpty()) {
            return IngestCli.OK;
        }
        out.println("  " + String.join(", ", types));
        TextTable table = new TextTable("step", "type", "node", "owner");
        for (Impact.Impacted impacted : impact.nodes()) {
            table.row(
                    String.valueOf(impacted.distance()),
                    impacted.node().resourceType(),
                    impacted.node().key().label(),
                    impacted.node().owner() == null ? "" : impacted.node().owner());
        }
        table.print(out, "  ");
        impact.nodes().stream()
                .map(Impact.Impacted::node)
                .filter(n -> n.url() != null)
                .forEach(n -> out.println(TextTable.cut("  " + n.displayName() + ": " + n.url(), TextTable.WIDTH)));
        return IngestCli.OK;
    }
}
