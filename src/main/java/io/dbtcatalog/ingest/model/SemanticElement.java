package io.dbtcatalog.ingest.model;

import java.util.Locale;

/**
 * One entity, dimension or measure of a semantic model: its {@code kind}, name, type (entity: {@code primary},
 * {@code foreign}…; dimension: {@code categorical}, {@code time}; measures have none), label, expression, aggregation
 * (measures), time granularity (time dimensions) and description.
 */
public record SemanticElement(
        NodeId semanticModel,
        Kind kind,
        String name,
        String elementType,
        String label,
        String expr,
        String agg,
        String timeGranularity,
        String description) {

    public SemanticElement {
        if (semanticModel == null || kind == null || name == null || name.isBlank()) {
            throw new IllegalArgumentException("a semantic element needs its semantic model, kind and name");
        }
    }

    /** The three element kinds of a semantic model. */
    public enum Kind {
        ENTITY,
        DIMENSION,
        MEASURE;

        /** As stored: {@code entity}, {@code dimension}, {@code measure}. */
        public String dbValue() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
