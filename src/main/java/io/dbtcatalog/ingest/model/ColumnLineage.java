package io.dbtcatalog.ingest.model;

import java.util.List;

/**
 * The column lineage of a snapshot: one coverage row per model and every edge, plus how many models were analysed
 * for it and how many were reused unchanged from the catalog's previous state (same input fingerprint).
 */
public record ColumnLineage(
        List<ColumnLineageCoverage> coverage, List<ColumnLineageEdge> edges, int analysed, int reused) {

    public ColumnLineage {
        coverage = List.copyOf(coverage);
        edges = List.copyOf(edges);
    }
}
