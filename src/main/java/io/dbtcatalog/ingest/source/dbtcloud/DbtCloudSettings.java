package io.dbtcatalog.ingest.source.dbtcloud;

import io.dbtcatalog.ingest.source.http.HttpSettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/**
 * One {@code kind: dbt-cloud} source: the account's access URL and id, the token, the optional project / job /
 * environment filters, the run statuses accepted (10 success by default; add 20 to ingest runs with failing tests,
 * 30 for cancelled runs), HTTP settings and the folder artifacts are downloaded to. {@code toString()} never shows
 * the token.
 */
public record DbtCloudSettings(
        String name,
        URI baseUrl,
        long accountId,
        String token,
        Long projectId,
        Long jobId,
        Long environmentId,
        Set<Integer> acceptedStatuses,
        HttpSettings http,
        Path workDir) {

    /** The dbt Cloud run statuses a finished run can have: 10 success, 20 error, 30 cancelled. */
    public static final Set<Integer> FINISHED_STATUSES = Set.of(10, 20, 30);

    public DbtCloudSettings {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a dbt-cloud source needs a name (its project_key)");
        }
        baseUrl = checkBaseUrl(name, baseUrl);
        if (accountId <= 0) {
            throw new IllegalArgumentException("source " + name + ": account-id must be a positive number");
        }
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("source " + name + ": token is empty (e.g. token: ${DBT_CLOUD_TOKEN})");
        }
        checkPositive(name, "project-id", projectId);
        checkPositive(name, "job-id", jobId);
        checkPositive(name, "environment-id", environmentId);
        acceptedStatuses = checkStatuses(name, acceptedStatuses);
        http = http == null ? HttpSettings.defaults() : http;
        workDir = workDir == null ? Path.of(System.getProperty("java.io.tmpdir"), "dbt-catalog-ingest") : workDir;
    }

    private static URI checkBaseUrl(String name, URI baseUrl) {
        if (baseUrl == null || baseUrl.getHost() == null
                || !("https".equals(baseUrl.getScheme()) || "http".equals(baseUrl.getScheme()))) {
            throw new IllegalArgumentException("source " + name + ": base-url must be the account's access URL,"
                    + " e.g. https://cloud.getdbt.com, https://emea.dbt.com or https://ACCOUNT_PREFIX.us1.dbt.com;"
                    + " was " + baseUrl);
        }
        if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null || baseUrl.getRawUserInfo() != null) {
            throw new IllegalArgumentException("source " + name + ": base-url must not carry a query, fragment or"
                    + " user info; was " + baseUrl.getScheme() + "://" + baseUrl.getHost());
        }
        return baseUrl;
    }

    private static void checkPositive(String name, String key, Long value) {
        if (value != null && value <= 0) {
            throw new IllegalArgumentException("source " + name + ": " + key + " must be a positive number, was "
                    + value);
        }
    }

    private static Set<Integer> checkStatuses(String name, Set<Integer> statuses) {
        if (statuses == null || statuses.isEmpty()) {
            return Set.of(10);
        }
        for (Integer status : statuses) {
            if (!FINISHED_STATUSES.contains(status)) {
                throw new IllegalArgumentException("source " + name + ": accepted-statuses may only hold finished"
                        + " run statuses 10 (success), 20 (error) or 30 (cancelled); was " + new TreeSet<>(statuses));
            }
        }
        return Set.copyOf(statuses);
    }

    /** Settings as given but with the token replaced. */
    @Override
    public String toString() {
        return "DbtCloudSettings[name=" + name + ", baseUrl=" + baseUrl + ", accountId=" + accountId
                + ", token=****, projectId=" + projectId + ", jobId=" + jobId + ", environmentId=" + environmentId
                + ", acceptedStatuses=" + new TreeSet<>(acceptedStatuses) + ", http=" + http + ", workDir="
                + workDir + "]";
    }
}
