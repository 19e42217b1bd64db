package io.dbtcatalog.ingest.model;

import java.time.Instant;

/**
 * The outcome of one test in one dbt invocation. {@code status} is dbt's own word kept verbatim (pass, fail, warn,
 * error, skipped, or anything a newer dbt writes).
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
        Long dbtRunId) {

    public TestResult {
        if (testId == null || invocationId == null || invocationId.isBlank() || status == null) {
            throw new IllegalArgumentException("a test result needs test id, invocation id and status");
        }
    }
}
