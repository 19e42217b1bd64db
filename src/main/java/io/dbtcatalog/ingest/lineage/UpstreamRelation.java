package io.dbtcatalog.ingest.lineage;

import java.util.List;

/** A relation a statement reads, resolved to its node; {@code columns} is empty when {@code columnsKnown} is false. */
public record UpstreamRelation(String nodeId, List<String> columns, boolean columnsKnown) {

    public UpstreamRelation {
        if (nodeId == null) {
            throw new IllegalArgumentException("an upstream relation needs its node id");
        }
        columns = columns == null ? List.of() : List.copyOf(columns);
    }
}
