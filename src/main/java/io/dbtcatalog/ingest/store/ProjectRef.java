package io.dbtcatalog.ingest.store;

/**
 * The configured dbt project a publish belongs to: its {@code projectKey} (the source name, key of every catalog
 * row), the kind of source that feeds it ({@code local}, {@code dbt_cloud}, {@code discovery}…) and, for dbt Cloud,
 * the account/project/environment/job ids. Ids are null when they do not apply.
 */
public record ProjectRef(
        String projectKey,
        String sourceKind,
        Long dbtCloudAccountId,
        Long dbtCloudProjectId,
        Long dbtCloudEnvironmentId,
        Long dbtCloudJobId) {

    public ProjectRef {
        if (projectKey == null || projectKey.isBlank()) {
            throw new IllegalArgumentException("a project needs its project key (the source name)");
        }
        if (sourceKind == null || sourceKind.isBlank()) {
            throw new IllegalArgumentException("project '" + projectKey + "' needs its source kind");
        }
    }

    /** A project fed from a local dbt {@code target/} folder, without dbt Cloud ids. */
    public static ProjectRef local(String projectKey) {
        return new ProjectRef(projectKey, "local", null, null, null, null);
    }
}
