package io.dbtcatalog.ingest.model;

import java.time.Instant;

/**
 * The outcome of executing one non-test node (model, seed, snapshot, operation…) in one dbt invocation, with dbt's
 * status kept verbatim; {@code origin} says which file (its generation time, dbt Cloud step and command) it was
 * read from.
 */
public record RunResult(
        NodeId nodeId,
        String invocationId,
        String status,
        String message,
        Double executionTimeSeconds,
        Instant startedAt,
        Instant completedAt,
        Long rowsAffected,
        Long dbtRunId,
        ResultOrigin origin) {

    public RunResult {
        if (nodeId == null || invocationId == null || invocationId.isBlank() || status == null) {
            throw new IllegalArgumentException("a run result needs node id, invocation id and status");
        }
        origin = origin == null ? ResultOrigin.UNKNOWN : origin;
    }

    /** A row whose origin is unknown ({@link ResultOrigin#UNKNOWN}). */
    public RunResult(
            NodeId nodeId,
            String invocationId,
            String status,
            String message,
            Double executionTimeSeconds,
            Instant startedAt,
            Instant completedAt,
            Long rowsAffected,
            Long dbtRunId) {
        this(
                nodeId,
                invocationId,
                status,
                message,
                executionTimeSeconds,
                startedAt,
                completedAt,
                rowsAffected,
                dbtRunId,
                ResultOrigin.UNKNOWN);
    }
}
