package io.dbtcatalog.ingest.webhook;

import io.dbtcatalog.ingest.config.Redaction;
import io.dbtcatalog.ingest.config.SourceKind;
import io.dbtcatalog.ingest.config.SourceProperties;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A {@code dbt-cloud} source that receives webhook events: its filters (account, optional project, jobs — empty
 * for every job —, optional environment), the run statuses it accepts and the secret its events are signed with.
 * {@link #toString()} never shows the secret.
 */
record WebhookSource(
        String name,
        long accountId,
        Long projectId,
        List<Long> jobIds,
        Long environmentId,
        Set<Integer> acceptedStatuses,
        String secret) {

    WebhookSource {
        jobIds = List.copyOf(jobIds);
        acceptedStatuses = Set.copyOf(acceptedStatuses);
    }

    /** The webhook view of a configured source; null when it is not a {@code dbt-cloud} source with a secret. */
    static WebhookSource of(SourceProperties source) {
        if (source.kind() != SourceKind.DBT_CLOUD || source.webhookSecret() == null) {
            return null;
        }
        return new WebhookSource(
                source.name(),
                source.accountId(),
                source.projectId(),
                source.jobs(),
                source.environmentId(),
                Set.copyOf(source.acceptedStatuses()),
                source.webhookSecret());
    }

    /** True when the body was signed with this source's secret. */
    boolean verifies(byte[] body, String signature) {
        return WebhookSignature.verifies(secret, body, signature);
    }

    /** Why this source does not want {@code event}'s run; null when its filters all match. */
    String mismatch(DbtCloudEvent event) {
        if (event.accountId() != accountId) {
            return "account " + event.accountId() + " is not " + accountId;
        }
        if (projectId != null && !projectId.equals(event.projectId())) {
            return "project " + event.projectId() + " is not " + projectId;
        }
        if (!jobIds.isEmpty() && !jobIds.contains(event.jobId())) {
            return "job " + event.jobId() + " is not among " + jobIds;
        }
        if (environmentId != null && !environmentId.equals(event.environmentId())) {
            return "environment " + event.environmentId() + " is not " + environmentId;
        }
        return null;
    }

    /** True when the run's status is one this source ingests (an unknown status is left to the ingestion). */
    boolean accepts(Integer statusCode) {
        return statusCode == null || acceptedStatuses.contains(statusCode);
    }

    @Override
    public String toString() {
        return "WebhookSource[name=" + name + ", accountId=" + accountId + ", projectId=" + projectId + ", jobIds="
                + jobIds + ", environmentId=" + environmentId + ", acceptedStatuses=" + new TreeSet<>(acceptedStatuses)
                + ", secret=" + Redaction.redact(secret) + "]";
    }
}
