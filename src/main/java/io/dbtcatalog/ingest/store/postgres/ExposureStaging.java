package io.dbtcatalog.ingest.store.postgres;

/** The bulk path's statements for {@code catalog_exposure}; see {@link StagedSql} for what each one binds. */
final class ExposureStaging {

    private static final String COPY_INSERT = """
            COPY catalog_exposure (project_key, unique_id, exposure_type, maturity, url, label, owner_name,
                                   owner_email, content_hash, first_seen_at, seen_at, last_changed_at,
                                   last_ingestion_run_id) FROM STDIN
            """;

    private static final String CREATE_CHANGES = """
            CREATE TEMP TABLE stage_catalog_exposure ON COMMIT DROP AS
            SELECT unique_id, exposure_type, maturity, url, label, owner_name, owner_email, content_hash
            FROM catalog_exposure WITH NO DATA
            """;

    private static final String COPY_CHANGES = """
            COPY stage_catalog_exposure (unique_id, exposure_type, maturity, url, label, owner_name, owner_email,
                                         content_hash) FROM STDIN
            """;

    private static final String UPDATE_FROM_CHANGES = """
            UPDATE catalog_exposure AS t SET exposure_type = s.exposure_type, maturity = s.maturity, url = s.url,
                label = s.label, owner_name = s.owner_name, owner_email = s.owner_email,
                content_hash = s.content_hash, seen_at = ?, last_changed_at = ?, deleted_at = NULL,
                last_ingestion_run_id = ?
            FROM stage_catalog_exposure AS s
            WHERE t.project_key = ? AND t.unique_id = s.unique_id
            """;

    private static final String CREATE_KEYS = """
            CREATE TEMP TABLE stage_catalog_exposure_keys ON COMMIT DROP AS
            SELECT unique_id
            FROM catalog_exposure WITH NO DATA
            """;

    private static final String COPY_KEYS = """
            COPY stage_catalog_exposure_keys (unique_id) FROM STDIN
            """;

    private static final String SOFT_DELETE_FROM_KEYS = """
            UPDATE catalog_exposure AS t SET deleted_at = ?, last_changed_at = ?, last_ingestion_run_id = ?,
                seen_at = CASE WHEN t.seen_at < ? THEN ? ELSE t.seen_at END
            FROM stage_catalog_exposure_keys AS s
            WHERE t.project_key = ? AND t.unique_id = s.unique_id
            """;

    private static final String TOUCH_FROM_KEYS = """
            UPDATE catalog_exposure AS t SET seen_at = ?
            FROM stage_catalog_exposure_keys AS s
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

    private ExposureStaging() {}
}
