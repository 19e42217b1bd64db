package io.dbtcatalog.ingest.store.publish;

import io.dbtcatalog.ingest.model.ColumnLineageCoverage;
import io.dbtcatalog.ingest.store.jdbc.RowSink;
import java.util.List;

/** Maps {@link ColumnLineageCoverage} to {@code catalog_column_lineage_coverage}, keyed by the model's unique id. */
final class LineageCoverageTable implements StateTable<ColumnLineageCoverage> {

    private static final Shape SHAPE = new Shape(
            "catalog_column_lineage_coverage",
            List.of("unique_id"),
            List.of(
                    "status",
                    "reason_kind",
                    "reasons",
                    "error_line",
                    "error_column",
                    "output_columns",
                    "sql_fingerprint"),
            true);

    private static final String SELECT_STORED = """
            SELECT unique_id, content_hash, CASE WHEN deleted_at IS NULL THEN 0 ELSE 1 END,
                   CASE WHEN seen_at <> ? THEN 1 ELSE 0 END
            FROM catalog_column_lineage_coverage WHERE project_key = ?
            """;

    private static final String INSERT = """
            INSERT INTO catalog_column_lineage_coverage (project_key, unique_id, status, reason_kind, reasons,
                                                         error_line, error_column, output_columns, sql_fingerprint,
                                                         content_hash, first_seen_at, seen_at, last_changed_at,
                                                         last_ingestion_run_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private static final String UPDATE = """
            UPDATE catalog_column_lineage_coverage SET status = ?, reason_kind = ?, reasons = ?, error_line = ?,
                error_column = ?, output_columns = ?, sql_fingerprint = ?, content_hash = ?, seen_at = ?,
                last_changed_at = ?, deleted_at = NULL, last_ingestion_run_id = ?
            WHERE project_key = ? AND unique_id = ?
            """;

    private static final String SOFT_DELETE = """
            UPDATE catalog_column_lineage_coverage SET deleted_at = ?, last_changed_at = ?, last_ingestion_run_id = ?,
                seen_at = CASE WHEN seen_at < ? THEN ? ELSE seen_at END
            WHERE project_key = ? AND unique_id = ?
            """;

    private static final String TOUCH = """
            UPDATE catalog_column_lineage_coverage SET seen_at = ?
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
    public List<String> key(ColumnLineageCoverage coverage) {
        return List.of(coverage.model().value());
    }

    @Override
    public void bindContent(RowSink sink, ColumnLineageCoverage coverage) {
        sink.text(coverage.status())
                .text(coverage.reasonKind())
                .text(JsonText.reasons(coverage.reasons()))
                .integer(coverage.errorLine())
                .integer(coverage.errorColumn())
                .text(JsonText.array(coverage.outputColumns()))
                .text(coverage.fingerprint());
    }
}
