package io.dbtcatalog.ingest.config;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One configured metadata source ({@code ingestion.sources[i]}). Its {@code name} becomes the catalog's
 * {@code project_key}; which other keys are required depends on {@code kind} (see {@link #problems(String)}).
 * The token is redacted from {@link #toString()}.
 */
public record SourceProperties(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,199}",
                message = "must be 1-200 letters, digits, '.', '_' or '-', starting with a letter or digit")
        String name,
        @NotNull SourceKind kind,
        String path,
        URI baseUrl,
        Long accountId,
        String token,
        Long projectId,
        Long jobId,
        Long environmentId,
        @DefaultValue("10") List<Integer> acceptedStatuses,
        URI metadataUrl,
        @DefaultValue("500") @Min(1) int pageSize,
        String schedule,
        String historyPath) {

    /** Kind-specific rules Bean Validation cannot express; each problem names its full key. */
    public List<String> problems(String key) {
        List<String> problems = new ArrayList<>();
        if (kind == SourceKind.LOCAL && isBlank(path)) {
            problems.add(key + ".path: required for kind local (a dbt target/ folder)");
        }
        if (kind != SourceKind.LOCAL && historyPath != null) {
            problems.add(key + ".history-path: only for kind local (dbt Cloud keeps its own run history)");
        }
        CronCheck.check(problems, key + ".schedule", schedule);
        if (kind == SourceKind.DBT_CLOUD) {
            requireNonNull(problems, key + ".base-url", baseUrl, "dbt-cloud");
            requireNonNull(problems, key + ".account-id", accountId, "dbt-cloud");
            requireToken(problems, key, "dbt-cloud");
            if (acceptedStatuses == null || acceptedStatuses.isEmpty()) {
                problems.add(key + ".accepted-statuses: must list at least one run status (10 = success)");
            }
        }
        if (kind == SourceKind.DISCOVERY) {
            requireNonNull(problems, key + ".metadata-url", metadataUrl, "discovery");
            requireNonNull(problems, key + ".environment-id", environmentId, "discovery");
            requireToken(problems, key, "discovery");
            if (pageSize > 500) {
                problems.add(key + ".page-size: at most 500 (the Discovery API's maximum)");
            }
        }
        return problems;
    }

    private void requireToken(List<String> problems, String key, String kindName) {
        if (isBlank(token)) {
            problems.add(key + ".token: required for kind " + kindName
                    + " (usually ${DBT_CLOUD_TOKEN}; is the environment variable set?)");
        }
    }

    private static void requireNonNull(List<String> problems, String key, Object value, String kindName) {
        if (value == null) {
            problems.add(key + ": required for kind " + kindName);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    @Override
    public String toString() {
        return "SourceProperties[name=" + name + ", kind=" + kind + ", path=" + path + ", baseUrl=" + baseUrl
                + ", accountId=" + accountId + ", token=" + Redaction.redact(token) + ", projectId=" + projectId
                + ", jobId=" + jobId + ", environmentId=" + environmentId + ", acceptedStatuses=" + acceptedStatuses
                + ", metadataUrl=" + metadataUrl + ", pageSize=" + pageSize + ", schedule=" + schedule
                + ", historyPath=" + historyPath + "]";
    }
}
