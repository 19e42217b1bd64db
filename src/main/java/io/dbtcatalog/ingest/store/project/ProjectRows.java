package io.dbtcatalog.ingest.store.project;

import io.dbtcatalog.ingest.model.SnapshotInfo;
import io.dbtcatalog.ingest.store.ProjectRef;
import io.dbtcatalog.ingest.store.StoreException;
import io.dbtcatalog.ingest.store.jdbc.ColumnLimits;
import io.dbtcatalog.ingest.store.jdbc.Jdbc;
import io.dbtcatalog.ingest.store.jdbc.SqlDialect;
import io.dbtcatalog.ingest.store.jdbc.SqlErrors;
import io.dbtcatalog.ingest.store.jdbc.SqlParams;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Owns {@code catalog_project}: makes sure the project's row exists, locks it for the duration of a publish (so two
 * publishes of one project serialize on the database, whichever instance runs them) and rewrites it only when
 * something in it changed. Failures arrive as Spring's {@link DataAccessException}.
 */
public final class ProjectRows {

    /** The table's name, as failures report it. */
    public static final String TABLE = "catalog_project";

    private static final String FIND = """
            SELECT source_kind, dbt_project_name, dbt_project_id, adapter_type, dbt_version, dbt_cloud_account_id,
                   dbt_cloud_project_id, dbt_cloud_environment_id, dbt_cloud_job_id, state_as_of, last_ingestion_run_id,
                   state_artifact_digest, complete_as_of, state_content_digest, active_nodes, active_columns,
                   active_edges, active_tests
            FROM catalog_project WHERE project_key = ?
            """;

    private static final String LOCK = """
            SELECT source_kind, dbt_project_name, dbt_project_id, adapter_type, dbt_version, dbt_cloud_account_id,
                   dbt_cloud_project_id, dbt_cloud_environment_id, dbt_cloud_job_id, state_as_of, last_ingestion_run_id,
                   state_artifact_digest, complete_as_of, state_content_digest, active_nodes, active_columns,
                   active_edges, active_tests
            FROM catalog_project WHERE project_key = ? FOR UPDATE
            """;

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
                   dbt_cloud_job_id = ?, state_as_of = ?, last_ingestion_run_id = ?, state_artifact_digest = ?,
                   complete_as_of = ?, state_content_digest = ?, active_nodes = ?, active_columns = ?,
                   active_edges = ?, active_tests = ?
            WHERE project_key = ?
            """;

    /** The row, if any (JdbcClient wants a non-null result from an extractor). */
    private static final ResultSetExtractor<Optional<ProjectRow>> FIRST = ProjectRows::first;

    private final JdbcClient jdbc;
    private final SqlDialect dialect;
    private final ColumnLimits limits;

    /** Rows read and written on {@code connection}; {@code limits} may be null when only reading. */
    public ProjectRows(Connection connection, SqlDialect dialect, ColumnLimits limits) {
        this.jdbc = Jdbc.client(connection);
        this.dialect = dialect;
        this.limits = limits;
    }

    /** Inserts the project row if absent, then locks it until the transaction ends; returns it as stored. */
    public ProjectRow lock(ProjectRef project, Instant now) {
        limits.checker(project.projectKey(), TABLE, List.of("project_key", "source_kind"))
                .row("project " + project.projectKey())
                .text(project.projectKey())
                .text(project.sourceKind());
        insertIfAbsent(project, now);
        ProjectRow row = select(LOCK, project.projectKey());
        if (row == null) {
            throw new StoreException(project.projectKey(), TABLE, "the project row vanished while locking it");
        }
        return row;
    }

    /** The project's row as stored, without locking it; null when the project has never been published. */
    public ProjectRow find(String projectKey) {
        return select(FIND, projectKey);
    }

    /**
     * The row as a publish of {@code info} leaves it: project metadata from the snapshot (a value the snapshot
     * lacks keeps the stored one), dbt Cloud ids from the configuration, the state time and the digest of the
     * artifact files the state now comes from (null when it came from none) and of its content alone
     * ({@code stateDigest}, null when unknown); a complete snapshot also becomes the time every active state row was
     * last seen ({@code complete_as_of}) and leaves {@code active} rows (unknown after an incomplete one).
     */
    public static ProjectRow applied(
            ProjectRow stored,
            ProjectRef project,
            SnapshotInfo info,
            Instant stateAsOf,
            boolean complete,
            String artifactDigest,
            String stateDigest,
            ActiveRows active) {
        return new ProjectRow(
                project.sourceKind(),
                orStored(info.dbtProjectName(), stored.dbtProjectName()),
                orStored(info.dbtProjectId(), stored.dbtProjectId()),
                orStored(info.adapterType(), stored.adapterType()),
                orStored(info.dbtVersion(), stored.dbtVersion()),
                project.dbtCloudAccountId(),
                project.dbtCloudProjectId(),
                project.dbtCloudEnvironmentId(),
                project.dbtCloudJobId(),
                stateAsOf,
                stored.lastIngestionRunId(),
                artifactDigest,
                complete ? stateAsOf : stored.completeAsOf(),
                stateDigest,
                complete ? active : null);
    }

    /** Writes {@code wanted} when it differs from {@code stored}; returns the number of rows written (0 or 1). */
    public int update(String projectKey, ProjectRow stored, ProjectRow wanted) {
        if (wanted.equals(stored)) {
            return 0;
        }
        limits.checker(
                        projectKey,
                        TABLE,
                        List.of("source_kind", "dbt_project_name", "dbt_project_id", "adapter_type", "dbt_version"))
                .row("project " + projectKey)
                .text(wanted.sourceKind())
                .text(wanted.dbtProjectName())
                .text(wanted.dbtProjectId())
                .text(wanted.adapterType())
                .text(wanted.dbtVersion());
        SqlParams params = new SqlParams()
                .text(wanted.sourceKind())
                .text(wanted.dbtProjectName())
                .text(wanted.dbtProjectId())
                .text(wanted.adapterType())
                .text(wanted.dbtVersion())
                .bigint(wanted.dbtCloudAccountId())
                .bigint(wanted.dbtCloudProjectId())
                .bigint(wanted.dbtCloudEnvironmentId())
                .bigint(wanted.dbtCloudJobId())
                .time(wanted.stateAsOf())
                .bigint(wanted.lastIngestionRunId())
                .text(wanted.stateArtifactDigest())
                .time(wanted.completeAsOf())
                .text(wanted.stateContentDigest())
                .bigint(active(wanted, ActiveRows::nodes))
                .bigint(active(wanted, ActiveRows::columns))
                .bigint(active(wanted, ActiveRows::edges))
                .bigint(active(wanted, ActiveRows::tests))
                .text(projectKey);
        return jdbc.sql(UPDATE).params(params.values()).update();
    }

    /** Inserts the project row unless it exists; returns whether it inserted one. */
    private boolean insertIfAbsent(ProjectRef project, Instant now) {
        String sql = dialect == SqlDialect.H2 ? INSERT_IF_ABSENT_H2 : INSERT_IF_ABSENT_POSTGRESQL;
        SqlParams params = new SqlParams()
                .text(project.projectKey())
                .text(project.sourceKind())
                .time(now);
        try {
            return jdbc.sql(sql).params(params.values()).update() > 0;
        } catch (DataAccessException e) {
            // H2 reports a concurrently committed insert of the same key as a unique violation. H2 rolls back only
            // the failed statement, and the row now exists, which is all this method promises.
            if (dialect == SqlDialect.H2 && SqlDialect.isUniqueViolation(SqlErrors.sqlException(e))) {
                return false;
            }
            throw e;
        }
    }

    private ProjectRow select(String sql, String projectKey) {
        return jdbc.sql(sql)
                .params(new SqlParams().text(projectKey).values())
                .query(FIRST)
                .orElse(null);
    }

    private static Optional<ProjectRow> first(ResultSet rs) throws SQLException {
        if (!rs.next()) {
            return Optional.empty();
        }
        return Optional.of(new ProjectRow(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getObject(6, Long.class),
                rs.getObject(7, Long.class),
                rs.getObject(8, Long.class),
                rs.getObject(9, Long.class),
                Jdbc.instant(rs, 10),
                rs.getObject(11, Long.class),
                rs.getString(12),
                Jdbc.instant(rs, 13),
                rs.getString(14),
                rs.getObject(15) == null
                        ? null
                        : new ActiveRows(rs.getInt(15), rs.getInt(16), rs.getInt(17), rs.getInt(18))));
    }

    private static Long active(ProjectRow row, java.util.function.ToIntFunction<ActiveRows> count) {
        return row.activeRows() == null ? null : (long) count.applyAsInt(row.activeRows());
    }

    private static String orStored(String value, String stored) {
        return value != null ? value : stored;
    }
}
