package io.dbtcatalog.ingest.store.publish;

import io.dbtcatalog.ingest.model.SavedQuery;
import io.dbtcatalog.ingest.store.jdbc.RowSink;
import java.util.List;

/** Maps {@link SavedQuery} to {@code catalog_saved_query}, keyed by the saved query's dbt {@code unique_id}. */
final class SavedQueryTable implements StateTable<SavedQuery> {

    private static final Shape SHAPE = new Shape(
            "catalog_saved_query",
            List.of("unique_id"),
            List.of("label", "query_metrics", "group_by", "where_filters", "exports"),
            true);

    private static final String SELECT_STORED = """
            SELECT unique_id, content_hash, CASE WHEN deleted_at IS NULL THEN 0 ELSE 1 END,
                   CASE WHEN seen_at <> ? THEN 1 ELSE 0 END
            FROM catalog_saved_query WHERE project_key = ?
            """;

    private static final String INSERT = """
            INSERT INTO catalog_saved_query (project_key, unique_id, label, query_metrics, group_by, where_filters,
                                             exports, content_hash, first_seen_at, seen_at, last_changed_at,
                                             last_ingestion_run_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private static final String UPDATE = """
            UPDATE catalog_saved_query SET label = ?, query_metrics = ?, group_by = ?, where_filters = ?,
                exports = ?, content_hash = ?, seen_at = ?, last_changed_at = ?, deleted_at = NULL,
                last_ingestion_run_id = ?
            WHERE project_key = ? AND unique_id = ?
            """;

    private static final String SOFT_DELETE = """
            UPDATE catalog_saved_query SET deleted_at = ?, last_changed_at = ?, last_ingestion_run_id = ?,
                seen_at = CASE WHEN seen_at < ? THEN ? ELSE seen_at END
            WHERE project_key = ? AND unique_id = ?
            """;

    private static final String TOUCH = """
            UPDATE catalog_saved_query SET seen_at = ?
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
    public List<String> key(SavedQuery row) {
        return List.of(row.id().value());
    }

    @Override
    public void bindContent(RowSink sink, SavedQuery row) {
        sink.text(row.label())
                .text(row.metricsJson())
                .text(row.groupByJson())
                .text(row.whereJson())
                .text(row.exportsJson());
    }
}
