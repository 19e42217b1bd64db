package io.dbtcatalog.ingest.store.publish;

import io.dbtcatalog.ingest.model.RunResult;
import io.dbtcatalog.ingest.model.SourceFreshness;
import io.dbtcatalog.ingest.model.TestResult;
import io.dbtcatalog.ingest.store.jdbc.RowSink;
import java.util.List;

/** The three history tables: {@code catalog_test_result}, {@code catalog_run_result}, {@code catalog_source_freshness}. */
final class HistoryTables {

    private HistoryTables() {
    }

    static final HistoryTable<TestResult> TEST_RESULTS = new HistoryTable<>() {
        private final StateTable.Shape shape = new StateTable.Shape("catalog_test_result",
                List.of("test_unique_id", "invocation_id"), List.of("status", "failures", "message",
                "execution_time_s", "started_at", "completed_at", "generated_at", "dbt_run_id"), false);

        @Override
        public StateTable.Shape shape() {
            return shape;
        }

        @Override
        public List<String> key(TestResult row) {
            return List.of(row.testId().value(), row.invocationId());
        }

        @Override
        public void bindContent(RowSink sink, TestResult row, PublishContext context) {
            sink.text(row.status()).bigint(row.failures()).text(row.message()).decimal(row.executionTimeSeconds())
                    .time(row.startedAt()).time(row.completedAt()).time(context.generatedAt())
                    .bigint(HistoryTable.dbtRunId(row.dbtRunId(), context));
        }
    };

    static final HistoryTable<RunResult> RUN_RESULTS = new HistoryTable<>() {
        private final StateTable.Shape shape = new StateTable.Shape("catalog_run_result",
                List.of("node_unique_id", "invocation_id"), List.of("status", "message", "execution_time_s",
                "started_at", "completed_at", "rows_affected", "generated_at", "dbt_run_id"), false);

        @Override
        public StateTable.Shape shape() {
            return shape;
        }

        @Override
        public List<String> key(RunResult row) {
            return List.of(row.nodeId().value(), row.invocationId());
        }

        @Override
        public void bindContent(RowSink sink, RunResult row, PublishContext context) {
            sink.text(row.status()).text(row.message()).decimal(row.executionTimeSeconds()).time(row.startedAt())
                    .time(row.completedAt()).bigint(row.rowsAffected()).time(context.generatedAt())
                    .bigint(HistoryTable.dbtRunId(row.dbtRunId(), context));
        }
    };

    static final HistoryTable<SourceFreshness> FRESHNESS = new HistoryTable<>() {
        private final StateTable.Shape shape = new StateTable.Shape("catalog_source_freshness",
                List.of("source_unique_id", "invocation_id"), List.of("status", "max_loaded_at", "snapshotted_at",
                "max_loaded_at_age_s", "criteria", "error", "execution_time_s", "generated_at", "dbt_run_id"), false);

        @Override
        public StateTable.Shape shape() {
            return shape;
        }

        @Override
        public List<String> key(SourceFreshness row) {
            return List.of(row.sourceId().value(), row.invocationId());
        }

        @Override
        public void bindContent(RowSink sink, SourceFreshness row, PublishContext context) {
            sink.text(row.status()).time(row.maxLoadedAt()).time(row.snapshottedAt())
                    .decimal(row.maxLoadedAtAgeSeconds()).text(row.criteriaJson()).text(row.error())
                    .decimal(row.executionTimeSeconds()).time(context.generatedAt())
                    .bigint(HistoryTable.dbtRunId(row.dbtRunId(), context));
        }
    };
}
