package io.dbtcatalog.ingest.model;

import java.time.Instant;

/**
 * The outcome of one test in one dbt invocation. {@code status} is dbt's own word kept verbatim (pass, fail, warn,
 * error, skipped, or anything a newer dbt writes); {@code origin} says which file (its generation time, dbt Cloud
 * step and command) it was read from.
 */
public record TestResult(
        NodeId testId,
        String invocationId,
        String status,
        Long failures,
        String message,
        Double executionTimeSeconds,
        Instant startedAt,
        Instant completedAt,
        Long dbtRunId,
        ResultOrigin origin) {

    public TestResult {
        if (testId == null || invocationId == null || invocationId.isBlank() || status == null) {
            throw new IllegalArgumentException("a test result needs test id, invocation id and status");
        }
        origin = origin == null ? ResultOrigin.UNKNOWN : origin;
    }

    /** A row whose origin is unknown ({@link ResultOrigin#UNKNOWN}). */
    public TestResult(
            NodeId testId,
            String invocationId,
            String status,
            Long failures,
            String message,
            Double executionTimeSeconds,
            Instant startedAt,
            Instant completedAt,
            Long dbtRunId) {
        this(
                testId,
                invocationId,
                status,
                failures,
                message,
                executionTimeSeconds,
                startedAt,
                completedAt,
                dbtRunId,
                ResultOrigin.UNKNOWN);
    }
}
