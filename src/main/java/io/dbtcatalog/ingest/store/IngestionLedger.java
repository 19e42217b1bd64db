package io.dbtcatalog.ingest.store;

import io.dbtcatalog.ingest.model.RunRef;
import io.dbtcatalog.ingest.model.SnapshotInfo;
import io.dbtcatalog.ingest.store.jdbc.Binder;
import io.dbtcatalog.ingest.store.jdbc.ColumnLimits;
import io.dbtcatalog.ingest.store.jdbc.RowSink;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Owns {@code ingestion_run}, the ledger of ingestion attempts: one row per publish (written inside the publish
 * transaction, so it exists exactly when the catalog changed with it) or per recorded failure.
 */
final class IngestionLedger {

    static final String TABLE = "ingestion_run";
    static final String SUCCEEDED = "SUCCEEDED";
    static final String FAILED = "FAILED";

    private static final List<String> COLUMNS = List.of("project_key", "source_kind", "run_key", "dbt_run_id",
            "dbt_job_id", "location", "invocation_id", "generated_at", "dbt_version", "manifest_schema_version",
            "results_command", "started_at", "finished_at", "status", "snapshot_complete", "state_applied", "message",
            "artifact_digest");

    private static final String INSERT = "INSERT INTO ingestion_run (" + String.join(", ", COLUMNS) + ") VALUES ("
            + COLUMNS.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";

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

    /** The values of one ledger row, in the order of its insert. */
    record Entry(ProjectRef project, RunRef run, SnapshotInfo info, Instant startedAt, Instant finishedAt,
            String status, Boolean complete, boolean stateApplied, String message, String artifactDigest) {

        void bind(RowSink sink) {
            SnapshotInfo i = info == null ? new SnapshotInfo(null, null, null, null, null, null, null, null) : info;
            sink.text(project.projectKey()).text(project.sourceKind()).text(run.runKey()).bigint(run.dbtRunId())
                    .bigint(run.dbtJobId() != null ? run.dbtJobId() : project.dbtCloudJobId()).text(run.location())
                    .text(i.invocationId()).time(i.generatedAt()).text(i.dbtVersion())
                    .text(i.manifestSchemaVersion()).text(i.resultsCommand()).time(startedAt).time(finishedAt)
                    .text(status).bool(complete).bool(stateApplied).text(message).text(artifactDigest);
        }
    }

    private final Connection connection;
    private final ColumnLimits limits;

    IngestionLedger(Connection connection, ColumnLimits limits) {
        this.connection = connection;
        this.limits = limits;
    }

    /** Inserts the ledger row and returns its id. */
    long insert(Entry entry) throws SQLException {
        entry.bind(limits.checker(entry.project().projectKey(), TABLE, COLUMNS).row("run " + entry.run().runKey()));
        try (PreparedStatement statement = connection.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS)) {
            entry.bind(new Binder(statement));
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("the database returned no id for the new ingestion_run row");
                }
                return keys.getLong(1);
            }
        }
    }

    /** Stores a publish's counts and end time on its ledger row. */
    void finish(long id, PublishResult result, Instant finishedAt) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(FINISH)) {
            Binder binder = new Binder(statement).time(finishedAt);
            for (ChangeCounts counts : List.of(result.nodes(), result.columns(), result.edges(), result.tests())) {
                binder.integer(counts.added()).integer(counts.updated()).integer(counts.deleted())
                        .integer(counts.unchanged());
            }
            binder.integer(result.testResultsAdded()).integer(result.runResultsAdded())
                    .integer(result.freshnessAdded()).bigint(result.rowsWritten()).bigint(id);
            statement.executeUpdate();
        }
    }

    boolean isIngested(String projectKey, String runKey) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(IS_INGESTED)) {
            new Binder(statement).text(projectKey).text(runKey);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        }
    }
}
