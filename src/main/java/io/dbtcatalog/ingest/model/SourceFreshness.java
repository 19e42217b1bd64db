package io.dbtcatalog.ingest.model;

import java.time.Instant;

/**
 * One source freshness check of one dbt invocation ({@code sources.json}): when the source last loaded data, when
 * that was measured, and dbt's verdict (pass, warn, error, runtime error) verbatim.
 */
public record SourceFreshness(
        NodeId sourceId,
        String invocationId,
        String status,
        Instant maxLoadedAt,
        Instant snapshottedAt,
        Double maxLoadedAtAgeSeconds,
        String criteriaJson,
        String error,
        Double executionTimeSeconds,
        Long dbtRunId) {

    public SourceFreshness {
        if (sourceId == null || invocationId == null || invocationId.isBlank() || status == null) {
            throw new IllegalArgumentException("a freshness result needs source id, invocation id and status");
        }
    }
}
