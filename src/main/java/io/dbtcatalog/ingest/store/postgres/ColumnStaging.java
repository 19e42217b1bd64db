package io.dbtcatalog.ingest.store.postgres;

/** The bulk path's statements for {@code catalog_column}; see {@link StagedSql} for what each one binds. */
final class ColumnStaging {

    private static final String COPY_INSERT = """
            COPY catalog_column (project_key, node_unique_id, column_name, data_type, ordinal, description, tags,
                                 meta, documented, in_warehouse, constraints, is_unique, is_not_null,
                                 is_primary_key, content_hash, first_seen_at, seen_at, last_changed_at,
                                 last_ingestion_run_id) FROM STDIN
            """;

    private static final String CREATE_CHANGES = """
            CREATE TEMP TABLE stage_catalog_column ON COMMIT DROP AS
            SELECT node_unique_id, column_name, data_type, ordinal, description, tags, meta, documented, in_warehouse,
                   constraints, is_unique, is_not_null, is_primary_key, content_hash
            FROM catalog_column WITH NO DATA
            """;

    private static final String COPY_CHANGES = """
            COPY stage_catalog_column (node_unique_id, column_name, data_type, ordinal, description, tags, meta,
                                       documented, in_warehouse, constraints, is_unique, is_not_null,
                                       is_primary_key, content_hash) FROM STDIN
            """;

    private static final String UPDATE_FROM_CHANGES = """
            UPDATE catalog_column AS t SET data_type = s.data_type, ordinal = s.ordinal, description = s.description,
                tags = s.tags, meta = s.meta, documented = s.documented, in_warehouse = s.in_warehouse,
                constraints = s.constraints, is_unique = s.is_unique, is_not_null = s.is_not_null,
                is_primary_key = s.is_primary_key, content_hash = s.content_hash, seen_at = ?, last_changed_at = ?, deleted_at = NULL,
                last_ingestion_run_id = ?
            FROM stage_catalog_column AS s
            WHERE t.project_key = ? AND t.node_unique_id = s.node_unique_id AND t.column_name = s.column_name
            """;

    private static final String CREATE_KEYS = """
            CREATE TEMP TABLE stage_catalog_column_keys ON COMMIT DROP AS
            SELECT node_unique_id, column_name
            FROM catalog_column WITH NO DATA
            """;

    private static final String COPY_KEYS = """
            COPY stage_catalog_column_keys (node_unique_id, column_name) FROM STDIN
            """;

    private static final String SOFT_DELETE_FROM_KEYS = """
            UPDATE catalog_column AS t SET deleted_at = ?, last_changed_at = ?, last_ingestion_run_id = ?,
                seen_at = CASE WHEN t.seen_at < ? THEN ? ELSE t.seen_at END
            FROM stage_catalog_column_keys AS s
            WHERE t.project_key = ? AND t.node_unique_id = s.node_unique_id AND t.column_name = s.column_name
            """;

    private static final String TOUCH_FROM_KEYS = """
            UPDATE catalog_column AS t SET seen_at = ?
            FROM stage_catalog_column_keys AS s
            WHERE t.project_key = ? AND t.node_unique_id = s.node_unique_id AND t.column_name = s.column_name
                AND t.deleted_at IS NULL AND t.seen_at <> ?
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

    private ColumnStaging() {}
}
