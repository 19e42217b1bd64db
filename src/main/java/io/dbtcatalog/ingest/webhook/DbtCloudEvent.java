package io.dbtcatalog.ingest.webhook;

import java.time.Instant;

/**
 * One dbt Cloud webhook event as this receiver reads it: its id and type, the account, and the run it is about
 * with the run's job, environment, project (null when not sent) and status code (null when not sent).
 */
record DbtCloudEvent(
        String eventId,
        String eventType,
        Instant timestamp,
        long accountId,
        long runId,
        long jobId,
        Long environmentId,
        Long projectId,
        Integer runStatusCode,
        String runStatus) {

    static final String STARTED = "job.run.started";
    static final String COMPLETED = "job.run.completed";
    static final String ERRORED = "job.run.errored";

    /** dbt Cloud's run status code of an errored run. */
    static final int ERROR_STATUS = 20;

    /** True for the events that announce a finished run ({@code completed}, {@code errored}). */
    boolean announcesFinishedRun() {
        return COMPLETED.equals(eventType) || ERRORED.equals(eventType);
    }

    /** The run's status code: the one sent, else 20 for an {@code errored} event; null when unknown. */
    Integer statusCode() {
        if (runStatusCode != null) {
            return runStatusCode;
        }
        return ERRORED.equals(eventType) ? ERROR_STATUS : null;
    }

    /** The event in a few words for log lines: id, type, run, job. */
    String describe() {
        return eventType + " " + eventId + " (run " + runId + ", job " + jobId + ")";
    }
}
