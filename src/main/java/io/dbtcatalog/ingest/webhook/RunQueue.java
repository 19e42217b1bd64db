package io.dbtcatalog.ingest.webhook;

/**
 * Where a verified event's run goes to be ingested, outside the HTTP request: {@link QuartzRunQueue} in the
 * application, a recording fake in the intake's unit tests.
 */
interface RunQueue {

    /** What queuing a run did. */
    enum Queued {
        /** A one-shot ingestion of the run was queued. */
        QUEUED,
        /** The run's ingestion is already queued or running (a repeated delivery, or another instance's). */
        ALREADY_QUEUED,
        /** The ledger already holds the run as ingested. */
        ALREADY_INGESTED
    }

    /**
     * Queues the ingestion of run {@code runId} of {@code source}; throws {@link Unavailable} when the queue cannot
     * take it now (the scheduler is starting or stopping, the job store is unreachable).
     */
    Queued enqueue(String source, long runId, String eventId);

    /** The queue cannot take runs now; dbt Cloud delivers the event again later. */
    final class Unavailable extends RuntimeException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
