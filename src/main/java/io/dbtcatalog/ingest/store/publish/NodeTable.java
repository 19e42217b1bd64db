package io.dbtcatalog.ingest.store.publish;

import io.dbtcatalog.ingest.model.CatalogNode;
import io.dbtcatalog.ingest.store.jdbc.RowSink;
import java.util.List;

/** Maps {@link CatalogNode} to {@code catalog_node}, keyed by the dbt {@code unique_id}. */
final class NodeTable implements StateTable<CatalogNode> {

    private static final Shape SHAPE = new Shape("catalog_node", List.of("unique_id"), List.of(
            "resource_type", "package_name", "name", "database_name", "schema_name", "identifier", "relation_name",
            "materialization", "language", "description", "owner", "tags", "meta", "access", "group_name", "version",
            "contract_enforced", "file_path", "raw_code", "compiled_code", "checksum"), true);

    @Override
    public Shape shape() {
        return SHAPE;
    }

    @Override
    public List<String> key(CatalogNode node) {
        return List.of(node.id().value());
    }

    @Override
    public void bindContent(RowSink sink, CatalogNode node) {
        sink.text(node.resourceType().value()).text(node.packageName()).text(node.name())
                .text(node.database()).text(node.schema()).text(node.identifier()).text(node.relationName())
                .text(node.materialization()).text(node.language()).text(node.description()).text(node.owner())
                .text(JsonText.array(node.tags())).text(node.metaJson()).text(node.access()).text(node.group())
                .text(node.version()).bool(node.contractEnforced()).text(node.filePath()).text(node.rawCode())
                .text(node.compiledCode()).text(node.checksum());
    }
}
