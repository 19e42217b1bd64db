package io.dbtcatalog.ingest.job;

import io.dbtcatalog.ingest.config.ConfigException;
import io.dbtcatalog.ingest.config.HttpProperties;
import io.dbtcatalog.ingest.config.IngestionProperties;
import io.dbtcatalog.ingest.config.SourceProperties;
import io.dbtcatalog.ingest.source.MetadataSource;
import io.dbtcatalog.ingest.source.artifact.ArtifactSnapshotReader;
import io.dbtcatalog.ingest.source.dbtcloud.DbtCloudSettings;
import io.dbtcatalog.ingest.source.dbtcloud.DbtCloudSource;
import io.dbtcatalog.ingest.source.discovery.DiscoverySettings;
import io.dbtcatalog.ingest.source.discovery.DiscoverySource;
import io.dbtcatalog.ingest.source.http.HttpClients;
import io.dbtcatalog.ingest.source.http.HttpSettings;
import io.dbtcatalog.ingest.source.local.LocalFolderSource;
import io.dbtcatalog.ingest.store.ProjectRef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
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

    /**
     * Validates the configuration's cross-key rules and every source's settings up front, so a bad value fails
     * start-up naming its key whichever bean is created first.
     */
    public SourceRegistry(IngestionProperties properties, ArtifactSnapshotReader artifactReader,
            HttpClients httpClients,
            @Value("${dbt-catalog-ingest.config-file:ingestion-config.yaml}") String configFile) {
        this.properties = properties;
        this.artifactReader = artifactReader;
        this.httpClients = httpClients;
        List<String> problems = new ArrayList<>(properties.problems());
        if (!problems.isEmpty()) {
            throw new ConfigException(configFile, problems);
        }
        for (int i = 0; i < properties.sources().size(); i++) {
            SourceProperties source = properties.sources().get(i);
            try {
                factories.put(source.name(), factory(source));
            } catch (IllegalArgumentException e) {
                problems.add("ingestion.sources[" + i + "] (" + source.name() + "): " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(configFile, problems);
        }
    }

    /** Every configured source name, in configuration order. */
    public List<String> names() {
        return properties.sources().stream().map(SourceProperties::name).toList();
    }

    public MetadataSource source(String name) {
        settings(name);
        return sources.computeIfAbsent(name, n -> factories.get(n).get());
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

    private Supplier<MetadataSource> factory(SourceProperties source) {
        switch (source.kind()) {
            case LOCAL -> {
                Path folder = Path.of(source.path());
                Path history = source.historyPath() == null ? null : Path.of(source.historyPath());
                return () -> new LocalFolderSource(source.name(), folder, history, artifactReader);
            }
            case DBT_CLOUD -> {
                DbtCloudSettings settings = new DbtCloudSettings(source.name(), source.baseUrl(), source.accountId(),
                        source.token(), source.projectId(), source.jobId(), source.environmentId(),
                        new LinkedHashSet<>(source.acceptedStatuses()), http(properties.http(), Integer.MAX_VALUE),
                        properties.workDir().resolve(source.name()));
                return () -> new DbtCloudSource(settings, artifactReader, httpClients);
            }
            case DISCOVERY -> {
                DiscoverySettings settings = new DiscoverySettings(source.name(), source.metadataUrl(),
                        source.environmentId(), source.token(), source.pageSize(),
                        http(properties.http(), DiscoverySettings.defaultHttp().requestsPerMinute()));
                return () -> new DiscoverySource(settings, httpClients);
            }
            default -> throw new IllegalArgumentException("unsupported kind " + source.kind());
        }
    }

    /** The configured HTTP settings, with the request rate capped for APIs that allow less. */
    private static HttpSettings http(HttpProperties http, int maxRequestsPerMinute) {
        return new HttpSettings(http.connectTimeout(), http.readTimeout(), http.callTimeout(), http.maxAttempts(),
                http.initialBackoff(), http.maxBackoff(), http.retryDeadline(),
                Math.min(http.requestsPerMinute(), maxRequestsPerMinute));
    }

    /** A source name that is not in the configuration. */
    public static class UnknownSourceException extends RuntimeException {
        UnknownSourceException(String name, List<String> configured) {
            super("no source named '" + name + "' in the configuration (configured: " + String.join(", ", configured)
                    + ")");
        }
    }
}
