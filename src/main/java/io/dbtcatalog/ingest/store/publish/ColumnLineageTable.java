package io.dbtcatalog.ingest.store.publish;

import io.dbtcatalog.ingest.model.ColumnLineageEdge;
import io.dbtcatalog.ingest.store.jdbc.RowSink;
import java.util.List;

/**
 * Maps {@link ColumnLineageEdge} to {@code catalog_column_lineage}, keyed by the child column and the parent column;
 * the flow is its content.
 */
final class ColumnLineageTable implements StateTable<ColumnLineageEdge> {

    private static final Shape SHAPE = new Shape(
            "catalog_column_lineage",
            List.of("child_unique_id", "child_column", "parent_unique_id", "parent_column"),
            List.of("flow"),
            true);

    private static final String SELECT_STORED = """
            SELECT child_unique_id, child_column, parent_unique_id, parent_column, content_hash,
                   CASE WHEN deleted_at IS NULL THEN 0 ELSE 1 END, CASE WHEN seen_at <> ? THEN 1 ELSE 0 END
            FROM catalog_column_lineage WHERE project_key = ?
            """;

    private static final String INSERT = """
            INSERT INTO catalog_column_lineage (project_key, child_unique_id, child_column, parent_unique_id,
                                                parent_column, flow, content_hash, first_seen_at, seen_at,
                                                last_changed_at, last_ingestion_run_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private static final String UPDATE = """
            UPDATE catalog_column_lineage SET flow = ?, content_hash = ?, seen_at = ?, last_changed_at = ?,
                deleted_at = NULL, last_ingestion_run_id = ?
            WHERE project_key = ? AND child_unique_id = ? AND child_column = ? AND parent_unique_id = ?
                AND parent_column = ?
            """;

    private static final String SOFT_DELETE = """
            UPDATE catalog_column_lineage SET deleted_at = ?, last_changed_at = ?, last_ingestion_run_id = ?,
                seen_at = CASE WHEN seen_at < ? THEN ? ELSE seen_at END
            WHERE project_key = ? AND child_unique_id = ? AND child_column = ? AND parent_unique_id = ?
                AND parent_column = ?
            """;

    private static final String TOUCH = """
            UPDATE catalog_column_lineage SET seen_at = ?
            WHERE project_key = ? AND child_unique_id = ? AND child_column = ? AND parent_unique_id = ?
                AND parent_column = ? AND deleted_at IS NULL AND seen_at <> ?
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
    public List<String> key(ColumnLineageEdge edge) {
        return List.of(edge.child().value(), edge.childColumn(), edge.parent().value(), edge.parentColumn());
    }

    @Override
    public void bindContent(RowSink sink, ColumnLineageEdge edge) {
        sink.text(edge.flow());
    }
}
