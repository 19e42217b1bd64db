package io.dbtcatalog.ingest.model;

/**
 * A column-level lineage edge: the values of {@code parent}'s column {@code parentColumn} feed {@code child}'s
 * column {@code childColumn}, the way {@code flow} says ({@code direct}, {@code expression}, {@code case},
 * {@code aggregate}, {@code window}; or the two markers {@code case_condition} and {@code window_key}, a column that
 * only decides a CASE branch or keys a window).
 */
public record ColumnLineageEdge(NodeId child, String childColumn, NodeId parent, String parentColumn, String flow) {

    public ColumnLineageEdge {
        if (child == null || parent == null || isEmpty(childColumn) || isEmpty(parentColumn) || isEmpty(flow)) {
            throw new IllegalArgumentException("a column lineage edge needs both nodes, both columns and a flow");
        }
    }

    private static boolean isEmpty(String text) {
        return text == null || text.isEmpty();
    }
}
