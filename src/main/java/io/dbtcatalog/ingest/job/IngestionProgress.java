package io.dbtcatalog.ingest.job;

/**
 * Follows one source's launch while it runs: first how many runs the selector found and how many of them still
 * need ingesting, then every run's outcome as soon as it is known (the {@code backfill} command prints a progress
 * line from it). Called on the job's thread; implementations must be quick.
 */
public interface IngestionProgress {

    void planned(String sourceName, int toIngest, int alreadyIngested);

    void finished(RunOutcome outcome);
}
