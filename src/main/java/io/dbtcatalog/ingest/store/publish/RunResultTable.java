package io.dbtcatalog.ingest.store.publish;

import io.dbtcatalog.ingest.model.RunResult;
import io.dbtcatalog.ingest.store.jdbc.RowSink;
import java.util.List;

/** Maps {@link RunResult} to {@code catalog_run_result}, keyed by the node's {@code unique_id} and invocation. */
final class RunResultTable implements HistoryTable<RunResult> {

    private static final StateTable.Shape SHAPE = new StateTable.Shape(
            "catalog_run_result",
            List.of("node_unique_id", "invocation_id"),
            List.of(
                    "status",
                    "message",
                    "execution_time_s",
                    "started_at",
                    "completed_at",
                    "rows_affected",
                    "generated_at",
                    "dbt_run_id",
                    "dbt_step_index",
                    "dbt_command"),
            false);

    private static final String INSERT = """
            INSERT INTO catalog_run_result (project_key, node_unique_id, invocation_id, status, message,
                                            execution_time_s, started_at, completed_at, rows_affected, generated_at,
                                            dbt_run_id, dbt_step_index, dbt_command, ingestion_run_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private static final String SELECT_STORED_KEYS = """
            SELECT node_unique_id, invocation_id
            FROM catalog_run_result
            WHERE project_key = :projectKey AND invocation_id = :invocationId
            """;

    @Override
    public StateTable.Shape shape() {
        return SHAPE;
    }

    @Override
    public String insert() {
        return INSERT;
    }

    @Override
    public String selectStoredKeys() {
        return SELECT_STORED_KEYS;
    }

    @Override
    public List<String> key(RunResult row) {
        return List.of(row.nodeId().value(), row.invocationId());
    }

    @Override
    public void bindContent(RowSink sink, RunResult row, PublishContext context) {
        sink.text(row.status())
                .text(row.message())
                .decimal(row.executionTimeSeconds())
                .time(row.startedAt())
                .time(row.completedAt())
                .bigint(row.rowsAffected());
        HistoryTable.bindOrigin(sink, row.origin(), row.dbtRunId(), context);
    }
}
