package io.dbtcatalog.ingest.store.publish;

import io.dbtcatalog.ingest.model.SourceFreshness;
import io.dbtcatalog.ingest.store.jdbc.RowSink;
import java.util.List;

/** Maps {@link SourceFreshness} to {@code catalog_source_freshness}, keyed by the source and invocation. */
final class FreshnessTable implements HistoryTable<SourceFreshness> {

    private static final StateTable.Shape SHAPE = new StateTable.Shape(
            "catalog_source_freshness",
            List.of("source_unique_id", "invocation_id"),
            List.of(
                    "status",
                    "max_loaded_at",
                    "snapshotted_at",
                    "max_loaded_at_age_s",
                    "criteria",
                    "error",
                    "execution_time_s",
                    "generated_at",
                    "dbt_run_id",
                    "dbt_step_index",
                    "dbt_command"),
            false);

    private static final String INSERT = """
            INSERT INTO catalog_source_freshness (project_key, source_unique_id, invocation_id, status, max_loaded_at,
                                                  snapshotted_at, max_loaded_at_age_s, criteria, error,
                                                  execution_time_s, generated_at, dbt_run_id, dbt_step_index,
                                                  dbt_command, ingestion_run_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private static final String SELECT_STORED_KEYS = """
            SELECT source_unique_id, invocation_id
            FROM catalog_source_freshness
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
    public List<String> key(SourceFreshness row) {
        return List.of(row.sourceId().value(), row.invocationId());
    }

    @Override
    public void bindContent(RowSink sink, SourceFreshness row, PublishContext context) {
        sink.text(row.status())
                .time(row.maxLoadedAt())
                .time(row.snapshottedAt())
                .decimal(row.maxLoadedAtAgeSeconds())
                .text(row.criteriaJson())
                .text(row.error())
                .decimal(row.executionTimeSeconds());
        HistoryTable.bindOrigin(sink, row.origin(), row.dbtRunId(), context);
    }
}
