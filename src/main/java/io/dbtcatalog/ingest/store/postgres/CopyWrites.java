package io.dbtcatalog.ingest.store.postgres;

import io.dbtcatalog.ingest.store.jdbc.Binder;
import io.dbtcatalog.ingest.store.jdbc.RowSink;
import io.dbtcatalog.ingest.store.jdbc.RowStream;
import io.dbtcatalog.ingest.store.publish.ContentHash;
import io.dbtcatalog.ingest.store.publish.HistoryTable;
import io.dbtcatalog.ingest.store.publish.Pending;
import io.dbtcatalog.ingest.store.publish.PublishContext;
import io.dbtcatalog.ingest.store.publish.RowOrder;
import io.dbtcatalog.ingest.store.publish.StatePlan;
import io.dbtcatalog.ingest.store.publish.StateTable;
import io.dbtcatalog.ingest.store.publish.WriteStrategy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.postgresql.PGConnection;

/**
 * PostgreSQL's bulk path: new state rows and history rows go straight into their table with one {@code COPY};
 * changed or revived rows, soft deletes and (for incomplete snapshots) {@code seen_at} touches each go into a
 * staging table with {@code COPY} and reach the table with one set-based {@code UPDATE ... FROM} ({@link StagedSql}).
 * No per-row round trip; unchanged rows of a complete snapshot are not written at all.
 */
public final class CopyWrites implements WriteStrategy {

    private final RowOrder order;
    private final boolean binary;

    /**
     * Writes new rows in {@code order}; every {@code COPY} (new state rows, staged changes and keys, history rows) in
     * {@code COPY}'s binary format when {@code binary}, else in its text format.
     */
    public CopyWrites(RowOrder order, boolean binary) {
        this.order = order;
        this.binary = binary;
    }

    /** True when COPY can be used on {@code connection}: it is (or wraps) a PostgreSQL JDBC connection. */
    public static boolean supports(Connection connection) throws SQLException {
        return connection.isWrapperFor(PGConnection.class);
    }

    @Override
    public <R> long writeState(Connection connection, PublishContext context, StateTable<R> table, StatePlan<R> plan)
            throws SQLException {
        TableCopy<R> copy = new TableCopy<>(
                connection, context, table, StagedSql.of(table.shape().table()), binary);
        return copy.insert(plan.inserts(order))
                + copy.update(plan.updates())
                + copy.delete(plan.deletes())
                + copy.touch(plan.stale());
    }

    @Override
    public RowOrder order() {
        return order;
    }

    @Override
    public RowStream appendHistory(Connection connection, HistoryTable<?> table) throws SQLException {
        return copy(connection, HistoryCopies.of(table.shape().table()), binary);
    }

    /** Starts {@code copySql} (a text-format {@code COPY ... FROM STDIN}), in the binary format when {@code binary}. */
    static RowStream copy(Connection connection, String copySql, boolean binary) throws SQLException {
        return binary
                ? BinaryCopyRows.start(connection, copySql.strip() + " (FORMAT binary)")
                : CopyRows.start(connection, copySql);
    }

    /** The writes of one state table in one publish. */
    private static final class TableCopy<R> {

        private final Connection connection;
        private final PublishContext context;
        private final StateTable<R> table;
        private final StagedSql sql;
        private final boolean binary;
        private final ContentHash hasher = new ContentHash();

        TableCopy(Connection connection, PublishContext context, StateTable<R> table, StagedSql sql, boolean binary) {
            this.connection = connection;
            this.context = context;
            this.table = table;
            this.sql = sql;
            this.binary = binary;
        }

        long insert(List<Pending<R>> rows) throws SQLException {
            if (rows.isEmpty()) {
                return 0;
            }
            try (RowStream copy = copy(connection, sql.copyInsert(), binary)) {
                for (Pending<R> pending : rows) {
                    pending.bindInsert(table, context, hasher, copy.row());
                    copy.add();
                }
                return copy.finish();
            }
        }

        long update(List<Pending<R>> rows) throws SQLException {
            if (rows.isEmpty()) {
                return 0;
            }
            try (RowStream copy = stage(sql.createChanges(), sql.copyChanges())) {
                for (Pending<R> pending : rows) {
                    pending.bindChange(table, hasher, copy.row());
                    copy.add();
                }
                copy.finish();
            }
            try (PreparedStatement statement = connection.prepareStatement(sql.updateFromChanges())) {
                new Binder(statement)
                        .time(context.snapshotTime())
                        .time(context.snapshotTime())
                        .bigint(context.ingestionRunId())
                        .text(context.projectKey());
                return statement.executeUpdate();
            }
        }

        long delete(List<List<String>> keys) throws SQLException {
            if (keys.isEmpty()) {
                return 0;
            }
            stageKeys(keys);
            try (PreparedStatement statement = connection.prepareStatement(sql.softDeleteFromKeys())) {
                new Binder(statement)
                        .time(context.snapshotTime())
                        .time(context.snapshotTime())
                        .bigint(context.ingestionRunId())
                        .time(context.completeBefore())
                        .time(context.completeBefore())
                        .text(context.projectKey());
                return statement.executeUpdate();
            }
        }

        long touch(List<List<String>> keys) throws SQLException {
            if (keys.isEmpty()) {
                return 0;
            }
            stageKeys(keys);
            try (PreparedStatement statement = connection.prepareStatement(sql.touchFromKeys())) {
                new Binder(statement)
                        .time(context.snapshotTime())
                        .text(context.projectKey())
                        .time(context.snapshotTime());
                return statement.executeUpdate();
            }
        }

        private void stageKeys(List<List<String>> keys) throws SQLException {
            try (RowStream copy = stage(sql.createKeys(), sql.copyKeys())) {
                for (List<String> key : keys) {
                    RowSink row = copy.row();
                    key.forEach(row::text);
                    copy.add();
                }
                copy.finish();
            }
        }

        /** Creates an (empty) staging table in the current transaction and starts a COPY into it. */
        private RowStream stage(String create, String copySql) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.execute(create);
            }
            return copy(connection, copySql, binary);
        }
    }
}
