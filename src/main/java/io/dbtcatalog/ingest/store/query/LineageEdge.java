package io.dbtcatalog.ingest.store.query;

/**
 * One edge of the global lineage: {@code child} depends on {@code parent}; {@code crossProject} when the parent is
 * another project's node the child's project refs (dbt Mesh), as {@code catalog_lineage_global} says.
 */
public record LineageEdge(NodeKey parent, NodeKey child, boolean crossProject) {}
