package io.dbtcatalog.ingest.store.publish;

import io.dbtcatalog.ingest.model.Metric;
import io.dbtcatalog.ingest.store.jdbc.RowSink;
import java.util.List;

/** Maps {@link Metric} to {@code catalog_metric}, keyed by the metric's dbt {@code unique_id}. */
final class MetricTable implements StateTable<Metric> {

    private static final Shape SHAPE = new Shape(
            "catalog_metric",
            List.of("unique_id"),
            List.of(
                    "label",
                    "metric_type",
                    "legacy",
                    "measure",
                    "expression",
                    "type_params",
                    "metric_filter",
                    "time_granularity"),
            true);

    private static final String SELECT_STORED = """
            SELECT unique_id, content_hash, CASE WHEN deleted_at IS NULL THEN 0 ELSE 1 END,
                   CASE WHEN seen_at <> ? THEN 1 ELSE 0 END
            FROM catalog_metric WHERE project_key = ?
            """;

    private static final String INSERT = """
            INSERT INTO catalog_metric (project_key, unique_id, label, metric_type, legacy, measure, expression,
                                        type_params, metric_filter, time_granularity, content_hash, first_seen_at,
                                        seen_at, last_changed_at, last_ingestion_run_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private static final String UPDATE = """
            UPDATE catalog_metric SET label = ?, metric_type = ?, legacy = ?, measure = ?, expression = ?,
                type_params = ?, metric_filter = ?, time_granularity = ?, content_hash = ?, seen_at = ?,
                last_changed_at = ?, deleted_at = NULL, last_ingestion_run_id = ?
            WHERE project_key = ? AND unique_id = ?
            """;

    private static final String SOFT_DELETE = """
            UPDATE catalog_metric SET deleted_at = ?, last_changed_at = ?, last_ingestion_run_id = ?,
                seen_at = CASE WHEN seen_at < ? THEN ? ELSE seen_at END
            WHERE project_key = ? AND unique_id = ?
            """;

    private static final String TOUCH = """
            UPDATE catalog_metric SET seen_at = ?
            WHERE project_key = ? AND unique_id = ? AND deleted_at IS NULL
                AND seen_at <> ?
            """;

    private static final StateSql SQL = new StateSql(SELECT_STORED, INSERT, UPDATE, SOFT_DELETE, TOUCH);

    @Override
    public Shape shape() {
        return SHAPE;
    }

    @Override
    public StateSql sql() {
        return SQL;
    }

    @Override
    public List<String> key(Metric row) {
        return List.of(row.id().value());
    }

    @Override
    public void bindContent(RowSink sink, Metric row) {
        sink.text(row.label())
                .text(row.metricType())
                .bool(row.legacy())
                .text(row.measure())
                .text(row.expression())
                .text(row.typeParamsJson())
                .text(row.filterJson())
                .text(row.timeGranularity());
    }
}
