package io.dbtcatalog.ingest.store;

/**
 * The outcome of one successful publish: the id of its {@code ingestion_run} ledger row, the change counts per state
 * table, how many history rows were appended, and {@code rowsWritten}, the number of catalog rows physically
 * inserted or updated (including the project row and the {@code seen_at} touches of an incomplete snapshot; the
 * ledger row is not counted).
 * {@code stateApplied} is false when the snapshot was older than the catalog state, so only its history was kept.
 */
public record PublishResult(
        long ingestionRunId,
        ChangeCounts nodes,
        ChangeCounts columns,
        ChangeCounts edges,
        ChangeCounts tests,
        int testResultsAdded,
        int runResultsAdded,
        int freshnessAdded,
        long rowsWritten,
        boolean stateApplied) {

    /** A result whose state was applied (the usual case). */
    public PublishResult(
            long ingestionRunId,
            ChangeCounts nodes,
            ChangeCounts columns,
            ChangeCounts edges,
            ChangeCounts tests,
            int testResultsAdded,
            int runResultsAdded,
            int freshnessAdded,
            long rowsWritten) {
        this(
                ingestionRunId,
                nodes,
                columns,
                edges,
                tests,
                testResultsAdded,
                runResultsAdded,
                freshnessAdded,
                rowsWritten,
                true);
    }

    /**
     * True when the publish added, changed or deleted no state row and appended no history: the catalog's content
     * is as before. A newer run with identical content (which moves the derived {@code last_seen_at}) still counts as
     * nothing.
     */
    public boolean changedNothing() {
        return nodes.changedNothing()
                && columns.changedNothing()
                && edges.changedNothing()
                && tests.changedNothing()
                && testResultsAdded == 0
                && runResultsAdded == 0
                && freshnessAdded == 0;
    }

    /** The same result with {@code rows} rows written. */
    public PublishResult withRowsWritten(long rows) {
        return new PublishResult(
                ingestionRunId,
                nodes,
                columns,
                edges,
                tests,
                testResultsAdded,
                runResultsAdded,
                freshnessAdded,
                rows,
                stateApplied);
    }
}
