package io.dbtcatalog.ingest.model;

/** A node-level DAG edge: {@code child} depends on {@code parent} (from the child's {@code depends_on.nodes}). */
public record LineageEdge(NodeId parent, NodeId child) {

    public LineageEdge {
        if (parent == null || child == null) {
            throw new IllegalArgumentException("a lineage edge needs both ends");
        }
    }
}
