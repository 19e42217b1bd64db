package io.dbtcatalog.ingest.store;

import java.util.List;

/**
 * What publishing a snapshot would do to the catalog right now, worked out by the same classification as a publish
 * but without writing: whether the ledger already holds the run, whether its state would be applied (it is not
 * older than the catalog's), the change counts per state table, the history rows it would append, the ids of the
 * nodes it would add, change and soft-delete, and {@code refusal}, the reason a publish would stop (null when none).
 */
public record PublishPreview(
        boolean alreadyIngested,
        boolean stateApplied,
        ChangeCounts nodes,
        ChangeCounts columns,
        ChangeCounts edges,
        ChangeCounts tests,
        int testResultsAdded,
        int runResultsAdded,
        int freshnessAdded,
        List<String> addedNodes,
        List<String> changedNodes,
        List<String> deletedNodes,
        String refusal) {

    public PublishPreview {
        addedNodes = List.copyOf(addedNodes);
        changedNodes = List.copyOf(changedNodes);
        deletedNodes = List.copyOf(deletedNodes);
    }

    /** True when the publish would add, change or delete no state row and append no history. */
    public boolean changesNothing() {
        return nodes.changedNothing()
                && columns.changedNothing()
                && edges.changedNothing()
                && tests.changedNothing()
                && testResultsAdded == 0
                && runResultsAdded == 0
                && freshnessAdded == 0;
    }
}
