package io.dbtcatalog.ingest.store.postgres;

/** The bulk path's statements for {@code catalog_node}; see {@link StagedSql} for what each one binds. */
final class NodeStaging {

    private static final String COPY_INSERT = """
            COPY catalog_node (project_key, unique_id, resource_type, package_name, name, database_name, schema_name,
                               identifier, relation_name, materialization, language, description, owner, tags, meta,
                               access, group_name, version, contract_enforced, file_path, raw_code, compiled_code,
                               checksum, relation_type, warehouse_owner, latest_version, deprecation_date, config,
                               content_hash, first_seen_at, seen_at, last_changed_at,
                               last_ingestion_run_id) FROM STDIN
            """;

    private static final String CREATE_CHANGES = """
            CREATE TEMP TABLE stage_catalog_node ON COMMIT DROP AS
            SELECT unique_id, resource_type, package_name, name, database_name, schema_name, identifier,
                   relation_name, materialization, language, description, owner, tags, meta, access, group_name,
                   version, contract_enforced, file_path, raw_code, compiled_code, checksum, relation_type,
                   warehouse_owner, latest_version, deprecation_date, config, content_hash
            FROM catalog_node WITH NO DATA
            """;

    private static final String COPY_CHANGES = """
            COPY stage_catalog_node (unique_id, resource_type, package_name, name, database_name, schema_name,
                                     identifier, relation_name, materialization, language, description, owner, tags,
                                     meta, access, group_name, version, contract_enforced, file_path, raw_code,
                                     compiled_code, checksum, relation_type, warehouse_owner, latest_version,
                                     deprecation_date, config, content_hash) FROM STDIN
            """;

    private static final String UPDATE_FROM_CHANGES = """
            UPDATE catalog_node AS t SET resource_type = s.resource_type, package_name = s.package_name,
                name = s.name, database_name = s.database_name, schema_name = s.schema_name,
                identifier = s.identifier, relation_name = s.relation_name, materialization = s.materialization,
                language = s.language, description = s.description, owner = s.owner, tags = s.tags, meta = s.meta,
                access = s.access, group_name = s.group_name, version = s.version,
                contract_enforced = s.contract_enforced, file_path = s.file_path, raw_code = s.raw_code,
                compiled_code = s.compiled_code, checksum = s.checksum, relation_type = s.relation_type,
                warehouse_owner = s.warehouse_owner, latest_version = s.latest_version,
                deprecation_date = s.deprecation_date, config = s.config, content_hash = s.content_hash,
                seen_at = ?, last_changed_at = ?, deleted_at = NULL, last_ingestion_run_id = ?
            FROM stage_catalog_node AS s
            WHERE t.project_key = ? AND t.unique_id = s.unique_id
            """;

    private static final String CREATE_KEYS = """
            CREATE TEMP TABLE stage_catalog_node_keys ON COMMIT DROP AS
            SELECT unique_id
            FROM catalog_node WITH NO DATA
            """;

    private static final String COPY_KEYS = """
            COPY stage_catalog_node_keys (unique_id) FROM STDIN
            """;

    private static final String SOFT_DELETE_FROM_KEYS = """
            UPDATE catalog_node AS t SET deleted_at = ?, last_changed_at = ?, last_ingestion_run_id = ?,
                seen_at = CASE WHEN t.seen_at < ? THEN ? ELSE t.seen_at END
            FROM stage_catalog_node_keys AS s
            WHERE t.project_key = ? AND t.unique_id = s.unique_id
            """;

    private static final String TOUCH_FROM_KEYS = """
            UPDATE catalog_node AS t SET seen_at = ?
            FROM stage_catalog_node_keys AS s
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

    private NodeStaging() {}
}
