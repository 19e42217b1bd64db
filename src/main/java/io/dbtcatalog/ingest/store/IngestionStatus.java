package io.dbtcatalog.ingest.store;

/**
 * What the ledger says about one project: its newest successful ingestion and its newest failed one (each null when
 * there is none). The project is failing when its newest ledger row is a failure.
 */
public record IngestionStatus(String projectKey, LedgerEntry lastSuccess, LedgerEntry lastFailure) {

    /** True when the newest attempt recorded for the project failed. */
    public boolean failing() {
        return lastFailure != null && (lastSuccess == null || lastFailure.id() > lastSuccess.id());
    }

    /** True when the ledger holds no attempt at all for the project. */
    public boolean neverIngested() {
        return lastSuccess == null && lastFailure == null;
    }

    /** The newest attempt of either kind, or null. */
    public LedgerEntry lastAttempt() {
        if (lastSuccess == null || lastFailure == null) {
            return lastSuccess != null ? lastSuccess : lastFailure;
        }
        return lastFailure.id() > lastSuccess.id() ? lastFailure : lastSuccess;
    }
}
