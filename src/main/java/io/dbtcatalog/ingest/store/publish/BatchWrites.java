package io.dbtcatalog.ingest.store.publish;

import io.dbtcatalog.ingest.store.jdbc.Batch;
import io.dbtcatalog.ingest.store.jdbc.Binder;
import io.dbtcatalog.ingest.store.jdbc.RowStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * The portable {@link WriteStrategy}: every insert, update and soft delete is one row of a JDBC batch
 * ({@link Batch}). Stale rows of a complete snapshot are all the table's active rows not seen at the snapshot time,
 * so they can be refreshed with one table-wide {@code UPDATE}; {@code refreshByKey} refreshes them in batches by
 * key instead, which on H2 is twice as fast (18 s instead of 37 s for 350,000 rows). Stale rows of an incomplete
 * snapshot are always refreshed by key.
 */
public final class BatchWrites implements WriteStrategy {

    private final RowOrder order;
    private final boolean refreshByKey;

    public BatchWrites(RowOrder order, boolean refreshByKey) {
        this.order = order;
        this.refreshByKey = refreshByKey;
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
        if (refreshByKey || !context.complete()) {
            return written
                    + write(connection, sql.touchOne(), plan.stale(), (binder, key) -> bindTouch(context, binder, key));
        }
        return written + (plan.stale().isEmpty() ? 0 : touchAll(connection, context, sql.touchAll()));
    }

    @Override
    public RowOrder order() {
        return order;
    }

    @Override
    public RowStream appendHistory(Connection connection, HistoryTable<?> table) throws SQLException {
        return new Batch(connection, table.insert());
    }

    private static <R> void bindUpdate(
            StateTable<R> table, PublishContext context, ContentHash hasher, Binder binder, Pending<R> pending) {
        table.bindContent(binder, pending.row());
        if (table.shape().hashed()) {
            table.bindContent(hasher, pending.row());
            binder.text(hasher.hex());
        }
        binder.time(context.snapshotTime())
                .time(context.snapshotTime())
                .bigint(context.ingestionRunId())
                .text(context.projectKey());
        pending.key().forEach(binder::text);
    }

    private static long touchAll(Connection connection, PublishContext context, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            new Binder(statement)
                    .time(context.snapshotTime())
                    .text(context.projectKey())
                    .time(context.snapshotTime());
            return statement.executeUpdate();
        }
    }

    private static void bindDelete(PublishContext context, Binder binder, List<String> key) {
        binder.time(context.snapshotTime())
                .time(context.snapshotTime())
                .bigint(context.ingestionRunId())
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
