package io.dbtcatalog.ingest.store.publish;

import io.dbtcatalog.ingest.model.RelationStat;
import io.dbtcatalog.ingest.store.jdbc.RowSink;
import java.util.List;

/**
 * Maps {@link RelationStat} to {@code catalog_relation_stats}, keyed by the node's {@code unique_id}, the statistic's
 * id and the invocation that reported it.
 */
final class RelationStatsTable implements HistoryTable<RelationStat> {

    private static final StateTable.Shape SHAPE = new StateTable.Shape(
            "catalog_relation_stats",
            List.of("node_unique_id", "stat_id", "invocation_id"),
            List.of(
                    "label",
                    "stat_value",
                    "description",
                    "generated_at",
                    "dbt_run_id",
                    "dbt_step_index",
                    "dbt_command"),
            false);

    private static final String INSERT = """
            INSERT INTO catalog_relation_stats (project_key, node_unique_id, stat_id, invocation_id, label, stat_value,
                                                description, generated_at, dbt_run_id, dbt_step_index, dbt_command,
                                                ingestion_run_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private static final String SELECT_STORED_KEYS = """
            SELECT node_unique_id, stat_id, invocation_id
            FROM catalog_relation_stats
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
    public List<String> key(RelationStat row) {
        return List.of(row.nodeId().value(), row.statId(), row.invocationId());
    }

    @Override
    public void bindContent(RowSink sink, RelationStat row, PublishContext context) {
        sink.text(row.label()).text(row.value()).text(row.description());
        HistoryTable.bindOrigin(sink, row.origin(), null, context);
    }
}
