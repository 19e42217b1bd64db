package io.dbtcatalog.ingest.model;

import java.time.Instant;

/**
 * What the artifacts say about the dbt invocation that produced a snapshot: project, dbt version, adapter, schema
 * version of the manifest, invocation id, generation time, and the dbt command that wrote run_results
 * ({@code args.which}, null when there was none).
 */
public record SnapshotInfo(
        String dbtProjectName,
        String dbtProjectId,
        String dbtVersion,
        String adapterType,
        String manifestSchemaVersion,
        String invocationId,
        Instant generatedAt,
        String resultsCommand) {}
