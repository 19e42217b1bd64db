package io.dbtcatalog.ingest.store.project;

import java.time.Instant;

/**
 * The stored {@code catalog_project} row of one project (all but its key and creation time), as read under the
 * publish lock and as the publish wants it afterwards. {@code completeAsOf} is the snapshot time of the latest
 * complete snapshot applied, when every active state row was seen (sql/README.md, "Last seen");
 * {@code stateContentDigest} the digest of the state's content alone (decision 0014) and {@code activeRows} the rows
 * the latest complete publish left active, each null when unknown.
 */
public record ProjectRow(
        String sourceKind,
        String dbtProjectName,
        String dbtProjectId,
        String adapterType,
        String dbtVersion,
        Long dbtCloudAccountId,
        Long dbtCloudProjectId,
        Long dbtCloudEnvironmentId,
        Long dbtCloudJobId,
        Instant stateAsOf,
        Long lastIngestionRunId,
        String stateArtifactDigest,
        Instant completeAsOf,
        String stateContentDigest,
        ActiveRows activeRows) {

    /** The same row pointing to ingestion run {@code id}. */
    public ProjectRow withLastIngestionRunId(long id) {
        return new ProjectRow(
                sourceKind,
                dbtProjectName,
                dbtProjectId,
                adapterType,
                dbtVersion,
                dbtCloudAccountId,
                dbtCloudProjectId,
                dbtCloudEnvironmentId,
                dbtCloudJobId,
                stateAsOf,
                id,
                stateArtifactDigest,
                completeAsOf,
                stateContentDigest,
                activeRows);
    }
}
