package io.dbtcatalog.ingest.job;

import io.dbtcatalog.ingest.config.IngestionProperties;
import io.dbtcatalog.ingest.config.SourceProperties;
import io.dbtcatalog.ingest.source.MetadataSource;
import io.dbtcatalog.ingest.source.artifact.ArtifactSnapshotReader;
import io.dbtcatalog.ingest.source.dbtcloud.DbtCloudSettings;
import io.dbtcatalog.ingest.source.dbtcloud.DbtCloudSource;
import io.dbtcatalog.ingest.source.discovery.DiscoverySettings;
import io.dbtcatalog.ingest.source.discovery.DiscoverySource;
import io.dbtcatalog.ingest.source.http.HttpClients;
import io.dbtcatalog.ingest.source.local.LocalFolderSource;
import io.dbtcatalog.ingest.source.local.LocalSettings;
import io.dbtcatalog.ingest.store.ProjectRef;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Turns the configured sources into {@link MetadataSource} instances (built once, on first use) and into the
 * {@link ProjectRef} the store keys them by. The only place that knows which class serves which source kind.
 */
@Component
public class SourceRegistry {

    private final IngestionProperties properties;
    private final ArtifactSnapshotReader artifactReader;
    private final HttpClients httpClients;
    private final Map<String, Supplier<MetadataSource>> factories = new ConcurrentHashMap<>();
    private final Map<String, MetadataSource> sources = new ConcurrentHashMap<>();

    /** Builds each source's settings from the configuration, validated when it was bound. */
    public SourceRegistry(
            IngestionProperties properties, ArtifactSnapshotReader artifactReader, HttpClients httpClients) {
        this.properties = properties;
        this.artifactReader = artifactReader;
        this.httpClients = httpClients;
        properties.sources().forEach(source -> factories.put(source.name(), factory(source)));
    }

    /** Every configured source name, in configuration order. */
    public List<String> names() {
        return properties.sources().stream().map(SourceProperties::name).toList();
    }

    public MetadataSource source(String name) {
        settings(name);
        return sources.computeIfAbsent(name, n -> factories.get(n).get());
    }

    /** The project of a source; its dbt Cloud job id is that of its one job (null for several jobs, or none). */
    public ProjectRef project(String name) {
        SourceProperties source = settings(name);
        List<Long> jobs = source.jobs();
        return new ProjectRef(
                source.name(),
                source.kind().yamlName(),
                source.accountId(),
                source.projectId(),
                source.environmentId(),
                jobs.size() == 1 ? jobs.get(0) : null);
    }

    /** The configuration of one source; {@link UnknownSourceException} names the configured ones otherwise. */
    public SourceProperties settings(String name) {
        return properties.source(name).orElseThrow(() -> new UnknownSourceException(name, names()));
    }

    private Supplier<MetadataSource> factory(SourceProperties source) {
        switch (source.kind()) {
            case LOCAL -> {
                LocalSettings settings = source.local();
                return () -> new LocalFolderSource(settings, artifactReader);
            }
            case DBT_CLOUD -> {
                DbtCloudSettings settings = source.dbtCloud(properties.http(), properties.workDir());
                return () -> new DbtCloudSource(settings, artifactReader, httpClients);
            }
            case DISCOVERY -> {
                DiscoverySettings settings = source.discovery(properties.http());
                return () -> new DiscoverySource(settings, httpClients);
            }
            default -> throw new IllegalArgumentException("unsupported kind " + source.kind());
        }
    }

    /** A source name that is not in the configuration. */
    public static class UnknownSourceException extends RuntimeException {
        UnknownSourceException(String name, List<String> configured) {
            super("no source named '" + name + "' in the configuration (configured: " + String.join(", ", configured)
                    + ")");
        }
    }
}
