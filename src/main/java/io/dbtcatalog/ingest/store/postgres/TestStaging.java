package io.dbtcatalog.ingest.store.postgres;

/** The bulk path's statements for {@code catalog_test}; see {@link StagedSql} for what each one binds. */
final class TestStaging {

    private static final String COPY_INSERT = """
            COPY catalog_test (project_key, unique_id, test_name, kind, attached_node_unique_id, column_name,
                               severity, kwargs, content_hash, first_seen_at, seen_at, last_changed_at,
                               last_ingestion_run_id) FROM STDIN
            """;

    private static final String CREATE_CHANGES = """
            CREATE TEMP TABLE stage_catalog_test ON COMMIT DROP AS
            SELECT unique_id, test_name, kind, attached_node_unique_id, column_name, severity, kwargs, content_hash
            FROM catalog_test WITH NO DATA
            """;

    private static final String COPY_CHANGES = """
            COPY stage_catalog_test (unique_id, test_name, kind, attached_node_unique_id, column_name, severity,
                                     kwargs, content_hash) FROM STDIN
            """;

    private static final String UPDATE_FROM_CHANGES = """
            UPDATE catalog_test AS t SET test_name = s.test_name, kind = s.kind,
                attached_node_unique_id = s.attached_node_unique_id, column_name = s.column_name,
                severity = s.severity, kwargs = s.kwargs, content_hash = s.content_hash, seen_at = ?,
                last_changed_at = ?, deleted_at = NULL, last_ingestion_run_id = ?
            FROM stage_catalog_test AS s
            WHERE t.project_key = ? AND t.unique_id = s.unique_id
            """;

    private static final String CREATE_KEYS = """
            CREATE TEMP TABLE stage_catalog_test_keys ON COMMIT DROP AS
            SELECT unique_id
            FROM catalog_test WITH NO DATA
            """;

    private static final String COPY_KEYS = """
            COPY stage_catalog_test_keys (unique_id) FROM STDIN
            """;

    private static final String SOFT_DELETE_FROM_KEYS = """
            UPDATE catalog_test AS t SET deleted_at = ?, last_changed_at = ?, last_ingestion_run_id = ?,
                seen_at = CASE WHEN t.seen_at < ? THEN ? ELSE t.seen_at END
            FROM stage_catalog_test_keys AS s
            WHERE t.project_key = ? AND t.unique_id = s.unique_id
            """;

    private static final String TOUCH_FROM_KEYS = """
            UPDATE catalog_test AS t SET seen_at = ?
            FROM stage_catalog_test_keys AS s
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

    private TestStaging() {}
}
