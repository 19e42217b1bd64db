package io.dbtcatalog.ingest.store;

import io.dbtcatalog.ingest.model.SnapshotInfo;
import io.dbtcatalog.ingest.store.jdbc.Binder;
import io.dbtcatalog.ingest.store.jdbc.ColumnLimits;
import io.dbtcatalog.ingest.store.jdbc.SqlDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Owns {@code catalog_project}: makes sure the project's row exists, locks it for the duration of a publish (so two
 * publishes of one project serialize on the database, whichever instance runs them) and rewrites it only when
 * something in it changed.
 */
final class ProjectRegistry {

    private static final String TABLE = "catalog_project";

    private static final String FIND = """
            SELECT source_kind, dbt_project_name, dbt_project_id, adapter_type, dbt_version, dbt_cloud_account_id,
                   dbt_cloud_project_id, dbt_cloud_environment_id, dbt_cloud_job_id, state_as_of, last_ingestion_run_id,
                   state_artifact_digest
            FROM catalog_project WHERE project_key = ?
            """;

    private static final String LOCK = FIND.strip() + " FOR UPDATE";

    /** H2 2.x: standard {@code MERGE ... WHEN NOT MATCHED}; a concurrent insert of the same key is tolerated. */
    private static final String INSERT_IF_ABSENT_H2 = """
            MERGE INTO catalog_project t
            USING (VALUES (CAST(? AS VARCHAR(200)), CAST(? AS VARCHAR(20)), CAST(? AS TIMESTAMP WITH TIME ZONE)))
                  AS s (project_key, source_kind, created_at)
            ON t.project_key = s.project_key
            WHEN NOT MATCHED THEN INSERT (project_key, source_kind, created_at)
                                  VALUES (s.project_key, s.source_kind, s.created_at)
            """;

    /** PostgreSQL: {@code INSERT ... ON CONFLICT DO NOTHING} waits for a concurrent insert and then does nothing. */
    private static final String INSERT_IF_ABSENT_POSTGRESQL = """
            INSERT INTO catalog_project (project_key, source_kind, created_at) VALUES (?, ?, ?)
            ON CONFLICT (project_key) DO NOTHING
            """;

    private static final String UPDATE = """
            UPDATE catalog_project SET source_kind = ?, dbt_project_name = ?, dbt_project_id = ?, adapter_type = ?,
                   dbt_version = ?, dbt_cloud_account_id = ?, dbt_cloud_project_id = ?, dbt_cloud_environment_id = ?,
                   dbt_cloud_job_id = ?, state_as_of = ?, last_ingestion_run_id = ?, state_artifact_digest = ?
            WHERE project_key = ?
            """;

    private final Connection connection;
    private final SqlDialect dialect;
    private final ColumnLimits limits;

    ProjectRegistry(Connection connection, SqlDialect dialect, ColumnLimits limits) {
        this.connection = connection;
        this.dialect = dialect;
        this.limits = limits;
    }

    /** Inserts the project row if absent, then locks it until the transaction ends; returns it as stored. */
    ProjectRow lock(ProjectRef project, Instant now) throws SQLException {
        limits.checker(project.projectKey(), TABLE, List.of("project_key", "source_kind"))
                .row("project " + project.projectKey()).text(project.projectKey()).text(project.sourceKind());
        insertIfAbsent(project, now);
        ProjectRow row = select(LOCK, project.projectKey());
        if (row == null) {
            throw new StoreException(project.projectKey(), TABLE, "the project row vanished while locking it");
        }
        return row;
    }

    /** Inserts the project row unless it exists; returns whether it inserted one. */
    private boolean insertIfAbsent(ProjectRef project, Instant now) throws SQLException {
        String sql = dialect == SqlDialect.H2 ? INSERT_IF_ABSENT_H2 : INSERT_IF_ABSENT_POSTGRESQL;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            new Binder(statement).text(project.projectKey()).text(project.sourceKind()).time(now);
            return statement.executeUpdate() > 0;
        } catch (SQLException e) {
            // H2 reports a concurrently committed insert of the same key as a unique violation. H2 rolls back only
            // the failed statement, and the row now exists, which is all this method promises.
            if (dialect == SqlDialect.H2 && SqlDialect.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    /** The project's row as stored, without locking it; null when the project has never been published. */
    ProjectRow find(String projectKey) throws SQLException {
        return select(FIND, projectKey);
    }

    private ProjectRow select(String sql, String projectKey) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            new Binder(statement).text(projectKey);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new ProjectRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, Long.class), rs.getObject(7, Long.class),
                        rs.getObject(8, Long.class), rs.getObject(9, Long.class), instant(rs, 10),
                        rs.getObject(11, Long.class), rs.getString(12));
            }
        }
    }

    /**
     * The row as a publish of {@code info} leaves it: project metadata from the snapshot (a value the snapshot
     * lacks keeps the stored one), dbt Cloud ids from the configuration, the state time and the digest of the
     * artifact files the state now comes from (null when it came from none).
     */
    static ProjectRow applied(ProjectRow stored, ProjectRef project, SnapshotInfo info, Instant stateAsOf,
            String artifactDigest) {
        return new ProjectRow(project.sourceKind(),
                orStored(info.dbtProjectName(), stored.dbtProjectName()),
                orStored(info.dbtProjectId(), stored.dbtProjectId()),
                orStored(info.adapterType(), stored.adapterType()),
                orStored(info.dbtVersion(), stored.dbtVersion()),
                project.dbtCloudAccountId(), project.dbtCloudProjectId(), project.dbtCloudEnvironmentId(),
                project.dbtCloudJobId(), stateAsOf, stored.lastIngestionRunId(), artifactDigest);
    }

    /** Writes {@code wanted} when it differs from {@code stored}; returns the number of rows written (0 or 1). */
    int update(String projectKey, ProjectRow stored, ProjectRow wanted) throws SQLException {
        if (wanted.equals(stored)) {
            return 0;
        }
        limits.checker(projectKey, TABLE, List.of("source_kind", "dbt_project_name", "dbt_project_id",
                        "adapter_type", "dbt_version"))
                .row("project " + projectKey).text(wanted.sourceKind()).text(wanted.dbtProjectName())
                .text(wanted.dbtProjectId()).text(wanted.adapterType()).text(wanted.dbtVersion());
        try (PreparedStatement statement = connection.prepareStatement(UPDATE)) {
            new Binder(statement).text(wanted.sourceKind()).text(wanted.dbtProjectName()).text(wanted.dbtProjectId())
                    .text(wanted.adapterType()).text(wanted.dbtVersion()).bigint(wanted.dbtCloudAccountId())
                    .bigint(wanted.dbtCloudProjectId()).bigint(wanted.dbtCloudEnvironmentId())
                    .bigint(wanted.dbtCloudJobId()).time(wanted.stateAsOf()).bigint(wanted.lastIngestionRunId())
                    .text(wanted.stateArtifactDigest()).text(projectKey);
            return statement.executeUpdate();
        }
    }

    private static String orStored(String value, String stored) {
        return value != null ? value : stored;
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
