package io.dbtcatalog.ingest.model;

import java.time.Instant;

/**
 * The outcome of executing one non-test node (model, seed, snapshot, operation…) in one dbt invocation, with dbt's
 * status kept verbatim.
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
        Long dbtRunId) {

    public RunResult {
        if (nodeId == null || invocationId == null || invocationId.isBlank() || status == null) {
            throw new IllegalArgumentException("a run result needs node id, invocation id and status");
        }
    }
}
