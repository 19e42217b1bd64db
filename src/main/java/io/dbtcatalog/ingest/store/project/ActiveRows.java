package io.dbtcatalog.ingest.store.project;

import io.dbtcatalog.ingest.store.ChangeCounts;

/**
 * How many rows of the project are active in the four main state tables after the latest complete publish that
 * applied state ({@code catalog_project.active_*}): what a history-only publish of the unchanged state reports as
 * unchanged without counting the tables again (decision 0014).
 */
public record ActiveRows(int nodes, int columns, int edges, int tests) {

    /** The active rows a complete publish leaves: every row of its snapshot, added, changed or unchanged. */
    public static ActiveRows after(ChangeCounts nodes, ChangeCounts columns, ChangeCounts edges, ChangeCounts tests) {
        return new ActiveRows(active(nodes), active(columns), active(edges), active(tests));
    }

    private static int active(ChangeCounts counts) {
        return counts.added() + counts.updated() + counts.unchanged();
    }
}
