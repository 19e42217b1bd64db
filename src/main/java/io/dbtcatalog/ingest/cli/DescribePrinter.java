package io.dbtcatalog.ingest.cli;

import io.dbtcatalog.ingest.store.query.NodeDescription;
import io.dbtcatalog.ingest.store.query.NodeSummary;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Prints {@code describe}: a header of facts, then columns, tests, upstream and downstream as tables. */
final class DescribePrinter {

    private DescribePrinter() {}

    static void print(PrintStream out, NodeDescription node) {
        out.println(node.resourceType() + " " + node.key().label());
        if (node.description() != null) {
            wrap(node.description()).forEach(line -> out.println("  " + line));
        }
        fact(out, "relation", relation(node));
        fact(out, "governance", governance(node));
        if (node.exposure() != null) {
            NodeDescription.Exposure exposure = node.exposure();
            fact(
                    out,
                    "exposure",
                    String.join(
                            ", ",
                            nonNull(
                                    exposure.exposureType(),
                                    exposure.label(),
                                    exposure.maturity() == null ? null : "maturity " + exposure.maturity())));
            fact(out, "url", exposure.url());
        }
        fact(out, "owners", node.owners().isEmpty() ? null : String.join(", ", node.owners()));
        fact(out, "tags", node.tags().isEmpty() ? null : String.join(", ", node.tags()));
        fact(out, "file", node.filePath() == null ? null : node.filePath() + " (package " + node.packageName() + ")");
        if (node.homeProjectKey() != null) {
            fact(out, "defined in", "project " + node.homeProjectKey() + " (this project refs it: dbt Mesh)");
        }
        if (!node.referencedBy().isEmpty()) {
            fact(out, "referenced by", "projects " + String.join(", ", node.referencedBy()) + " (dbt Mesh)");
        }
        if (node.lastRun() != null) {
            NodeDescription.LastRun run = node.lastRun();
            fact(
                    out,
                    "last run",
                    run.status()
                            + at(run.completedAt())
                            + (run.executionTimeS() == null
                                    ? ""
                                    : String.format(Locale.ROOT, " in %.1f s", run.executionTimeS()))
                            + (run.rowsAffected() == null ? "" : ", " + run.rowsAffected() + " rows"));
        }
        if (node.freshness() != null) {
            fact(
                    out,
                    "freshness",
                    node.freshness().status() + ", newest row "
                            + node.freshness().maxLoadedAt() + ", checked"
                            + at(node.freshness().snapshottedAt()));
        }
        if (!node.stats().isEmpty()) {
            List<String> stats = new ArrayList<>();
            node.stats()
                    .forEach(stat ->
                            stats.add((stat.label() == null ? stat.statId() : stat.label()) + " " + stat.value()));
            fact(out, "stats", String.join(", ", stats) + at(node.stats().get(0).generatedAt()));
        }
        fact(out, "in catalog", "since " + node.firstSeenAt() + ", last changed " + node.lastChangedAt());
        columns(out, node.columns());
        tests(out, node.tests());
        neighbours(out, "upstream", node.parents());
        neighbours(out, "downstream", node.children());
    }

    private static String relation(NodeDescription node) {
        if (node.relationName() == null && node.schema() == null) {
            return null;
        }
        String where = node.relationName() != null
                ? node.relationName()
                : String.join(".", nonNull(node.database(), node.schema(), node.identifier()));
        List<String> how = nonNull(
                node.materialization(),
                node.relationType() == null ? null : "warehouse: " + node.relationType(),
                node.language());
        return where + (how.isEmpty() ? "" : " (" + String.join(", ", how) + ")");
    }

    private static String governance(NodeDescription node) {
        List<String> parts = new ArrayList<>();
        if (node.access() != null) {
            parts.add("access " + node.access());
        }
        if (Boolean.TRUE.equals(node.contractEnforced())) {
            parts.add("contract enforced");
        }
        if (node.groupName() != null) {
            parts.add("group " + node.groupName());
        }
        if (node.version() != null) {
            parts.add("version " + node.version()
                    + (node.latestVersion() == null ? "" : " (latest " + node.latestVersion() + ")"));
        }
        if (node.deprecationDate() != null) {
            parts.add("deprecated from " + node.deprecationDate());
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    private static void columns(PrintStream out, List<NodeDescription.Column> columns) {
        out.println();
        out.println("columns (" + columns.size() + ")");
        TextTable table = new TextTable("name", "type", "markers", "description");
        for (NodeDescription.Column column : columns) {
            table.row(
                    column.name(),
                    column.dataType() == null ? "" : column.dataType(),
                    String.join(", ", column.markers()),
                    (column.inWarehouse() ? "" : "[not in warehouse] ")
                            + (column.description() == null ? "" : column.description()));
        }
        if (!table.isEmpty()) {
            table.print(out, "  ");
        }
    }

    private static void tests(PrintStream out, List<NodeDescription.Test> tests) {
        Map<String, Integer> byStatus = new TreeMap<>();
        tests.forEach(t -> byStatus.merge(t.status() == null ? "never ran" : t.status(), 1, Integer::sum));
        List<String> counts = new ArrayList<>();
        byStatus.forEach((status, count) -> counts.add(count + " " + status));
        out.println();
        out.println("tests (" + tests.size() + (counts.isEmpty() ? "" : ": " + String.join(", ", counts)) + ")");
        TextTable table = new TextTable("status", "test", "column", "failures", "message");
        for (NodeDescription.Test test : tests) {
            table.row(
                    test.status() == null ? "-" : test.status(),
                    test.testName() == null ? test.uniqueId() : test.testName(),
                    test.columnName() == null ? "" : test.columnName(),
                    test.failures() == null ? "" : String.valueOf(test.failures()),
                    test.message() == null ? "" : test.message());
        }
        if (!table.isEmpty()) {
            table.print(out, "  ");
        }
    }

    private static void neighbours(PrintStream out, String title, List<NodeSummary> nodes) {
        out.println();
        out.println(title + " (" + nodes.size() + ")");
        TextTable table = new TextTable("type", "node");
        nodes.forEach(n -> table.row(n.resourceType(), n.key().label()));
        if (!table.isEmpty()) {
            table.print(out, "  ");
        }
    }

    private static void fact(PrintStream out, String name, String value) {
        if (value != null) {
            out.println(TextTable.cut(String.format(Locale.ROOT, "  %-14s%s", name, value), TextTable.WIDTH));
        }
    }

    private static String at(Instant instant) {
        return instant == null ? "" : " at " + instant;
    }

    private static List<String> nonNull(String... values) {
        List<String> present = new ArrayList<>();
        for (String value : values) {
            if (value != null) {
                present.add(value);
            }
        }
        return present;
    }

    /** The description as lines of at most 96 characters, broken at spaces; at most 6 lines. */
    static List<String> wrap(String text) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.strip().split("\\R")) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.strip().split("\\s+")) {
                if (line.length() > 0 && line.length() + 1 + word.length() > TextTable.WIDTH - 4) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                line.append(line.length() > 0 ? " " : "").append(word);
            }
            if (line.length() > 0) {
                lines.add(TextTable.cut(line.toString(), TextTable.WIDTH - 4));
            }
        }
        return lines.size() <= 6 ? lines : List.of(lines.get(0), lines.get(1), lines.get(2), lines.get(3), "…");
    }
}
