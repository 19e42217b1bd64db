package io.dbtcatalog.ingest.store.postgres;

/**
 * The bulk path's statements for {@code catalog_column_lineage_coverage}; see {@link StagedSql} for what each one
 * binds.
 */
final class LineageCoverageStaging {

    private static final String COPY_INSERT = """
            COPY catalog_column_lineage_coverage (project_key, unique_id, status, reason_kind, reasons, error_line,
                                                  error_column, output_columns, sql_fingerprint, content_hash,
                                                  first_seen_at, seen_at, last_changed_at, last_ingestion_run_id)
            FROM STDIN
            """;

    private static final String CREATE_CHANGES = """
            CREATE TEMP TABLE stage_catalog_column_lineage_coverage ON COMMIT DROP AS
            SELECT unique_id, status, reason_kind, reasons, error_line, error_column, output_columns, sql_fingerprint,
                   content_hash
            FROM catalog_column_lineage_coverage WITH NO DATA
            """;

    private static final String COPY_CHANGES = """
            COPY stage_catalog_column_lineage_coverage (unique_id, status, reason_kind, reasons, error_line,
                                                        error_column, output_columns, sql_fingerprint, content_hash)
            FROM STDIN
            """;

    private static final String UPDATE_FROM_CHANGES = """
            UPDATE catalog_column_lineage_coverage AS t SET status = s.status, reason_kind = s.reason_kind,
                reasons = s.reasons, error_line = s.error_line, error_column = s.error_column,
                output_columns = s.output_columns, sql_fingerprint = s.sql_fingerprint, content_hash = s.content_hash,
                seen_at = ?, last_changed_at = ?, deleted_at = NULL, last_ingestion_run_id = ?
            FROM stage_catalog_column_lineage_coverage AS s
            WHERE t.project_key = ? AND t.unique_id = s.unique_id
            """;

    private static final String CREATE_KEYS = """
            CREATE TEMP TABLE stage_catalog_column_lineage_coverage_keys ON COMMIT DROP AS
            SELECT unique_id
            FROM catalog_column_lineage_coverage WITH NO DATA
            """;

    private static final String COPY_KEYS = """
            COPY stage_catalog_column_lineage_coverage_keys (unique_id) FROM STDIN
            """;

    private static final String SOFT_DELETE_FROM_KEYS = """
            UPDATE catalog_column_lineage_coverage AS t SET deleted_at = ?, last_changed_at = ?,
                last_ingestion_run_id = ?,
                seen_at = CASE WHEN t.seen_at < ? THEN ? ELSE t.seen_at END
            FROM stage_catalog_column_lineage_coverage_keys AS s
            WHERE t.project_key = ? AND t.unique_id = s.unique_id
            """;

    private static final String TOUCH_FROM_KEYS = """
            UPDATE catalog_column_lineage_coverage AS t SET seen_at = ?
            FROM stage_catalog_column_lineage_coverage_keys AS s
            WHERE t.project_key = ? AND t.unique_id = s.unique_id AND t.deleted_at IS NULL AND t.seen_at <> ?
            """;

    static final StagedSql SQL = new StagedSql(
            COPY_INSERT,
            CREATE_CHANGES,
            COPY_CHANGES,
            UPDATE_FROM_CHANGES,
            CREATE_KEYS,
            COPY_KEYS,
            SOFT_DELETE_FROM_KEYS,
            TOUCH_FROM_KEYS);

    private LineageCoverageStaging() {}
}
