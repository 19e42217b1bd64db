package io.dbtcatalog.ingest.config;

import io.dbtcatalog.ingest.source.dbtcloud.DbtCloudSettings;
import io.dbtcatalog.ingest.source.http.HttpSettings;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.validation.Errors;

/**
 * The rules of the configuration that Bean Validation's annotations cannot express: those that depend on another key
 * (a source's kind, the backoff bounds), on a list (unique names) or on a parser (cron expressions, time zones, API
 * URLs). Each problem is reported on its key below {@code ingestion}, spelled as in the YAML, so the start-up failure
 * names it, e.g. {@code ingestion.sources[0].path: required for kind local (a dbt target/ folder)}.
 */
final class ConfigRules {

    private static final String ACCESS_URL = "the account's access URL, e.g. https://cloud.getdbt.com,"
            + " https://emea.dbt.com or https://ACCOUNT_PREFIX.us1.dbt.com";
    private static final String DISCOVERY_URL = "the Discovery API endpoint, e.g."
            + " https://metadata.cloud.getdbt.com/graphql or https://ACCOUNT_PREFIX.metadata.us1.dbt.com/graphql";

    private final Errors errors;

    private ConfigRules(Errors errors) {
        this.errors = errors;
    }

    /** Reports every broken rule of {@code properties} to {@code errors}. */
    static void check(IngestionProperties properties, Errors errors) {
        new ConfigRules(errors).check(properties);
    }

    private void check(IngestionProperties properties) {
        CronCheck.problem(properties.schedule()).ifPresent(problem -> reject("schedule", problem));
        CronCheck.zoneProblem(properties.scheduler().timeZone())
                .ifPresent(problem -> reject("scheduler.time-zone", problem));
        checkHttp(properties.http());
        List<SourceProperties> sources = properties.sources() == null ? List.of() : properties.sources();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < sources.size(); i++) {
            SourceProperties source = sources.get(i);
            String key = "sources[" + i + "]";
            checkSource(key, source);
            if (!names.add(source.name())) {
                reject(key + ".name", "'" + source.name() + "' is used by another source; names must be unique");
            }
        }
    }

    private void checkHttp(HttpSettings http) {
        if (http.initialBackoff() != null
                && http.maxBackoff() != null
                && http.initialBackoff().compareTo(http.maxBackoff()) > 0) {
            reject(
                    "http.initial-backoff",
                    "must not exceed max-backoff (" + http.maxBackoff() + "), was " + http.initialBackoff());
        }
    }

    private void checkSource(String key, SourceProperties source) {
        if (source.kind() == SourceKind.LOCAL && isBlank(source.path())) {
            reject(key + ".path", "required for kind local (a dbt target/ folder)");
        }
        if (source.kind() != SourceKind.LOCAL && source.historyPath() != null) {
            reject(key + ".history-path", "only for kind local (dbt Cloud keeps its own run history)");
        }
        CronCheck.problem(source.schedule()).ifPresent(problem -> reject(key + ".schedule", problem));
        ScopeCheck.problems(source.scope()).forEach((scopeKey, problem) -> reject(key + ".scope." + scopeKey, problem));
        if (source.kind() == SourceKind.DBT_CLOUD) {
            checkUrl(key + ".base-url", source.baseUrl(), "dbt-cloud", ACCESS_URL);
            requireNonNull(key + ".account-id", source.accountId(), "dbt-cloud");
            requireToken(key, source, "dbt-cloud");
            checkStatuses(key + ".accepted-statuses", source.acceptedStatuses());
            checkJobs(key, source);
        } else if (source.jobIds() != null) {
            reject(key + ".job-ids", "only for kind dbt-cloud");
        }
        if (source.kind() == SourceKind.DISCOVERY) {
            checkUrl(key + ".metadata-url", source.metadataUrl(), "discovery", DISCOVERY_URL);
            requireNonNull(key + ".environment-id", source.environmentId(), "discovery");
            requireToken(key, source, "discovery");
        }
    }

    private void checkUrl(String key, URI url, String kind, String what) {
        requireNonNull(key, url, kind);
        if (url != null) {
            SecureUrls.problem(url, what).ifPresent(problem -> reject(key, problem));
        }
    }

    private void checkStatuses(String key, List<Integer> statuses) {
        if (statuses == null || statuses.isEmpty()) {
            reject(key, "must list at least one run status (10 = success)");
        } else if (statuses.stream().anyMatch(s -> s == null || !DbtCloudSettings.FINISHED_STATUSES.contains(s))) {
            reject(
                    key,
                    "may only hold finished run statuses 10 (success), 20 (error) or 30 (cancelled); was "
                            + (statuses.contains(null) ? statuses : new TreeSet<>(statuses)));
        }
    }

    private void checkJobs(String key, SourceProperties source) {
        if (source.jobIds() == null) {
            return;
        }
        if (source.jobId() != null) {
            reject(key + ".job-ids", "set job-id or job-ids, not both");
        } else if (source.jobIds().isEmpty()) {
            reject(key + ".job-ids", "must list at least one job id (leave it out to read every job)");
        }
    }

    private void requireToken(String key, SourceProperties source, String kind) {
        if (isBlank(source.token())) {
            reject(
                    key + ".token",
                    "required for kind " + kind + " (usually ${DBT_CLOUD_TOKEN}; is the environment variable set?)");
        }
    }

    private void requireNonNull(String key, Object value, String kind) {
        if (value == null) {
            reject(key, "required for kind " + kind);
        }
    }

    private void reject(String key, String message) {
        errors.rejectValue(key, "invalid", message);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
