package io.dbtcatalog.ingest.source.artifact;

import io.dbtcatalog.ingest.model.SnapshotInfo;
import io.dbtcatalog.ingest.source.normalize.JsonValues;
import io.dbtcatalog.ingest.source.normalize.Timestamps;
import java.nio.file.Path;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** The {@code metadata} object common to every dbt artifact, with the manifest-only project and adapter fields. */
record ArtifactMetadata(
        String dbtSchemaVersion,
        String dbtVersion,
        Instant generatedAt,
        String invocationId,
        String projectName,
        String projectId,
        String adapterType) {

    static ArtifactMetadata from(JsonNode metadata) {
        return new ArtifactMetadata(
                JsonValues.nonBlank(metadata.path("dbt_schema_version")),
                JsonValues.nonBlank(metadata.path("dbt_version")),
                Timestamps.parse(JsonValues.nonBlank(metadata.path("generated_at"))),
                JsonValues.nonBlank(metadata.path("invocation_id")),
                JsonValues.nonBlank(metadata.path("project_name")),
                JsonValues.nonBlank(metadata.path("project_id")),
                JsonValues.nonBlank(metadata.path("adapter_type")));
    }

    /** What the snapshot says about the dbt invocation; {@code resultsCommand} is the results files' command. */
    SnapshotInfo toInfo(String resultsCommand) {
        return new SnapshotInfo(
                projectName,
                projectId,
                dbtVersion,
                adapterType,
                dbtSchemaVersion,
                invocationId,
                generatedAt,
                resultsCommand);
    }

    ArtifactHeader toHeader(Path file) {
        return new ArtifactHeader(file, dbtSchemaVersion, dbtVersion, invocationId, generatedAt);
    }
}
