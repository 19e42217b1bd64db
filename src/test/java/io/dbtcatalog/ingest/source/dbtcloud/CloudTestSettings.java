package io.dbtcatalog.ingest.source.dbtcloud;

import io.dbtcatalog.ingest.source.http.HttpSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** Settings of a source pointed at the stand-in, with test-sized timeouts; everything else as configured. */
final class CloudTestSettings {

    static final HttpSettings FAST_HTTP = new HttpSettings(
            Duration.ofSeconds(2),
            Duration.ofSeconds(5),
            Duration.ofSeconds(30),
            4,
            Duration.ofSeconds(1),
            Duration.ofSeconds(8),
            Duration.ofMinutes(2),
            6000);

    private CloudTestSettings() {}

    static DbtCloudSettings settings(
            DbtCloudStandIn standIn,
            Long projectId,
            Long jobId,
            Long environmentId,
            Set<Integer> statuses,
            Path workDir) {
        return new DbtCloudSettings(
                "cloud-" + projectId + "-" + jobId + "-" + environmentId,
                standIn.baseUrl(),
                StandardAccount.ACCOUNT,
                StandardAccount.TOKEN,
                projectId,
                jobs(jobId),
                environmentId,
                statuses,
                FAST_HTTP,
                workDir);
    }

    static DbtCloudSettings settings(DbtCloudStandIn standIn, Long projectId, Long jobId, Path workDir) {
        return settings(standIn, projectId, jobId, null, Set.of(10), workDir);
    }

    /** The job filter of one job id, or of none. */
    static List<Long> jobs(Long jobId) {
        return jobId == null ? List.of() : List.of(jobId);
    }

    static DbtCloudSettings withJobs(DbtCloudSettings s, Long... jobIds) {
        return new DbtCloudSettings(
                s.name(),
                s.baseUrl(),
                s.accountId(),
                s.token(),
                s.projectId(),
                List.of(jobIds),
                s.environmentId(),
                s.acceptedStatuses(),
                s.http(),
                s.workDir());
    }

    static DbtCloudSettings withHttp(DbtCloudSettings s, HttpSettings http) {
        return new DbtCloudSettings(
                s.name(),
                s.baseUrl(),
                s.accountId(),
                s.token(),
                s.projectId(),
                s.jobIds(),
                s.environmentId(),
                s.acceptedStatuses(),
                http,
                s.workDir());
    }

    static DbtCloudSettings withToken(DbtCloudSettings s, String token) {
        return new DbtCloudSettings(
                s.name(),
                s.baseUrl(),
                s.accountId(),
                token,
                s.projectId(),
                s.jobIds(),
                s.environmentId(),
                s.acceptedStatuses(),
                s.http(),
                s.workDir());
    }

    static DbtCloudSettings withAccount(DbtCloudSettings s, long accountId) {
        return new DbtCloudSettings(
                s.name(),
                s.baseUrl(),
                accountId,
                s.token(),
                s.projectId(),
                s.jobIds(),
                s.environmentId(),
                s.acceptedStatuses(),
                s.http(),
                s.workDir());
    }
}
