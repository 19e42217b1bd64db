package io.dbtcatalog.ingest.job;

import io.dbtcatalog.ingest.config.IngestionProperties;
import io.dbtcatalog.ingest.config.SourceKind;
import io.dbtcatalog.ingest.config.SourceProperties;
import io.dbtcatalog.ingest.source.MetadataSource;
import io.dbtcatalog.ingest.source.artifact.ArtifactSnapshotReader;
import io.dbtcatalog.ingest.source.local.LocalFolderSource;
import io.dbtcatalog.ingest.store.ProjectRef;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Turns the configured sources into {@link MetadataSource} instances (built once, on first use) and into the
 * {@link ProjectRef} the store keys them by. The only place that knows which class serves which source kind.
 */
@Component
public class SourceRegistry {

    private final IngestionProperties properties;
    private final ArtifactSnapshotReader artifactReader;
    private final Map<String, MetadataSource> sources = new ConcurrentHashMap<>();

    public SourceRegistry(IngestionProperties properties, ArtifactSnapshotReader artifactReader) {
        this.properties = properties;
        this.artifactReader = artifactReader;
    }

    /** Every configured source name, in configuration order. */
    public List<String> names() {
        return properties.sources().stream().map(SourceProperties::name).toList();
    }

    public MetadataSource source(String name) {
        return sources.computeIfAbsent(name, n -> create(settings(n)));
    }

    public ProjectRef project(String name) {
        SourceProperties source = settings(name);
        return new ProjectRef(source.name(), source.kind().yamlName(), source.accountId(), source.projectId(),
                source.environmentId(), source.jobId());
    }

    /** The configuration of one source; {@link UnknownSourceException} names the configured ones otherwise. */
    public SourceProperties settings(String name) {
        return properties.source(name).orElseThrow(() -> new UnknownSourceException(name, names()));
    }

    private MetadataSource create(SourceProperties source) {
        if (source.kind() == SourceKind.LOCAL) {
            return new LocalFolderSource(source.name(), Path.of(source.path()), artifactReader);
        }
        throw new UnsupportedSourceKindException(source.name(), source.kind());
    }

    /** A source name that is not in the configuration. */
    public static class UnknownSourceException extends RuntimeException {
        UnknownSourceException(String name, List<String> configured) {
            super("no source named '" + name + "' in the configuration (configured: " + String.join(", ", configured)
                    + ")");
        }
    }

    /** A source kind this build cannot serve. */
    public static class UnsupportedSourceKindException extends RuntimeException {
        UnsupportedSourceKindException(String name, SourceKind kind) {
            super("source '" + name + "': kind " + kind.yamlName() + " is not supported by this version");
        }
    }
}
