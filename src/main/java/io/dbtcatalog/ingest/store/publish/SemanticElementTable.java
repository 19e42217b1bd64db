package io.dbtcatalog.ingest.store.publish;

import io.dbtcatalog.ingest.model.SemanticElement;
import io.dbtcatalog.ingest.store.jdbc.RowSink;
import java.util.List;

/** Maps {@link SemanticElement} to {@code catalog_semantic_element}, keyed by its semantic model, kind and name. */
final class SemanticElementTable implements StateTable<SemanticElement> {

    private static final Shape SHAPE = new Shape(
            "catalog_semantic_element",
            List.of("semantic_model_unique_id", "element_kind", "element_name"),
            List.of("element_type", "label", "expr", "agg", "time_granularity", "description"),
            true);

    private static final String SELECT_STORED = """
            SELECT semantic_model_unique_id, element_kind, element_name, content_hash, CASE WHEN deleted_at IS NULL THEN 0 ELSE 1 END,
                   CASE WHEN seen_at <> ? THEN 1 ELSE 0 END
            FROM catalog_semantic_element WHERE project_key = ?
            """;

    private static final String INSERT = """
            INSERT INTO catalog_semantic_element (project_key, semantic_model_unique_id, element_kind, element_name,
                                                  element_type, label, expr, agg, time_granularity, description,
                                                  content_hash, first_seen_at, seen_at, last_changed_at,
                                                  last_ingestion_run_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private static final String UPDATE = """
            UPDATE catalog_semantic_element SET element_type = ?, label = ?, expr = ?, agg = ?,
                time_granularity = ?, description = ?, content_hash = ?, seen_at = ?, last_changed_at = ?,
                deleted_at = NULL, last_ingestion_run_id = ?
            WHERE project_key = ? AND semantic_model_unique_id = ? AND element_kind = ? AND element_name = ?
            """;

    private static final String SOFT_DELETE = """
            UPDATE catalog_semantic_element SET deleted_at = ?, last_changed_at = ?, last_ingestion_run_id = ?,
                seen_at = CASE WHEN seen_at < ? THEN ? ELSE seen_at END
            WHERE project_key = ? AND semantic_model_unique_id = ? AND element_kind = ? AND element_name = ?
            """;

    private static final String TOUCH = """
            UPDATE catalog_semantic_element SET seen_at = ?
            WHERE project_key = ? AND semantic_model_unique_id = ? AND element_kind = ? AND element_name = ? AND deleted_at IS NULL
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
    public List<String> key(SemanticElement row) {
        return List.of(row.semanticModel().value(), row.kind().dbValue(), row.name());
    }

    @Override
    public void bindContent(RowSink sink, SemanticElement row) {
        sink.text(row.elementType())
                .text(row.label())
                .text(row.expr())
                .text(row.agg())
                .text(row.timeGranularity())
                .text(row.description());
    }
}
