package io.dbtcatalog.ingest.lineage;

import java.util.List;

/**
 * The lineage of every model of one analysis, in DAG order, with how many models were analysed and how many
 * were reused unchanged from the previous result (same fingerprint).
 */
public record LineageResult(List<ModelLineage> models, int analysed, int reused) {

    public LineageResult {
        models = models == null ? List.of() : List.copyOf(models);
    }

    /** Every edge of every model. */
    public List<ColumnEdge> edges() {
        return models.stream().flatMap(model -> model.edges().stream()).toList();
    }
}
