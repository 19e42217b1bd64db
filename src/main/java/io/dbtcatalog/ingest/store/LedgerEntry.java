package io.dbtcatalog.ingest.store;

import io.dbtcatalog.ingest.store.ledger.IngestionLedger;
import java.time.Instant;

/**
 * One row of the {@code ingestion_run} ledger as the {@code status} command and the health check report it: which
 * dbt run, when, how it ended ({@code SUCCEEDED} or {@code FAILED} with its message) and what it changed.
 */
public record LedgerEntry(
        long id,
        String runKey,
        Long dbtRunId,
        String invocationId,
        Instant generatedAt,
        Instant startedAt,
        Instant finishedAt,
        String status,
        String message,
        ChangeCounts nodes,
        ChangeCounts columns,
        ChangeCounts edges,
        ChangeCounts tests,
        int testResultsAdded,
        int runResultsAdded,
        int freshnessAdded,
        long rowsWritten) {

    public boolean succeeded() {
        return IngestionLedger.SUCCEEDED.equals(status);
    }
}
