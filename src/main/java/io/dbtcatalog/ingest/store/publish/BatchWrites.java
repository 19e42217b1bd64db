package io.dbtcatalog.ingest.store.publish;

import io.dbtcatalog.ingest.store.jdbc.Batch;
import io.dbtcatalog.ingest.store.jdbc.Binder;
import io.dbtcatalog.ingest.store.jdbc.MultiRowInsert;
import io.dbtcatalog.ingest.store.jdbc.RowStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The portable {@link WriteStrategy}: every insert, update, soft delete and (incomplete snapshots only)
 * {@code seen_at} touch is one row of a JDBC batch ({@link Batch}); history rows are appended by multi-row inserts
 * ({@link MultiRowInsert}) unless switched off.
 */
public final class BatchWrites implements WriteStrategy {

    /** History rows per multi-row insert: measured on H2 (decision 0021). */
    public static final int ROWS_PER_INSERT = 50;

    private final RowOrder order;
    private final int historyRowsPerInsert;

    /**
     * Writes new rows in {@code order}; appends history rows {@code historyRowsPerInsert} to an {@code INSERT} (1: a
     * batch of the single-row insert).
     */
    public BatchWrites(RowOrder order, int historyRowsPerInsert) {
        this.order = order;
        this.historyRowsPerInsert = historyRowsPerInsert;
    }

    @Override
    public <R> long writeState(Connection connection, PublishContext context, StateTable<R> table, StatePlan<R> plan)
            throws SQLException {
        StateSql sql = table.sql();
        ContentHash hasher = new ContentHash();
        long written = write(
                        connection,
                        sql.insert(),
                        plan.inserts(order),
                        (binder, pending) -> pending.bindInsert(table, context, hasher, binder))
                + write(
                        connection,
                        sql.update(),
                        plan.updates(),
                        (binder, pending) -> bindUpdate(table, context, hasher, binder, pending))
                + write(
                        connection,
                        sql.softDelete(),
                        plan.deletes(),
                        (binder, key) -> bindDelete(context, binder, key));
        return written + write(connection, sql.touch(), plan.stale(), (binder, key) -> bindTouch(context, binder, key));
    }

    @Override
    public RowOrder order() {
        return order;
    }

    @Override
    public RowStream appendHistory(Connection connection, HistoryTable<?> table) throws SQLException {
        return historyRowsPerInsert > 1
                ? new MultiRowInsert(connection, table.insert(), historyRowsPerInsert)
                : new Batch(connection, table.insert());
    }

    private static <R> void bindUpdate(
            StateTable<R> table, PublishContext context, ContentHash hasher, Binder binder, Pending<R> pending) {
        Pending.bindContentAndHash(table, pending.row(), hasher, binder);
        binder.time(context.snapshotTime())
                .time(context.snapshotTime())
                .bigint(context.ingestionRunId())
                .text(context.projectKey());
        pending.key().forEach(binder::text);
    }

    private static void bindDelete(PublishContext context, Binder binder, List<String> key) {
        binder.time(context.snapshotTime())
                .time(context.snapshotTime())
                .bigint(context.ingestionRunId())
                .time(context.completeBefore())
                .time(context.completeBefore())
                .text(context.projectKey());
        key.forEach(binder::text);
    }

    private static void bindTouch(PublishContext context, Binder binder, List<String> key) {
        binder.time(context.snapshotTime()).text(context.projectKey());
        key.forEach(binder::text);
        binder.time(context.snapshotTime());
    }

    private static <T> long write(Connection connection, String sql, List<T> items, RowBinding<T> binding)
            throws SQLException {
        if (items.isEmpty()) {
            return 0;
        }
        try (Batch batch = new Batch(connection, sql)) {
            for (T item : items) {
                binding.bind(batch.row(), item);
                batch.add();
            }
            return batch.finish();
        }
    }

    @FunctionalInterface
    private interface RowBinding<T> {
        void bind(Binder binder, T item);
    }
}
