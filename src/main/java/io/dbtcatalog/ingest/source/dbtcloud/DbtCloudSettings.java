package io.dbtcatalog.ingest.source.dbtcloud;

import io.dbtcatalog.ingest.source.http.HttpSettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One {@code kind: dbt-cloud} source: the account's access URL and id, the token, the optional project, jobs (one
 * or several jobs of one dbt project whose runs feed one catalog project; empty for every job) and environment
 * filters, the run statuses accepted (10 success; 20 to ingest runs with failing tests, 30 for
 * cancelled runs), HTTP settings and the source's own folder artifacts are downloaded to. Built from the validated
 * configuration ({@code ingestion.sources[i]}), which declares the defaults and the rules. {@code toString()} never
 * shows the token.
 */
public record DbtCloudSettings(
        String name,
        URI baseUrl,
        long accountId,
        String token,
        Long projectId,
        List<Long> jobIds,
        Long environmentId,
        Set<Integer> acceptedStatuses,
        HttpSettings http,
        Path workDir) {

    /** The dbt Cloud run statuses a finished run can have: 10 success, 20 error, 30 cancelled. */
    public static final Set<Integer> FINISHED_STATUSES = Set.of(10, 20, 30);

    public DbtCloudSettings {
        jobIds = jobIds == null ? List.of() : List.copyOf(new LinkedHashSet<>(jobIds));
        acceptedStatuses = Set.copyOf(acceptedStatuses);
    }

    /** Settings as given but with the token replaced. */
    @Override
    public String toString() {
        return "DbtCloudSettings[name=" + name + ", baseUrl=" + baseUrl + ", accountId=" + accountId
                + ", token=****, projectId=" + projectId + ", jobIds=" + jobIds + ", environmentId=" + environmentId
                + ", acceptedStatuses=" + new TreeSet<>(acceptedStatuses) + ", http=" + http + ", workDir="
                + workDir + "]";
    }
}
