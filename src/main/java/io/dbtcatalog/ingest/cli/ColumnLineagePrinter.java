package io.dbtcatalog.ingest.cli;

import io.dbtcatalog.ingest.model.ColumnLineageEdge;
import io.dbtcatalog.ingest.store.lineage.ColumnLineageWalk.ColumnRef;
import io.dbtcatalog.ingest.store.lineage.ColumnLineageWalk.Step;
import io.dbtcatalog.ingest.store.lineage.ColumnWalk;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Renders a column-lineage walk as an indented tree, a Mermaid flowchart or JSON. */
final class ColumnLineagePrinter {

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final ColumnWalk walk;
    private final boolean upstream;

    ColumnLineagePrinter(ColumnWalk walk, boolean upstream) {
        this.walk = walk;
        this.upstream = upstream;
    }

    /**
     * The tree: the column, then each neighbour indented under the column it was reached from, with how the values
     * flow; a column reached a second time is shown once more without its own neighbours.
     */
    String text() {
        StringBuilder text = new StringBuilder();
        List<ColumnRef> columns = reached();
        text.append(walk.start())
                .append(upstream ? " — upstream: " : " — downstream: ")
                .append(
                        columns.isEmpty()
                                ? "none recorded"
                                : columns.size() + (columns.size() == 1 ? " column" : " columns"))
                .append('\n');
        tree(text, walk.start(), 1, new HashSet<>(Set.of(walk.start())));
        return text.toString();
    }

    private void tree(StringBuilder text, ColumnRef from, int depth, Set<ColumnRef> shown) {
        for (Step step : neighbours(from)) {
            ColumnRef next = far(step.edge());
            text.append("  ".repeat(depth))
                    .append(upstream ? "<- " : "-> ")
                    .append(next)
                    .append("  (")
                    .append(step.edge().flow())
                    .append(')');
            if (shown.add(next)) {
                text.append('\n');
                tree(text, next, depth + 1, shown);
            } else {
                text.append("  (shown above)\n");
            }
        }
    }

    /** A Mermaid flowchart, values flowing left to right; marker edges (CASE conditions, window keys) dashed. */
    String mermaid() {
        Map<ColumnRef, String> ids = new LinkedHashMap<>();
        ids.put(walk.start(), "c0");
        for (ColumnRef column : reached()) {
            ids.putIfAbsent(column, "c" + ids.size());
        }
        StringBuilder text = new StringBuilder("flowchart LR\n");
        ids.forEach((column, id) ->
                text.append("  ").append(id).append("[\"").append(label(column)).append("\"]\n"));
        for (Step step : walk.steps()) {
            ColumnLineageEdge edge = step.edge();
            String parent = ids.get(new ColumnRef(edge.parent().value(), edge.parentColumn()));
            String child = ids.get(new ColumnRef(edge.child().value(), edge.childColumn()));
            boolean marker = edge.flow().equals("case_condition") || edge.flow().equals("window_key");
            text.append("  ")
                    .append(parent)
                    .append(marker ? " -.->|" : " -->|")
                    .append(edge.flow())
                    .append("| ")
                    .append(child)
                    .append('\n');
        }
        text.append("  style c0 stroke-width:3px\n");
        return text.toString();
    }

    /** The walk as JSON: the column, the direction and every edge with its depth. */
    String json() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("unique_id", walk.start().uniqueId());
        document.put("column", walk.start().column());
        document.put("direction", upstream ? "upstream" : "downstream");
        List<Map<String, Object>> edges = new ArrayList<>();
        for (Step step : walk.steps()) {
            Map<String, Object> edge = new LinkedHashMap<>();
            edge.put("depth", step.depth());
            edge.put("child_unique_id", step.edge().child().value());
            edge.put("child_column", step.edge().childColumn());
            edge.put("parent_unique_id", step.edge().parent().value());
            edge.put("parent_column", step.edge().parentColumn());
            edge.put("flow", step.edge().flow());
            edges.add(edge);
        }
        document.put("edges", edges);
        return JSON.writeValueAsString(document);
    }

    private List<Step> neighbours(ColumnRef column) {
        return walk.steps().stream()
                .filter(step -> near(step.edge()).equals(column))
                .toList();
    }

    private List<ColumnRef> reached() {
        List<ColumnRef> columns = new ArrayList<>();
        for (Step step : walk.steps()) {
            ColumnRef column = far(step.edge());
            if (!column.equals(walk.start()) && !columns.contains(column)) {
                columns.add(column);
            }
        }
        return columns;
    }

    private ColumnRef near(ColumnLineageEdge edge) {
        return upstream
                ? new ColumnRef(edge.child().value(), edge.childColumn())
                : new ColumnRef(edge.parent().value(), edge.parentColumn());
    }

    private ColumnRef far(ColumnLineageEdge edge) {
        return upstream
                ? new ColumnRef(edge.parent().value(), edge.parentColumn())
                : new ColumnRef(edge.child().value(), edge.childColumn());
    }

    private static String label(ColumnRef column) {
        return (column.uniqueId() + "<br/>" + column.column()).replace("\"", "#quot;");
    }
}
