package io.dbtcatalog.ingest.lineage;

import java.util.List;

/**
 * The column lineage of one model: its output columns in order (empty when not analysed), the edges into them,
 * the coverage of the analysis, and the fingerprint of its input (compiled SQL, dialect and upstream schemas) by
 * which an unchanged model can be skipped next time.
 */
public record ModelLineage(
        String uniqueId, String fingerprint, Coverage coverage, List<String> outputColumns, List<ColumnEdge> edges) {

    public ModelLineage {
        if (uniqueId == null || fingerprint == null || coverage == null) {
            throw new IllegalArgumentException("a model lineage needs its id, fingerprint and coverage");
        }
        outputColumns = outputColumns == null ? List.of() : List.copyOf(outputColumns);
        edges = edges == null ? List.of() : List.copyOf(edges);
    }
}
