package io.dbtcatalog.ingest.model;

import java.time.Instant;

/**
 * One source freshness check of one dbt invocation ({@code sources.json}): when the source last loaded data, when
 * that was measured, and dbt's verdict (pass, warn, error, runtime error) verbatim; {@code origin} says which file
 * it was read from.
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
        Long dbtRunId,
        ResultOrigin origin) {

    public SourceFreshness {
        if (sourceId == null || invocationId == null || invocationId.isBlank() || status == null) {
            throw new IllegalArgumentException("a freshness result needs source id, invocation id and status");
        }
        origin = origin == null ? ResultOrigin.UNKNOWN : origin;
    }

    /** A row whose origin is unknown ({@link ResultOrigin#UNKNOWN}). */
    public SourceFreshness(
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
        this(
                sourceId,
                invocationId,
                status,
                maxLoadedAt,
                snapshottedAt,
                maxLoadedAtAgeSeconds,
                criteriaJson,
                error,
                executionTimeSeconds,
                dbtRunId,
                ResultOrigin.UNKNOWN);
    }
}
