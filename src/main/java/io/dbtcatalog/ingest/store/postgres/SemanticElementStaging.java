package io.dbtcatalog.ingest.store.postgres;

/** The bulk path's statements for {@code catalog_semantic_element}; see {@link StagedSql} for what each one binds. */
final class SemanticElementStaging {

    private static final String COPY_INSERT = """
            COPY catalog_semantic_element (project_key, semantic_model_unique_id, element_kind, element_name,
                                           element_type, label, expr, agg, time_granularity, description,
                                           content_hash, first_seen_at, seen_at, last_changed_at,
                                           last_ingestion_run_id) FROM STDIN
            """;

    private static final String CREATE_CHANGES = """
            CREATE TEMP TABLE stage_catalog_semantic_element ON COMMIT DROP AS
            SELECT semantic_model_unique_id, element_kind, element_name, element_type, label, expr, agg,
                   time_granularity, description, content_hash
            FROM catalog_semantic_element WITH NO DATA
            """;

    private static final String COPY_CHANGES = """
            COPY stage_catalog_semantic_element (semantic_model_unique_id, element_kind, element_name, element_type,
                                                 label, expr, agg, time_granularity, description, content_hash) FROM STDIN
            """;

    private static final String UPDATE_FROM_CHANGES = """
            UPDATE catalog_semantic_element AS t SET element_type = s.element_type, label = s.label, expr = s.expr,
                agg = s.agg, time_granularity = s.time_granularity, description = s.description,
                content_hash = s.content_hash, seen_at = ?, last_changed_at = ?, deleted_at = NULL,
                last_ingestion_run_id = ?
            FROM stage_catalog_semantic_element AS s
            WHERE t.project_key = ? AND t.semantic_model_unique_id = s.semantic_model_unique_id AND t.element_kind = s.element_kind AND t.element_name = s.element_name
            """;

    private static final String CREATE_KEYS = """
            CREATE TEMP TABLE stage_catalog_semantic_element_keys ON COMMIT DROP AS
            SELECT semantic_model_unique_id, element_kind, element_name
            FROM catalog_semantic_element WITH NO DATA
            """;

    private static final String COPY_KEYS = """
            COPY stage_catalog_semantic_element_keys (semantic_model_unique_id, element_kind, element_name) FROM STDIN
            """;

    private static final String SOFT_DELETE_FROM_KEYS = """
            UPDATE catalog_semantic_element AS t SET deleted_at = ?, last_changed_at = ?, last_ingestion_run_id = ?,
                seen_at = CASE WHEN t.seen_at < ? THEN ? ELSE t.seen_at END
            FROM stage_catalog_semantic_element_keys AS s
            WHERE t.project_key = ? AND t.semantic_model_unique_id = s.semantic_model_unique_id AND t.element_kind = s.element_kind AND t.element_name = s.element_name
            """;

    private static final String TOUCH_FROM_KEYS = """
            UPDATE catalog_semantic_element AS t SET seen_at = ?
            FROM stage_catalog_semantic_element_keys AS s
            WHERE t.project_key = ? AND t.semantic_model_unique_id = s.semantic_model_unique_id AND t.element_kind = s.element_kind AND t.element_name = s.element_name AND t.deleted_at IS NULL
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

    private SemanticElementStaging() {}
}
