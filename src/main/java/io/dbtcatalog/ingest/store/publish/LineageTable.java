package io.dbtcatalog.ingest.store.publish;

import io.dbtcatalog.ingest.model.LineageEdge;
import io.dbtcatalog.ingest.store.jdbc.RowSink;
import java.util.List;

/** Maps {@link LineageEdge} to {@code catalog_lineage}: the key is the whole content, so it carries no hash. */
final class LineageTable implements StateTable<LineageEdge> {

    private static final Shape SHAPE = new Shape("catalog_lineage", List.of("parent_unique_id", "child_unique_id"),
            List.of(), false);

    @Override
    public Shape shape() {
        return SHAPE;
    }

    @Override
    public List<String> key(LineageEdge edge) {
        return List.of(edge.parent().value(), edge.child().value());
    }

    @Override
    public void bindContent(RowSink sink, LineageEdge edge) {
        // an edge has no content beyond its key
    }
}
