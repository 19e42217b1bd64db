package io.dbtcatalog.ingest.store.publish;

import io.dbtcatalog.ingest.store.jdbc.Batch;
import io.dbtcatalog.ingest.store.jdbc.Binder;
import io.dbtcatalog.ingest.store.jdbc.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Owns {@code ingestion_history_invocation}: which dbt invocations each history table holds rows of, per project
 * (V14, decision 0019). A publish whose invocations are not in it appends every history row without searching the
 * history tables; it registers each invocation it appends rows of, in the same transaction, so the table never
 * misses an invocation whose rows are stored.
 */
final class HistoryInvocations {

    /** The table's name, as failures report it. */
    static final String TABLE = "ingestion_history_invocation";

    private static final String SELECT_REGISTERED = """
            SELECT invocation_id
            FROM ingestion_history_invocation
            WHERE project_key = :projectKey AND history_table = :historyTable AND invocation_id IN (:invocationIds)
            """;

    private static final String INSERT = """
            INSERT INTO ingestion_history_invocation (project_key, history_table, invocation_id, ingestion_run_id)
            VALUES (?, ?, ?, ?)
            """;

    private final Connection connection;
    private final PublishContext context;

    HistoryInvocations(Connection connection, PublishContext context) {
        this.connection = connection;
        this.context = context;
    }

    /** Those of {@code invocationIds} that history table {@code table} holds rows of for the project. */
    Set<String> registered(String table, Collection<String> invocationIds) {
        if (invocationIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(Jdbc.client(connection)
                .sql(SELECT_REGISTERED)
                .param("projectKey", Binder.storable(context.projectKey()))
                .param("historyTable", table)
                .param(
                        "invocationIds",
                        invocationIds.stream().map(Binder::storable).toList())
                .query(String.class)
                .list());
    }

    /** Records that this publish appended rows of {@code invocationIds} (none registered yet) to {@code table}. */
    void register(String table, Collection<String> invocationIds) throws SQLException {
        if (invocationIds.isEmpty()) {
            return;
        }
        try (Batch batch = new Batch(connection, INSERT)) {
            for (String invocationId : invocationIds) {
                batch.row()
                        .text(context.projectKey())
                        .text(table)
                        .text(invocationId)
                        .bigint(context.ingestionRunId());
                batch.add();
            }
            batch.finish();
        }
    }
}
