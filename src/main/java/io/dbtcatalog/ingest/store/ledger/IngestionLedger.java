package io.dbtcatalog.ingest.store.ledger;

import io.dbtcatalog.ingest.model.RunRef;
import io.dbtcatalog.ingest.model.SnapshotInfo;
import io.dbtcatalog.ingest.store.ChangeCounts;
import io.dbtcatalog.ingest.store.ProjectRef;
import io.dbtcatalog.ingest.store.PublishResult;
import io.dbtcatalog.ingest.store.jdbc.ColumnLimits;
import io.dbtcatalog.ingest.store.jdbc.Jdbc;
import io.dbtcatalog.ingest.store.jdbc.RowSink;
import io.dbtcatalog.ingest.store.jdbc.SqlParams;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Owns {@code ingestion_run}, the ledger of ingestion attempts: one row per publish (written inside the publish
 * transaction, so it exists exactly when the catalog changed with it) or per recorded failure. Statements run
 * through {@link JdbcClient}; failures arrive as Spring's {@code DataAccessException}.
 */
public final class IngestionLedger {

    public static final String TABLE = "ingestion_run";
    public static final String SUCCEEDED = "SUCCEEDED";
    public static final String FAILED = "FAILED";
    /** The run key of a failure that happened before any run was named: listing the runs failed. */
    public static final String RUN_SELECTION = "(run selection)";

    /** The columns {@link #INSERT} writes, in the order {@link Entry#bind} feeds them (checked by a test). */
    static final List<String> COLUMNS = List.of(
            "project_key",
            "source_kind",
            "run_key",
            "dbt_run_id",
            "dbt_job_id",
            "location",
            "invocation_id",
            "generated_at",
            "dbt_version",
            "manifest_schema_version",
            "results_command",
            "started_at",
            "finished_at",
            "status",
            "snapshot_complete",
            "state_applied",
            "message",
            "artifact_digest",
            "run_finished_at");

    static final String INSERT = """
            INSERT INTO ingestion_run (project_key, source_kind, run_key, dbt_run_id, dbt_job_id, location,
                                       invocation_id, generated_at, dbt_version, manifest_schema_version,
                                       results_command, started_at, finished_at, status, snapshot_complete,
                                       state_applied, message, artifact_digest, run_finished_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private static final String FINISH = """
            UPDATE ingestion_run SET finished_at = ?,
                   nodes_added = ?, nodes_updated = ?, nodes_deleted = ?, nodes_unchanged = ?,
                   columns_added = ?, columns_updated = ?, columns_deleted = ?, columns_unchanged = ?,
                   edges_added = ?, edges_updated = ?, edges_deleted = ?, edges_unchanged = ?,
                   tests_added = ?, tests_updated = ?, tests_deleted = ?, tests_unchanged = ?,
                   test_results_added = ?, run_results_added = ?, freshness_added = ?, rows_written = ?
            WHERE id = ?
            """;

    private static final String IS_INGESTED = """
            SELECT 1 FROM ingestion_run WHERE project_key = ? AND run_key = ? AND status = 'SUCCEEDED'
            """;

    private static final String NEWEST_RUN_FINISHED = """
            SELECT MAX(run_finished_at) AS newest FROM ingestion_run WHERE project_key = ? AND status = 'SUCCEEDED'
            """;

    private static final ResultSetExtractor<Boolean> ANY_ROW = ResultSet::next;

    /** The values of one ledger row, in the order of its insert; {@code run} is null for a listing failure. */
    public record Entry(
            ProjectRef project,
            RunRef run,
            SnapshotInfo info,
            Instant startedAt,
            Instant finishedAt,
            String status,
            Boolean complete,
            boolean stateApplied,
            String message,
            String artifactDigest) {

        /** A FAILED attempt: no snapshot read, no state applied; {@code run} is null for a listing failure. */
        public static Entry failed(
                ProjectRef project, RunRef run, Instant startedAt, Instant finishedAt, String message) {
            return new Entry(project, run, null, startedAt, finishedAt, FAILED, null, false, message, null);
        }

        void bind(RowSink sink) {
            SnapshotInfo i = info == null ? new SnapshotInfo(null, null, null, null, null, null, null, null) : info;
            Long jobId = run != null && run.dbtJobId() != null ? run.dbtJobId() : project.dbtCloudJobId();
            sink.text(project.projectKey())
                    .text(project.sourceKind())
                    .text(runKey())
                    .bigint(run == null ? null : run.dbtRunId())
                    .bigint(jobId)
                    .text(run == null ? null : run.location())
                    .text(i.invocationId())
                    .time(i.generatedAt())
                    .text(i.dbtVersion())
                    .text(i.manifestSchemaVersion())
                    .text(i.resultsCommand())
                    .time(startedAt)
                    .time(finishedAt)
                    .text(status)
                    .bool(complete)
                    .bool(stateApplied)
                    .text(message)
                    .text(artifactDigest)
                    .time(run == null ? null : run.finishedAt());
        }

        String runKey() {
            return run == null ? RUN_SELECTION : run.runKey();
        }
    }

    private final JdbcClient jdbc;
    private final ColumnLimits limits;

    /** The ledger on {@code connection}; {@code limits} may be null when only reading. */
    public IngestionLedger(Connection connection, ColumnLimits limits) {
        this.jdbc = Jdbc.client(connection);
        this.limits = limits;
    }

    /** Inserts the ledger row and returns its id. */
    public long insert(Entry entry) throws SQLException {
        entry.bind(limits.checker(entry.project().projectKey(), TABLE, COLUMNS).row("run " + entry.runKey()));
        SqlParams params = new SqlParams();
        entry.bind(params);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql(INSERT).params(params.values()).update(keys);
        Map<String, Object> generated = keys.getKeys();
        if (generated == null || !(generated.get("id") instanceof Number id)) {
            throw new SQLException("the database returned no id for the new ingestion_run row");
        }
        return id.longValue();
    }

    /** Stores a publish's counts and end time on its ledger row. */
    public void finish(long id, PublishResult result, Instant finishedAt) {
        SqlParams params = new SqlParams().time(finishedAt);
        for (ChangeCounts counts : List.of(result.nodes(), result.columns(), result.edges(), result.tests())) {
            params.integer(counts.added())
                    .integer(counts.updated())
                    .integer(counts.deleted())
                    .integer(counts.unchanged());
        }
        params.integer(result.testResultsAdded())
                .integer(result.runResultsAdded())
                .integer(result.freshnessAdded())
                .bigint(result.rowsWritten())
                .bigint(id);
        jdbc.sql(FINISH).params(params.values()).update();
    }

    /** When the newest run the ledger holds as SUCCEEDED finished; empty when none is known. */
    public Optional<Instant> newestRunFinishedAt(String projectKey) {
        return jdbc.sql(NEWEST_RUN_FINISHED)
                .params(new SqlParams().text(projectKey).values())
                .query((rs, row) -> Optional.ofNullable(Jdbc.instant(rs, 1)))
                .single();
    }

    /** True when the ledger holds a SUCCEEDED ingestion of {@code runKey} for the project. */
    public boolean isIngested(String projectKey, String runKey) {
        return jdbc.sql(IS_INGESTED)
                .params(new SqlParams().text(projectKey).text(runKey).values())
                .query(ANY_ROW);
    }
}
