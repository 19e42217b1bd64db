package io.dbtcatalog.ingest.model;

/**
 * The definition of a metric (the metric itself is also a {@link CatalogNode}). MetricFlow metrics (dbt 1.6+) have a
 * type ({@code simple}, {@code ratio}, {@code derived}, {@code cumulative}, {@code conversion}) and type parameters;
 * {@code legacy} metrics (dbt 1.0–1.5) have a calculation method (kept as the type: {@code count}, {@code sum},
 * {@code expression}…) and their own parameters (timestamp, time grains, dimensions, window). {@code measure} names the
 * measure a simple or cumulative metric aggregates; {@code expression} is the metric's expression or SQL;
 * {@code typeParamsJson} and {@code filterJson} are compact JSON as dbt wrote them.
 */
public record Metric(
        NodeId id,
        String label,
        String metricType,
        boolean legacy,
        String measure,
        String expression,
        String typeParamsJson,
        String filterJson,
        String timeGranularity) {

    public Metric {
        if (id == null) {
            throw new IllegalArgumentException("a metric needs its id");
        }
        typeParamsJson = typeParamsJson == null || typeParamsJson.isBlank() ? "{}" : typeParamsJson;
    }
}
