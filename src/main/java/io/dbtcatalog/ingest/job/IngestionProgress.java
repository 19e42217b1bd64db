package io.dbtcatalog.ingest.job;

/**
 * Follows one source's ingestion while it runs: first how many runs the selector found and how many of them still
 * need ingesting, then every run's outcome as soon as it is known (the {@code backfill} command prints a progress
 * line from it). Called on the ingesting thread; implementations must be quick.
 */
public interface IngestionProgress {

    /** Follows nothing. */
    IngestionProgress NONE = new IngestionProgress() {
        @Override
        public void planned(String sourceName, int toIngest, int alreadyIngested) {}

        @Override
        public void finished(RunOutcome outcome) {}
    };

    void planned(String sourceName, int toIngest, int alreadyIngested);

    void finished(RunOutcome outcome);
}
