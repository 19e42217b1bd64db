package io.dbtcatalog.ingest.model;

/**
 * One statistic the warehouse adapter reported for a relation in one invocation (a {@code catalog.json} stat with
 * {@code include: true}, or the Discovery API's catalog stats): row count, bytes, last modified… {@code statId} is
 * the adapter's id ({@code num_rows}, {@code bytes}, {@code last_modified}); {@code value} is kept as text, as the
 * adapter reported it.
 */
public record RelationStat(
        NodeId nodeId,
        String invocationId,
        String statId,
        String label,
        String value,
        String description,
        ResultOrigin origin) {

    public RelationStat {
        if (nodeId == null || invocationId == null || invocationId.isBlank() || statId == null || statId.isBlank()) {
            throw new IllegalArgumentException("a relation statistic needs node id, invocation id and stat id");
        }
        origin = origin == null ? ResultOrigin.UNKNOWN : origin;
    }
}
