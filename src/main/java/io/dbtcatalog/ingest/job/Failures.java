package io.dbtcatalog.ingest.job;

import io.dbtcatalog.ingest.model.RunRef;
import io.dbtcatalog.ingest.source.artifact.ArtifactException;
import io.dbtcatalog.ingest.store.CatalogStore;
import io.dbtcatalog.ingest.store.ProjectRef;
import io.dbtcatalog.ingest.store.StoreException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an exception chain into the one line a user reads: each distinct message once, outermost first (a cause
 * whose first line an outer message already quotes adds nothing, and an {@link ArtifactException} already says
 * everything its parser cause knows: file, line, column, problem); and records failures in the ledger without ever
 * letting a failure to record hide the failure itself.
 */
final class Failures {

    private static final Logger log = LoggerFactory.getLogger(Failures.class);
    private static final int MAX_LENGTH = 2000;

    private Failures() {}

    /**
     * Writes a FAILED ledger row for {@code run}; when the catalog cannot take it (the database is down, which may be
     * the very failure being recorded), logs that and returns, so the original failure is what gets reported.
     */
    static void record(CatalogStore store, ProjectRef project, RunRef run, Instant startedAt, String message) {
        try {
            store.recordFailure(project, run, startedAt, message);
        } catch (StoreException e) {
            log.warn(
                    "{}: could not record the failure of run {} in ingestion_run: {}",
                    project.projectKey(),
                    run.runKey(),
                    oneLine(e));
        }
    }

    /**
     * Writes the FAILED ledger row of a launch whose runs could not even be listed; like {@link #record}, a failure
     * to record it is logged, never thrown.
     */
    static void recordListing(CatalogStore store, ProjectRef project, Instant startedAt, String message) {
        try {
            store.recordListingFailure(project, startedAt, message);
        } catch (StoreException e) {
            log.warn(
                    "{}: could not record the failure to list runs in ingestion_run: {}",
                    project.projectKey(),
                    oneLine(e));
        }
    }

    static String oneLine(Throwable failure) {
        Set<String> messages = new LinkedHashSet<>();
        for (Throwable t = failure; t != null && messages.size() < 5; t = t.getCause()) {
            String message = t.getMessage();
            String firstLine =
                    message == null ? null : message.strip().lines().findFirst().orElse("");
            if (firstLine != null && !firstLine.isBlank() && messages.stream().noneMatch(m -> m.contains(firstLine))) {
                messages.add(message.strip());
            }
            if (t.getCause() == t || t instanceof ArtifactException) {
                break;
            }
        }
        String line = messages.isEmpty() ? failure.getClass().getSimpleName() : String.join(": ", messages);
        line = line.replaceAll("\\s*\\R\\s*", " ");
        return line.length() > MAX_LENGTH ? line.substring(0, MAX_LENGTH) + "…" : line;
    }
}
