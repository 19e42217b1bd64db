package io.dbtcatalog.ingest.job;

import io.dbtcatalog.ingest.model.RunRef;
import io.dbtcatalog.ingest.store.PublishResult;
import java.time.Duration;
import java.util.List;

/**
 * What happened to one run of one source: ingested (with the store's counts, and a note when its artifacts were
 * identical to the catalog state and not parsed), skipped because the ledger already holds it, or failed with a
 * one-line reason.
 */
public record RunOutcome(
        RunRef run, Status status, PublishResult published, String message, Duration duration, List<String> warnings) {

    /** The three ends a run can reach. */
    public enum Status {
        INGESTED,
        SKIPPED,
        FAILED
    }

    public RunOutcome {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** The note of an ingestion whose artifacts were identical to those of the catalog state. */
    public static final String IDENTICAL = "artifacts identical to those of the catalog state; not parsed again";

    /** The note of an ingestion whose state was unchanged, so only its history was read and written. */
    public static final String STATE_UNCHANGED = "state unchanged; only the run's history was read and written";

    static RunOutcome ingested(
            RunRef run, PublishResult result, Duration duration, List<String> warnings, boolean identicalToState) {
        return ingested(run, result, duration, warnings, identicalToState ? IDENTICAL : null);
    }

    /** An ingested run with {@code note} (null when there is nothing to note). */
    static RunOutcome ingested(
            RunRef run, PublishResult result, Duration duration, List<String> warnings, String note) {
        return new RunOutcome(run, Status.INGESTED, result, note, duration, warnings);
    }

    static RunOutcome skipped(RunRef run, String message) {
        return new RunOutcome(run, Status.SKIPPED, null, message, Duration.ZERO, List.of());
    }

    static RunOutcome failed(RunRef run, String message, Duration duration) {
        return new RunOutcome(run, Status.FAILED, null, message, duration, List.of());
    }
}
