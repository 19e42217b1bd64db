package io.dbtcatalog.ingest.store.publish;

import io.dbtcatalog.ingest.model.LineageEdge;
import io.dbtcatalog.ingest.store.jdbc.RowSink;
import java.util.List;

/** Maps {@link LineageEdge} to {@code catalog_lineage}: the key is the whole content, so it carries no hash. */
final class LineageTable implements StateTable<LineageEdge> {

    private static final Shape SHAPE =
            new Shape("catalog_lineage", List.of("parent_unique_id", "child_unique_id"), List.of(), false);

    private static final String SELECT_STORED = """
            SELECT parent_unique_id, child_unique_id, CAST(NULL AS VARCHAR(64)),
                   CASE WHEN deleted_at IS NULL THEN 0 ELSE 1 END, CASE WHEN seen_at <> ? THEN 1 ELSE 0 END
            FROM catalog_lineage WHERE project_key = ?
            """;

    private static final String INSERT = """
            INSERT INTO catalog_lineage (project_key, parent_unique_id, child_unique_id, first_seen_at, seen_at,
                                         last_changed_at, last_ingestion_run_id)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """;

    private static final String UPDATE = """
            UPDATE catalog_lineage SET seen_at = ?, last_changed_at = ?, deleted_at = NULL,
                last_ingestion_run_id = ?
            WHERE project_key = ? AND parent_unique_id = ? AND child_unique_id = ?
            """;

    private static final String SOFT_DELETE = """
            UPDATE catalog_lineage SET deleted_at = ?, last_changed_at = ?, last_ingestion_run_id = ?,
                seen_at = CASE WHEN seen_at < ? THEN ? ELSE seen_at END
            WHERE project_key = ? AND parent_unique_id = ? AND child_unique_id = ?
            """;

    private static final String TOUCH = """
            UPDATE catalog_lineage SET seen_at = ?
            WHERE project_key = ? AND parent_unique_id = ? AND child_unique_id = ? AND deleted_at IS NULL
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
    public List<String> key(LineageEdge edge) {
        return List.of(edge.parent().value(), edge.child().value());
    }

    @Override
    public void bindContent(RowSink sink, LineageEdge edge) {
        // an edge has no content beyond its key
    }
}
