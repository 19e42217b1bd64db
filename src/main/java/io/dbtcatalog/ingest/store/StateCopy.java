package io.dbtcatalog.ingest.store;

import io.dbtcatalog.ingest.store.jdbc.Binder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * PostgreSQL's bulk path for one state table: new rows go straight into the table with one {@code COPY}; changed or
 * revived rows, soft deletes and (for incomplete snapshots) last-seen refreshes each go into a {@link StagingTable}
 * with {@code COPY} and reach the table with one set-based {@code UPDATE ... FROM}. No per-row round trip.
 *
 * @param <R> the model record stored in the table
 */
final class StateCopy<R> {

    private final Connection connection;
    private final PublishContext context;
    private final StateTable<R> table;
    private final StateSql sql;
    private final ContentHash hasher = new ContentHash();

    StateCopy(Connection connection, PublishContext context, StateTable<R> table, StateSql sql) {
        this.connection = connection;
        this.context = context;
        this.table = table;
        this.sql = sql;
    }

    /** Writes the plan's inserts, updates, deletes and (incomplete snapshots) stale rows; returns rows written. */
    long write(StateSync.Plan<R> plan) throws SQLException {
        return insert(plan.inserts) + update(plan.updates) + keyed(plan.deletes, sql.stageDelete(), false)
                + (context.complete() ? 0 : keyed(plan.stale, sql.stageTouch(), true));
    }

    private long insert(List<Pending<R>> rows) throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        try (CopyRows copy = CopyRows.start(connection, table.shape().table(), sql.insertColumns())) {
            for (Pending<R> pending : StateSync.inKeyOrder(rows)) {
                StateSync.bindInsert(table, context, hasher, copy, pending);
                copy.add();
            }
            return copy.finish();
        }
    }

    private long update(List<Pending<R>> rows) throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        try (CopyRows copy = StagingTable.changes(table.shape()).create(connection)) {
            for (Pending<R> pending : rows) {
                pending.key().forEach(copy::text);
                table.bindContent(copy, pending.row());
                if (table.shape().hashed()) {
                    table.bindContent(hasher, pending.row());
                    copy.text(hasher.hex());
                }
                copy.add();
            }
            copy.finish();
        }
        try (PreparedStatement statement = connection.prepareStatement(sql.stageUpdate())) {
            new Binder(statement).time(context.snapshotTime()).time(context.snapshotTime())
                    .bigint(context.ingestionRunId()).text(context.projectKey());
            return statement.executeUpdate();
        }
    }

    /** Stages {@code keys} and runs the delete or touch statement that joins them. */
    private long keyed(List<List<String>> keys, String statementSql, boolean touch) throws SQLException {
        if (keys.isEmpty()) {
            return 0;
        }
        try (CopyRows copy = StagingTable.keys(table.shape()).create(connection)) {
            for (List<String> key : keys) {
                key.forEach(copy::text);
                copy.add();
            }
            copy.finish();
        }
        try (PreparedStatement statement = connection.prepareStatement(statementSql)) {
            Binder binder = new Binder(statement).time(context.snapshotTime());
            if (touch) {
                binder.text(context.projectKey()).time(context.snapshotTime());
            } else {
                binder.time(context.snapshotTime()).bigint(context.ingestionRunId()).text(context.projectKey());
            }
            return statement.executeUpdate();
        }
    }
}
