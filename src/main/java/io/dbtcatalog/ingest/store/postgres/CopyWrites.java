package io.dbtcatalog.ingest.store.postgres;

import io.dbtcatalog.ingest.store.jdbc.Binder;
import io.dbtcatalog.ingest.store.jdbc.RowStream;
import io.dbtcatalog.ingest.store.publish.ContentHash;
import io.dbtcatalog.ingest.store.publish.HistoryTable;
import io.dbtcatalog.ingest.store.publish.Pending;
import io.dbtcatalog.ingest.store.publish.PublishContext;
import io.dbtcatalog.ingest.store.publish.StatePlan;
import io.dbtcatalog.ingest.store.publish.StateSql;
import io.dbtcatalog.ingest.store.publish.StateTable;
import io.dbtcatalog.ingest.store.publish.WriteStrategy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.postgresql.PGConnection;

/**
 * PostgreSQL's bulk path: new state rows and history rows go straight into their table with one {@code COPY};
 * changed or revived rows, soft deletes and (for incomplete snapshots) last-seen refreshes each go into a
 * {@link StagingTable} with {@code COPY} and reach the table with one set-based {@code UPDATE ... FROM}; the stale
 * rows of a complete snapshot are all of the table's active rows not seen at the snapshot time, refreshed with one
 * table-wide {@code UPDATE}. No per-row round trip.
 */
public final class CopyWrites implements WriteStrategy {

    /** True when COPY can be used on {@code connection}: it is (or wraps) a PostgreSQL JDBC connection. */
    public static boolean supports(Connection connection) throws SQLException {
        return connection.isWrapperFor(PGConnection.class);
    }

    @Override
    public <R> long writeState(Connection connection, PublishContext context, StateTable<R> table,
            StatePlan<R> plan) throws SQLException {
        TableCopy<R> copy = new TableCopy<>(connection, context, table);
        long written = copy.insert(plan.insertsInKeyOrder()) + copy.update(plan.updates())
                + copy.keyed(plan.deletes(), StagingTable.stageDelete(table.shape()), false)
                + (context.complete() ? 0 : copy.keyed(plan.stale(), StagingTable.stageTouch(table.shape()), true));
        if (context.complete() && !plan.stale().isEmpty()) {
            written += copy.touchAll();
        }
        return written;
    }

    @Override
    public RowStream appendHistory(Connection connection, HistoryTable<?> table) throws SQLException {
        return CopyRows.start(connection, table.shape().table(), table.insertColumns());
    }

    /** The writes of one state table in one publish. */
    private static final class TableCopy<R> {

        private final Connection connection;
        private final PublishContext context;
        private final StateTable<R> table;
        private final ContentHash hasher = new ContentHash();

        TableCopy(Connection connection, PublishContext context, StateTable<R> table) {
            this.connection = connection;
            this.context = context;
            this.table = table;
        }

        long insert(List<Pending<R>> rows) throws SQLException {
            if (rows.isEmpty()) {
                return 0;
            }
            StateSql sql = StateSql.of(table.shape());
            try (CopyRows copy = CopyRows.start(connection, table.shape().table(), sql.insertColumns())) {
                for (Pending<R> pending : rows) {
                    pending.bindInsert(table, context, hasher, copy);
                    copy.add();
                }
                return copy.finish();
            }
        }

        long update(List<Pending<R>> rows) throws SQLException {
            if (rows.isEmpty()) {
                return 0;
            }
            try (CopyRows copy = StagingTable.changes(table.shape()).create(connection)) {
                for (Pending<R> pending : rows) {
                    pending.bindChange(table, hasher, copy);
                    copy.add();
                }
                copy.finish();
            }
            try (PreparedStatement statement = connection.prepareStatement(StagingTable.stageUpdate(table.shape()))) {
                new Binder(statement).time(context.snapshotTime()).time(context.snapshotTime())
                        .bigint(context.ingestionRunId()).text(context.projectKey());
                return statement.executeUpdate();
            }
        }

        /** Stages {@code keys} and runs the delete or touch statement that joins them. */
        long keyed(List<List<String>> keys, String statementSql, boolean touch) throws SQLException {
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

        long touchAll() throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(StateSql.of(table.shape()).touchAll())) {
                new Binder(statement).time(context.snapshotTime()).text(context.projectKey())
                        .time(context.snapshotTime());
                return statement.executeUpdate();
            }
        }
    }
}
