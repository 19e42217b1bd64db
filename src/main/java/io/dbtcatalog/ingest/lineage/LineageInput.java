package io.dbtcatalog.ingest.lineage;

import java.util.List;

/**
 * Everything one analysis needs: the dialect (from the adapter type), the models, how relation names resolve to
 * nodes, and the known schemas (catalog, else declared columns).
 */
public record LineageInput(
        Dialect dialect, List<LineageModel> models, RelationResolver relations, SchemaProvider schemas) {

    public LineageInput {
        if (dialect == null || relations == null || schemas == null) {
            throw new IllegalArgumentException("an analysis needs a dialect, a relation resolver and schemas");
        }
        models = models == null ? List.of() : List.copyOf(models);
    }
}
