package io.dbtcatalog.ingest.model;

import java.util.List;

/**
 * The parts of a snapshot beyond nodes, columns, edges and tests: exposure, metric, semantic model and saved query
 * details (state) and the warehouse's relation statistics (history).
 */
public record CatalogDepth(
        List<Exposure> exposures,
        List<Metric> metrics,
        List<SemanticElement> semanticElements,
        List<SavedQuery> savedQueries,
        List<RelationStat> relationStats) {

    /** None of them. */
    public static final CatalogDepth EMPTY = new CatalogDepth(List.of(), List.of(), List.of(), List.of(), List.of());

    public CatalogDepth {
        exposures = List.copyOf(exposures);
        metrics = List.copyOf(metrics);
        semanticElements = List.copyOf(semanticElements);
        savedQueries = List.copyOf(savedQueries);
        relationStats = List.copyOf(relationStats);
    }

    /** The same depth with other statistics. */
    public CatalogDepth withRelationStats(List<RelationStat> stats) {
        return new CatalogDepth(exposures, metrics, semanticElements, savedQueries, stats);
    }
}
