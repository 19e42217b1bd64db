package io.dbtcatalog.ingest.store;

import java.time.Duration;

/**
 * Another ingestion held the project's lock (it was publishing the same project) for longer than the publish was
 * willing to wait. Nothing was written; trying again later is safe.
 */
public class ProjectBusyException extends StoreException {

    public ProjectBusyException(String projectKey, Duration waited, Throwable cause) {
        super(
                projectKey,
                "catalog_project",
                "the project is busy: another ingestion is publishing it and did not"
                        + " finish within " + describe(waited)
                        + " (ingestion.lock-timeout); nothing was written, try again"
                        + " later",
                cause);
    }

    private static String describe(Duration waited) {
        if (waited == null) {
            return "the database's lock timeout";
        }
        return waited.toMillis() % 1000 == 0 ? waited.toSeconds() + " s" : waited.toMillis() + " ms";
    }
}
