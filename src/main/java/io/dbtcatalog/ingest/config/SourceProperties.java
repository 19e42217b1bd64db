package io.dbtcatalog.ingest.config;

import io.dbtcatalog.ingest.source.dbtcloud.DbtCloudSettings;
import io.dbtcatalog.ingest.source.discovery.DiscoverySettings;
import io.dbtcatalog.ingest.source.http.HttpSettings;
import io.dbtcatalog.ingest.source.local.LocalSettings;
import io.dbtcatalog.ingest.source.scope.Scope;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One configured metadata source ({@code ingestion.sources[i]}), bound from the flat keys users write: the common
 * {@code name} (the catalog's {@code project_key}), {@code kind}, {@code schedule} and {@code max-runs-per-poll}
 * (how many runs one poll after the first ingests at most; only a dbt Cloud source lists more than its latest run),
 * and the keys of every kind, and the optional {@code scope} (which resources the catalog holds).
 * The source of each kind reads its own record, {@link #local()}, {@link #dbtCloud} or {@link #discovery}; which
 * keys a kind requires is checked with the other cross-key rules ({@link ConfigRules}). The token is redacted from
 * {@link #toString()}.
 */
public record SourceProperties(
        @NotBlank
        @Pattern(
                regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,199}",
                message = "must be 1-200 letters, digits, '.', '_' or '-', starting with a letter or digit")
        String name,

        @NotNull SourceKind kind,
        String path,
        URI baseUrl,
        @Positive(message = POSITIVE) Long accountId,
        String token,
        @Positive(message = POSITIVE) Long projectId,
        @Positive(message = POSITIVE) Long jobId,
        List<@NotNull @Positive(message = POSITIVE) Long> jobIds,
        @DefaultValue("20") @Positive(message = POSITIVE) int maxRunsPerPoll,
        @Positive(message = POSITIVE) Long environmentId,
        @DefaultValue("10") List<Integer> acceptedStatuses,
        URI metadataUrl,

        @DefaultValue("500")
        @Min(value = 1, message = PAGE_SIZE)
        @Max(value = DiscoverySettings.MAX_PAGE_SIZE, message = PAGE_SIZE)
        int pageSize,

        String schedule,
        String historyPath,
        Scope scope) {

    public SourceProperties {
        scope = scope == null ? Scope.ALL : scope;
    }

    static final String POSITIVE = "must be a positive number";
    static final String PAGE_SIZE = "must be between 1 and 500 (the Discovery API's maximum)";

    /** The {@code kind: local} source: its target folder and, when configured, its history folder. */
    public LocalSettings local() {
        requireKind(SourceKind.LOCAL);
        return new LocalSettings(name, Path.of(path), historyPath == null ? null : Path.of(historyPath));
    }

    /** The {@code kind: dbt-cloud} source, with the shared HTTP settings and its own folder under the work folder. */
    public DbtCloudSettings dbtCloud(HttpSettings http, Path workDir) {
        requireKind(SourceKind.DBT_CLOUD);
        return new DbtCloudSettings(
                name,
                baseUrl,
                accountId,
                token,
                projectId,
                jobs(),
                environmentId,
                new LinkedHashSet<>(acceptedStatuses),
                http,
                workDir.resolve(name));
    }

    /** The dbt Cloud jobs whose runs feed this project: {@code job-id}, else {@code job-ids}; empty for every job. */
    public List<Long> jobs() {
        if (jobId != null) {
            return List.of(jobId);
        }
        return jobIds == null ? List.of() : List.copyOf(new LinkedHashSet<>(jobIds));
    }

    /** The {@code kind: discovery} source, with the shared HTTP settings capped at the Discovery API's rate. */
    public DiscoverySettings discovery(HttpSettings http) {
        requireKind(SourceKind.DISCOVERY);
        return new DiscoverySettings(
                name,
                metadataUrl,
                environmentId,
                token,
                pageSize,
                http.withRequestsPerMinuteAtMost(DiscoverySettings.MAX_REQUESTS_PER_MINUTE));
    }

    private void requireKind(SourceKind wanted) {
        if (kind != wanted) {
            throw new IllegalStateException(
                    "source " + name + " is of kind " + kind.yamlName() + ", not " + wanted.yamlName());
        }
    }

    @Override
    public String toString() {
        return "SourceProperties[name=" + name + ", kind=" + kind + ", path=" + path + ", baseUrl=" + baseUrl
                + ", accountId=" + accountId + ", token=" + Redaction.redact(token) + ", projectId=" + projectId
                + ", jobId=" + jobId + ", jobIds=" + jobIds + ", maxRunsPerPoll=" + maxRunsPerPoll
                + ", environmentId=" + environmentId + ", acceptedStatuses=" + acceptedStatuses
                + ", metadataUrl=" + metadataUrl + ", pageSize=" + pageSize + ", schedule=" + schedule
                + ", historyPath=" + historyPath + ", scope=" + scope + "]";
    }
}
