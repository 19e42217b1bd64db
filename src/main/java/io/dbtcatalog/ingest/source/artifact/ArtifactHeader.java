package io.dbtcatalog.ingest.source.artifact;

import java.nio.file.Path;
import java.time.Instant;

/**
 * The {@code metadata} block of one artifact file, read without parsing the rest: enough to recognise the dbt
 * invocation that wrote it. Any field may be {@code null} when the file does not carry it.
 */
public record ArtifactHeader(
        Path file, String dbtSchemaVersion, String dbtVersion, String invocationId, Instant generatedAt) {}
