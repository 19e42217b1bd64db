package io.dbtcatalog.ingest.store.publish;

import io.dbtcatalog.ingest.model.CatalogNode;
import io.dbtcatalog.ingest.store.jdbc.RowSink;
import java.util.List;

/** Maps {@link CatalogNode} to {@code catalog_node}, keyed by the dbt {@code unique_id}. */
final class NodeTable implements StateTable<CatalogNode> {

    private static final Shape SHAPE = new Shape(
            "catalog_node",
            List.of("unique_id"),
            List.of(
                    "resource_type",
                    "package_name",
                    "name",
                    "database_name",
                    "schema_name",
                    "identifier",
                    "relation_name",
                    "materialization",
                    "language",
                    "description",
                    "owner",
                    "tags",
                    "meta",
                    "access",
                    "group_name",
                    "version",
                    "contract_enforced",
                    "file_path",
                    "raw_code",
                    "compiled_code",
                    "checksum",
                    "relation_type",
                    "warehouse_owner",
                    "latest_version",
                    "deprecation_date",
                    "config"),
            true);

    private static final String SELECT_STORED = """
            SELECT unique_id, content_hash, CASE WHEN deleted_at IS NULL THEN 0 ELSE 1 END,
                   CASE WHEN seen_at <> ? THEN 1 ELSE 0 END
            FROM catalog_node WHERE project_key = ?
            """;

    private static final String INSERT = """
            INSERT INTO catalog_node (project_key, unique_id, resource_type, package_name, name, database_name,
                                      schema_name, identifier, relation_name, materialization, language, description,
                                      owner, tags, meta, access, group_name, version, contract_enforced, file_path,
                                      raw_code, compiled_code, checksum, relation_type, warehouse_owner,
                                      latest_version, deprecation_date, config, content_hash, first_seen_at,
                                      seen_at, last_changed_at, last_ingestion_run_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private static final String UPDATE = """
            UPDATE catalog_node SET resource_type = ?, package_name = ?, name = ?, database_name = ?, schema_name = ?,
                identifier = ?, relation_name = ?, materialization = ?, language = ?, description = ?, owner = ?,
                tags = ?, meta = ?, access = ?, group_name = ?, version = ?, contract_enforced = ?, file_path = ?,
                raw_code = ?, compiled_code = ?, checksum = ?, relation_type = ?, warehouse_owner = ?,
                latest_version = ?, deprecation_date = ?, config = ?, content_hash = ?, seen_at = ?,
                last_changed_at = ?, deleted_at = NULL, last_ingestion_run_id = ?
            WHERE project_key = ? AND unique_id = ?
            """;

    private static final String SOFT_DELETE = """
            UPDATE catalog_node SET deleted_at = ?, last_changed_at = ?, last_ingestion_run_id = ?,
                seen_at = CASE WHEN seen_at < ? THEN ? ELSE seen_at END
            WHERE project_key = ? AND unique_id = ?
            """;

    private static final String TOUCH = """
            UPDATE catalog_node SET seen_at = ?
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
    public List<String> key(CatalogNode node) {
        return List.of(node.id().value());
    }

    @Override
    public void bindContent(RowSink sink, CatalogNode node) {
        sink.text(node.resourceType().value())
                .text(node.packageName())
                .text(node.name())
                .text(node.database())
                .text(node.schema())
                .text(node.identifier())
                .text(node.relationName())
                .text(node.materialization())
                .text(node.language())
                .text(node.description())
                .text(node.owner())
                .text(JsonText.array(node.tags()))
                .text(node.metaJson())
                .text(node.access())
                .text(node.group())
                .text(node.version())
                .bool(node.contractEnforced())
                .text(node.filePath())
                .text(node.rawCode())
                .text(node.compiledCode())
                .text(node.checksum())
                .text(node.details().relationType())
                .text(node.details().warehouseOwner())
                .text(node.details().latestVersion())
                .time(node.details().deprecationDate())
                .text(node.details().configJson());
    }
}
