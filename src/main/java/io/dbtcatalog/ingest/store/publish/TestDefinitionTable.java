package io.dbtcatalog.ingest.store.publish;

import io.dbtcatalog.ingest.model.TestDefinition;
import io.dbtcatalog.ingest.store.jdbc.RowSink;
import java.util.List;

/** Maps {@link TestDefinition} to {@code catalog_test}, keyed by the test's dbt {@code unique_id}. */
final class TestDefinitionTable implements StateTable<TestDefinition> {

    private static final Shape SHAPE = new Shape(
            "catalog_test",
            List.of("unique_id"),
            List.of("test_name", "kind", "attached_node_unique_id", "column_name", "severity", "kwargs"),
            true);

    private static final String SELECT_STORED = """
            SELECT unique_id, content_hash, CASE WHEN deleted_at IS NULL THEN 0 ELSE 1 END,
                   CASE WHEN seen_at <> ? THEN 1 ELSE 0 END
            FROM catalog_test WHERE project_key = ?
            """;

    private static final String INSERT = """
            INSERT INTO catalog_test (project_key, unique_id, test_name, kind, attached_node_unique_id, column_name,
                                      severity, kwargs, content_hash, first_seen_at, seen_at, last_changed_at,
                                      last_ingestion_run_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private static final String UPDATE = """
            UPDATE catalog_test SET test_name = ?, kind = ?, attached_node_unique_id = ?, column_name = ?,
                severity = ?, kwargs = ?, content_hash = ?, seen_at = ?, last_changed_at = ?, deleted_at = NULL,
                last_ingestion_run_id = ?
            WHERE project_key = ? AND unique_id = ?
            """;

    private static final String SOFT_DELETE = """
            UPDATE catalog_test SET deleted_at = ?, last_changed_at = ?, last_ingestion_run_id = ?,
                seen_at = CASE WHEN seen_at < ? THEN ? ELSE seen_at END
            WHERE project_key = ? AND unique_id = ?
            """;

    private static final String TOUCH = """
            UPDATE catalog_test SET seen_at = ?
            WHERE project_key = ? AND unique_id = ? AND deleted_at IS NULL AND seen_at <> ?
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
    public List<String> key(TestDefinition test) {
        return List.of(test.id().value());
    }

    @Override
    public void bindContent(RowSink sink, TestDefinition test) {
        sink.text(test.testName())
                .text(test.kind().dbValue())
                .text(test.attachedNode() == null ? null : test.attachedNode().value())
                .text(test.columnName())
                .text(test.severity())
                .text(test.kwargsJson());
    }
}
