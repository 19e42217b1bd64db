package io.dbtcatalog.ingest.store.lineage;

import io.dbtcatalog.ingest.model.ColumnLineageEdge;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Walks the column lineage from one column, upstream (the columns that feed it, recursively) or downstream (the
 * columns it feeds), breadth first, each column visited once, at most {@code maxDepth} edges away.
 */
public final class ColumnLineageWalk {

    /** One edge reached, {@code depth} edges away from the starting column (1 for its direct neighbours). */
    public record Step(ColumnLineageEdge edge, int depth) {}

    /** A column of a node. */
    public record ColumnRef(String uniqueId, String column) {

        @Override
        public String toString() {
            return uniqueId + "." + column;
        }
    }

    private ColumnLineageWalk() {}

    /** The edges reached from {@code start}, nearest first. */
    public static List<Step> walk(
            ColumnLineageReader reader, String projectKey, ColumnRef start, boolean upstream, int maxDepth)
            throws SQLException {
        List<Step> steps = new ArrayList<>();
        Set<ColumnRef> seen = new HashSet<>();
        seen.add(start);
        Deque<ColumnRef> level = new ArrayDeque<>(List.of(start));
        for (int depth = 1; depth <= maxDepth && !level.isEmpty(); depth++) {
            Deque<ColumnRef> next = new ArrayDeque<>();
            for (ColumnRef column : level) {
                List<ColumnLineageEdge> edges = upstream
                        ? reader.upstream(projectKey, column.uniqueId(), column.column())
                        : reader.downstream(projectKey, column.uniqueId(), column.column());
                for (ColumnLineageEdge edge : edges) {
                    steps.add(new Step(edge, depth));
                    ColumnRef reached = upstream
                            ? new ColumnRef(edge.parent().value(), edge.parentColumn())
                            : new ColumnRef(edge.child().value(), edge.childColumn());
                    if (seen.add(reached)) {
                        next.add(reached);
                    }
                }
            }
            level = next;
        }
        return steps;
    }
}
