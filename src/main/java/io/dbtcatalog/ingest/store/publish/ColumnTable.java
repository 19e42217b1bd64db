package io.dbtcatalog.ingest.store.publish;

import io.dbtcatalog.ingest.model.CatalogColumn;
import io.dbtcatalog.ingest.store.jdbc.RowSink;
import java.util.List;

/** Maps {@link CatalogColumn} to {@code catalog_column}, keyed by the node's {@code unique_id} and column name. */
final class ColumnTable implements StateTable<CatalogColumn> {

    private static final Shape SHAPE = new Shape(
            "catalog_column",
            List.of("node_unique_id", "column_name"),
            List.of(
                    "data_type",
                    "ordinal",
                    "description",
                    "tags",
                    "meta",
                    "documented",
                    "in_warehouse",
                    "constraints",
                    "is_unique",
                    "is_not_null",
                    "is_primary_key"),
            true);

    private static final String SELECT_STORED = """
            SELECT node_unique_id, column_name, content_hash, CASE WHEN deleted_at IS NULL THEN 0 ELSE 1 END,
                   CASE WHEN seen_at <> ? THEN 1 ELSE 0 END
            FROM catalog_column WHERE project_key = ?
            """;

    private static final String INSERT = """
            INSERT INTO catalog_column (project_key, node_unique_id, column_name, data_type, ordinal, description,
                                        tags, meta, documented, in_warehouse, constraints, is_unique, is_not_null,
                                        is_primary_key, content_hash, first_seen_at, seen_at, last_changed_at,
                                        last_ingestion_run_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private static final String UPDATE = """
            UPDATE catalog_column SET data_type = ?, ordinal = ?, description = ?, tags = ?, meta = ?, documented = ?,
                in_warehouse = ?, constraints = ?, is_unique = ?, is_not_null = ?, is_primary_key = ?,
                content_hash = ?, seen_at = ?, last_changed_at = ?, deleted_at = NULL,
                last_ingestion_run_id = ?
            WHERE project_key = ? AND node_unique_id = ? AND column_name = ?
            """;

    private static final String SOFT_DELETE = """
            UPDATE catalog_column SET deleted_at = ?, last_changed_at = ?, last_ingestion_run_id = ?,
                seen_at = CASE WHEN seen_at < ? THEN ? ELSE seen_at END
            WHERE project_key = ? AND node_unique_id = ? AND column_name = ?
            """;

    private static final String TOUCH = """
            UPDATE catalog_column SET seen_at = ?
            WHERE project_key = ? AND node_unique_id = ? AND column_name = ? AND deleted_at IS NULL
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
    public List<String> key(CatalogColumn column) {
        return List.of(column.nodeId().value(), column.name());
    }

    @Override
    public void bindContent(RowSink sink, CatalogColumn column) {
        sink.text(column.dataType())
                .integer(column.ordinal())
                .text(column.description())
                .text(JsonText.array(column.tags()))
                .text(column.metaJson())
                .bool(column.documented())
                .bool(column.inWarehouse())
                .text(column.markers().constraintsJson())
                .bool(column.markers().unique())
                .bool(column.markers().notNull())
                .bool(column.markers().primaryKey());
    }
}
