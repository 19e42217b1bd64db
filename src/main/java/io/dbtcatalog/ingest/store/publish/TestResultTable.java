package io.dbtcatalog.ingest.store.publish;

import io.dbtcatalog.ingest.model.TestResult;
import io.dbtcatalog.ingest.store.jdbc.RowSink;
import java.util.List;

/** Maps {@link TestResult} to {@code catalog_test_result}, keyed by the test's {@code unique_id} and invocation. */
final class TestResultTable implements HistoryTable<TestResult> {

    private static final StateTable.Shape SHAPE = new StateTable.Shape(
            "catalog_test_result",
            List.of("test_unique_id", "invocation_id"),
            List.of(
                    "status",
                    "failures",
                    "message",
                    "execution_time_s",
                    "started_at",
                    "completed_at",
                    "generated_at",
                    "dbt_run_id",
                    "dbt_step_index",
                    "dbt_command"),
            false);

    private static final String INSERT = """
            INSERT INTO catalog_test_result (project_key, test_unique_id, invocation_id, status, failures, message,
                                             execution_time_s, started_at, completed_at, generated_at, dbt_run_id,
                                             dbt_step_index, dbt_command, ingestion_run_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private static final String SELECT_STORED_KEYS = """
            SELECT test_unique_id, invocation_id
            FROM catalog_test_result
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
    public List<String> key(TestResult row) {
        return List.of(row.testId().value(), row.invocationId());
    }

    @Override
    public void bindContent(RowSink sink, TestResult row, PublishContext context) {
        sink.text(row.status())
                .bigint(row.failures())
                .text(row.message())
                .decimal(row.executionTimeSeconds())
                .time(row.startedAt())
                .time(row.completedAt());
        HistoryTable.bindOrigin(sink, row.origin(), row.dbtRunId(), context);
    }
}
