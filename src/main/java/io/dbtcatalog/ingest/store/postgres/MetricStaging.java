package io.dbtcatalog.ingest.store.postgres;

/** The bulk path's statements for {@code catalog_metric}; see {@link StagedSql} for what each one binds. */
final class MetricStaging {

    private static final String COPY_INSERT = """
            COPY catalog_metric (project_key, unique_id, label, metric_type, legacy, measure, expression,
                                 type_params, metric_filter, time_granularity, content_hash, first_seen_at,
                                 seen_at, last_changed_at, last_ingestion_run_id) FROM STDIN
            """;

    private static final String CREATE_CHANGES = """
            CREATE TEMP TABLE stage_catalog_metric ON COMMIT DROP AS
            SELECT unique_id, label, metric_type, legacy, measure, expression, type_params, metric_filter,
                   time_granularity, content_hash
            FROM catalog_metric WITH NO DATA
            """;

    private static final String COPY_CHANGES = """
            COPY stage_catalog_metric (unique_id, label, metric_type, legacy, measure, expression, type_params,
                                       metric_filter, time_granularity, content_hash) FROM STDIN
            """;

    private static final String UPDATE_FROM_CHANGES = """
            UPDATE catalog_metric AS t SET label = s.label, metric_type = s.metric_type, legacy = s.legacy,
                measure = s.measure, expression = s.expression, type_params = s.type_params,
                metric_filter = s.metric_filter, time_granularity = s.time_granularity,
                content_hash = s.content_hash, seen_at = ?, last_changed_at = ?, deleted_at = NULL,
                last_ingestion_run_id = ?
            FROM stage_catalog_metric AS s
            WHERE t.project_key = ? AND t.unique_id = s.unique_id
            """;

    private static final String CREATE_KEYS = """
            CREATE TEMP TABLE stage_catalog_metric_keys ON COMMIT DROP AS
            SELECT unique_id
            FROM catalog_metric WITH NO DATA
            """;

    private static final String COPY_KEYS = """
            COPY stage_catalog_metric_keys (unique_id) FROM STDIN
            """;

    private static final String SOFT_DELETE_FROM_KEYS = """
            UPDATE catalog_metric AS t SET deleted_at = ?, last_changed_at = ?, last_ingestion_run_id = ?,
                seen_at = CASE WHEN t.seen_at < ? THEN ? ELSE t.seen_at END
            FROM stage_catalog_metric_keys AS s
            WHERE t.project_key = ? AND t.unique_id = s.unique_id
            """;

    private static final String TOUCH_FROM_KEYS = """
            UPDATE catalog_metric AS t SET seen_at = ?
            FROM stage_catalog_metric_keys AS s
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

    private MetricStaging() {}
}
