package io.dbtcatalog.ingest.schedule;

import io.dbtcatalog.ingest.store.LedgerEntry;
import java.time.Instant;

/**
 * The truth about one configured source, as {@code status} and the health check tell it: its state, its newest
 * successful and failed ingestions from the ledger (null when none), its schedule and next fire time (null when
 * not scheduled).
 */
public record SourceStatus(
        String source,
        String kind,
        State state,
        String schedule,
        Instant nextFireTime,
        LedgerEntry lastSuccess,
        LedgerEntry lastFailure) {

    /** {@code FAILING} when the source's newest ingestion attempt failed. */
    public enum State {
        OK,
        FAILING,
        NEVER_INGESTED
    }
}
