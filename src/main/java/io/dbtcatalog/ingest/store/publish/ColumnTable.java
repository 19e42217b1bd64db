package io.dbtcatalog.ingest.store.publish;

import io.dbtcatalog.ingest.model.CatalogColumn;
import io.dbtcatalog.ingest.store.jdbc.RowSink;
import java.util.List;

/** Maps {@link CatalogColumn} to {@code catalog_column}, keyed by the node's {@code unique_id} and column name. */
final class ColumnTable implements StateTable<CatalogColumn> {

    private static final Shape SHAPE = new Shape("catalog_column", List.of("node_unique_id", "column_name"),
            List.of("data_type", "ordinal", "description", "tags", "meta", "documented", "in_warehouse"), true);

    @Override
    public Shape shape() {
        return SHAPE;
    }

    @Override
    public List<String> key(CatalogColumn column) {
        return List.of(column.nodeId().value(), column.name());
    }

    @Override
    public void bindContent(RowSink sink, CatalogColumn column) {
        sink.text(column.dataType()).integer(column.ordinal()).text(column.description())
                .text(JsonText.array(column.tags())).text(column.metaJson())
                .bool(column.documented()).bool(column.inWarehouse());
    }
}
