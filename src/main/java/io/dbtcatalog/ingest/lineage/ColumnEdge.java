package io.dbtcatalog.ingest.lineage;

/**
 * One column lineage edge: the parent column's values feed the child column's values, the way {@code kind}
 * says (or, for the two marker kinds, the parent column decides a CASE branch or keys a window).
 */
public record ColumnEdge(String childId, String childColumn, String parentId, String parentColumn, FlowKind kind) {

    public ColumnEdge {
        if (childId == null || childColumn == null || parentId == null || parentColumn == null || kind == null) {
            throw new IllegalArgumentException("an edge needs child, parent, both columns and a kind");
        }
    }
}
