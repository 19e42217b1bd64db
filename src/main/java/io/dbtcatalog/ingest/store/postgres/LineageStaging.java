package io.dbtcatalog.ingest.store.postgres;

/** The bulk path's statements for {@code catalog_lineage}; see {@link StagedSql} for what each one binds. */
final class LineageStaging {

    private static final String COPY_INSERT = """
            COPY catalog_lineage (project_key, parent_unique_id, child_unique_id, first_seen_at, seen_at,
                                  last_changed_at, last_ingestion_run_id) FROM STDIN
            """;

    private static final String CREATE_CHANGES = """
            CREATE TEMP TABLE stage_catalog_lineage ON COMMIT DROP AS
            SELECT parent_unique_id, child_unique_id
            FROM catalog_lineage WITH NO DATA
            """;

    private static final String COPY_CHANGES = """
            COPY stage_catalog_lineage (parent_unique_id, child_unique_id) FROM STDIN
            """;

    private static final String UPDATE_FROM_CHANGES = """
            UPDATE catalog_lineage AS t SET seen_at = ?, last_changed_at = ?, deleted_at = NULL,
                last_ingestion_run_id = ?
            FROM stage_catalog_lineage AS s
            WHERE t.project_key = ? AND t.parent_unique_id = s.parent_unique_id
                AND t.child_unique_id = s.child_unique_id
            """;

    private static final String CREATE_KEYS = """
            CREATE TEMP TABLE stage_catalog_lineage_keys ON COMMIT DROP AS
            SELECT parent_unique_id, child_unique_id
            FROM catalog_lineage WITH NO DATA
            """;

    private static final String COPY_KEYS = """
            COPY stage_catalog_lineage_keys (parent_unique_id, child_unique_id) FROM STDIN
            """;

    private static final String SOFT_DELETE_FROM_KEYS = """
            UPDATE catalog_lineage AS t SET deleted_at = ?, last_changed_at = ?, last_ingestion_run_id = ?,
                seen_at = CASE WHEN t.seen_at < ? THEN ? ELSE t.seen_at END
            FROM stage_catalog_lineage_keys AS s
            WHERE t.project_key = ? AND t.parent_unique_id = s.parent_unique_id
                AND t.child_unique_id = s.child_unique_id
            """;

    private static final String TOUCH_FROM_KEYS = """
            UPDATE catalog_lineage AS t SET seen_at = ?
            FROM stage_catalog_lineage_keys AS s
            WHERE t.project_key = ? AND t.parent_unique_id = s.parent_unique_id
                AND t.child_unique_id = s.child_unique_id AND t.deleted_at IS NULL AND t.seen_at <> ?
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

    private LineageStaging() {}
}
