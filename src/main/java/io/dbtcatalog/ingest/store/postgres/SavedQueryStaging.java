package io.dbtcatalog.ingest.store.postgres;

/** The bulk path's statements for {@code catalog_saved_query}; see {@link StagedSql} for what each one binds. */
final class SavedQueryStaging {

    private static final String COPY_INSERT = """
            COPY catalog_saved_query (project_key, unique_id, label, query_metrics, group_by, where_filters,
                                      exports, content_hash, first_seen_at, seen_at, last_changed_at,
                                      last_ingestion_run_id) FROM STDIN
            """;

    private static final String CREATE_CHANGES = """
            CREATE TEMP TABLE stage_catalog_saved_query ON COMMIT DROP AS
            SELECT unique_id, label, query_metrics, group_by, where_filters, exports, content_hash
            FROM catalog_saved_query WITH NO DATA
            """;

    private static final String COPY_CHANGES = """
            COPY stage_catalog_saved_query (unique_id, label, query_metrics, group_by, where_filters, exports,
                                            content_hash) FROM STDIN
            """;

    private static final String UPDATE_FROM_CHANGES = """
            UPDATE catalog_saved_query AS t SET label = s.label, query_metrics = s.query_metrics,
                group_by = s.group_by, where_filters = s.where_filters, exports = s.exports,
                content_hash = s.content_hash, seen_at = ?, last_changed_at = ?, deleted_at = NULL,
                last_ingestion_run_id = ?
            FROM stage_catalog_saved_query AS s
            WHERE t.project_key = ? AND t.unique_id = s.unique_id
            """;

    private static final String CREATE_KEYS = """
            CREATE TEMP TABLE stage_catalog_saved_query_keys ON COMMIT DROP AS
            SELECT unique_id
            FROM catalog_saved_query WITH NO DATA
            """;

    private static final String COPY_KEYS = """
            COPY stage_catalog_saved_query_keys (unique_id) FROM STDIN
            """;

    private static final String SOFT_DELETE_FROM_KEYS = """
            UPDATE catalog_saved_query AS t SET deleted_at = ?, last_changed_at = ?, last_ingestion_run_id = ?,
                seen_at = CASE WHEN t.seen_at < ? THEN ? ELSE t.seen_at END
            FROM stage_catalog_saved_query_keys AS s
            WHERE t.project_key = ? AND t.unique_id = s.unique_id
            """;

    private static final String TOUCH_FROM_KEYS = """
            UPDATE catalog_saved_query AS t SET seen_at = ?
            FROM stage_catalog_saved_query_keys AS s
            WHERE t.project_key = ? AND t.unique_id = s.unique_id AND t.deleted_at IS NULL
                AND t.seen_at <> ?
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

    private SavedQueryStaging() {}
}
