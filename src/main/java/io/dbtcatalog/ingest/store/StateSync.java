package io.dbtcatalog.ingest.store;

import io.dbtcatalog.ingest.store.jdbc.Batch;
import io.dbtcatalog.ingest.store.jdbc.Binder;
import io.dbtcatalog.ingest.store.jdbc.ColumnLimits;
import io.dbtcatalog.ingest.store.jdbc.LengthCheck;
import io.dbtcatalog.ingest.store.jdbc.RowSink;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Brings one state table of one project in line with a snapshot: indexes the snapshot's rows by key, streams the
 * stored keys, hashes and marks past that index in one query (keeping only 128 bits of each stored hash), classifies
 * every row in memory (new, changed or revived, unchanged) and writes only the differences; with a complete
 * snapshot, active rows it lacks are soft-deleted. Unchanged rows get their {@code last_seen_at} refreshed only when
 * it differs, so republishing the same snapshot writes nothing. Writes go through {@link StateCopy} (COPY and
 * set-based statements) on PostgreSQL and through JDBC batches elsewhere.
 */
final class StateSync {

    private static final int FETCH_SIZE = 10_000;

    private final Connection connection;
    private final PublishContext context;
    private final ColumnLimits limits;

    StateSync(Connection connection, PublishContext context, ColumnLimits limits) {
        this.connection = connection;
        this.context = context;
        this.limits = limits;
    }

    /** The changes made to one table and the number of rows physically written. */
    record Outcome(ChangeCounts counts, long rowsWritten) {
    }

    /** What syncing one table does, worked out before writing. */
    static final class Plan<R> {
        final List<Pending<R>> inserts = new ArrayList<>();
        final List<Pending<R>> updates = new ArrayList<>();
        final List<List<String>> deletes = new ArrayList<>();
        /** Unchanged active rows whose {@code last_seen_at} is not the snapshot time yet. */
        final List<List<String>> stale = new ArrayList<>();
        int unchanged;
        /** How many rows of the table were active before this snapshot (the deletion guard's base). */
        int activeBefore;

        ChangeCounts counts() {
            return new ChangeCounts(inserts.size(), updates.size(), deletes.size(), unchanged);
        }

        int activeBefore() {
            return activeBefore;
        }

        List<String> insertedKeys() {
            return inserts.stream().map(p -> RowKeys.describe(p.key())).toList();
        }

        List<String> updatedKeys() {
            return updates.stream().map(p -> RowKeys.describe(p.key())).toList();
        }

        List<String> deletedKeys() {
            return deletes.stream().map(RowKeys::describe).sorted().toList();
        }
    }

    <R> Outcome sync(StateTable<R> table, List<R> rows) throws SQLException {
        return apply(table, plan(table, rows));
    }

    /** Classifies the snapshot's rows against the stored ones and checks their lengths; writes nothing. */
    <R> Plan<R> plan(StateTable<R> table, List<R> rows) throws SQLException {
        Map<List<String>, Pending<R>> snapshot = index(table, rows);
        Plan<R> plan = new Plan<>();
        loadStored(table.shape(), StateSql.of(table.shape()), snapshot, plan);
        classify(table, snapshot, plan);
        validate(table, plan);
        return plan;
    }

    /**
     * Writes what {@link #plan} worked out. Stale rows of a complete snapshot are all the table's active rows not seen
     * at the snapshot time, so PostgreSQL refreshes them with one statement; H2 is twice as fast with a batch by key.
     */
    <R> Outcome apply(StateTable<R> table, Plan<R> plan) throws SQLException {
        StateSql sql = StateSql.of(table.shape());
        long written;
        if (CopyRows.supports(connection)) {
            written = new StateCopy<>(connection, context, table, sql).write(plan);
            if (context.complete() && !plan.stale.isEmpty()) {
                written += touchAll(sql);
            }
        } else {
            ContentHash hasher = new ContentHash();
            written = writeRows(sql.insert(), inKeyOrder(plan.inserts),
                    (binder, p) -> bindInsert(table, context, hasher, binder, p))
                    + writeRows(sql.update(), plan.updates, (binder, p) -> bindUpdate(table, hasher, binder, p))
                    + writeRows(sql.delete(), plan.deletes, this::bindDelete)
                    + writeRows(sql.touchOne(), plan.stale, this::bindTouch);
        }
        return new Outcome(plan.counts(), written);
    }

    /** A copy of {@code rows} sorted by key ({@link RowKeys#ORDER}), the order new rows are written in. */
    static <R> List<Pending<R>> inKeyOrder(List<Pending<R>> rows) {
        List<Pending<R>> ordered = new ArrayList<>(rows);
        ordered.sort((a, b) -> RowKeys.ORDER.compare(a.key(), b.key()));
        return ordered;
    }

    /** The snapshot's rows by key, each key once; a key held twice with different content fails. */
    private <R> Map<List<String>, Pending<R>> index(StateTable<R> table, List<R> rows) {
        Map<List<String>, Pending<R>> index = new LinkedHashMap<>(rows.size() * 4 / 3 + 1);
        for (R row : rows) {
            List<String> key = table.key(row);
            Pending<R> earlier = index.putIfAbsent(key, new Pending<>(row, key));
            if (earlier != null) {
                RowKeys.checkRepeated(context.projectKey(), table.shape().table(), key, earlier.row(), row);
            }
        }
        return index;
    }

    /**
     * Streams the stored rows past the snapshot index: a snapshot row learns what is stored under its key; an
     * active stored row the complete snapshot lacks becomes a delete.
     */
    private <R> void loadStored(StateTable.Shape shape, StateSql sql, Map<List<String>, Pending<R>> snapshot,
            Plan<R> plan) throws SQLException {
        int keys = shape.keyColumns().size();
        try (PreparedStatement statement = connection.prepareStatement(sql.selectExisting())) {
            statement.setFetchSize(FETCH_SIZE);
            new Binder(statement).time(context.snapshotTime()).text(context.projectKey());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    String[] key = new String[keys];
                    for (int i = 0; i < keys; i++) {
                        key[i] = rs.getString(i + 1);
                    }
                    boolean deleted = rs.getInt(keys + 2) == 1;
                    if (!deleted) {
                        plan.activeBefore++;
                    }
                    Pending<R> pending = snapshot.get(List.of(key));
                    if (pending != null) {
                        pending.stored(rs.getString(keys + 1), deleted, rs.getInt(keys + 3) == 1);
                    } else if (!deleted && context.complete()) {
                        plan.deletes.add(List.of(key));
                    }
                }
            }
        }
    }

    private <R> void classify(StateTable<R> table, Map<List<String>, Pending<R>> snapshot, Plan<R> plan) {
        ContentHash hasher = new ContentHash();
        boolean hashed = table.shape().hashed();
        for (Pending<R> pending : snapshot.values()) {
            if (!pending.isStored()) {
                plan.inserts.add(pending);
            } else if (pending.isDeleted() || (hashed && !pending.hashMatches(table, hasher))) {
                plan.updates.add(pending);
            } else {
                plan.unchanged++;
                if (pending.isStale()) {
                    plan.stale.add(pending.key());
                }
            }
        }
    }

    private <R> void validate(StateTable<R> table, Plan<R> plan) {
        StateTable.Shape shape = table.shape();
        List<String> columns = new ArrayList<>(shape.keyColumns());
        columns.addAll(shape.contentColumns());
        LengthCheck check = limits.checker(context.projectKey(), shape.table(), columns);
        for (List<Pending<R>> pendings : List.of(plan.inserts, plan.updates)) {
            for (Pending<R> pending : pendings) {
                check.row(RowKeys.describe(pending.key()));
                pending.key().forEach(check::text);
                table.bindContent(check, pending.row());
            }
        }
    }

    /** Feeds an insert's values in {@link StateSql#insertColumns()} order; the hash is computed here. */
    static <R> void bindInsert(StateTable<R> table, PublishContext context, ContentHash hasher, RowSink sink,
            Pending<R> pending) {
        sink.text(context.projectKey());
        pending.key().forEach(sink::text);
        table.bindContent(sink, pending.row());
        if (table.shape().hashed()) {
            table.bindContent(hasher, pending.row());
            sink.text(hasher.hex());
        }
        sink.time(context.snapshotTime()).time(context.snapshotTime()).time(context.snapshotTime())
                .bigint(context.ingestionRunId());
    }

    private <R> void bindUpdate(StateTable<R> table, ContentHash hasher, Binder binder, Pending<R> pending) {
        table.bindContent(binder, pending.row());
        if (table.shape().hashed()) {
            table.bindContent(hasher, pending.row());
            binder.text(hasher.hex());
        }
        binder.time(context.snapshotTime()).time(context.snapshotTime()).bigint(context.ingestionRunId())
                .text(context.projectKey());
        pending.key().forEach(binder::text);
    }

    private void bindDelete(Binder binder, List<String> key) {
        binder.time(context.snapshotTime()).time(context.snapshotTime()).bigint(context.ingestionRunId())
                .text(context.projectKey());
        key.forEach(binder::text);
    }

    private void bindTouch(Binder binder, List<String> key) {
        binder.time(context.snapshotTime()).text(context.projectKey());
        key.forEach(binder::text);
        binder.time(context.snapshotTime());
    }

    private long touchAll(StateSql sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql.touchAll())) {
            new Binder(statement).time(context.snapshotTime()).text(context.projectKey()).time(context.snapshotTime());
            return statement.executeUpdate();
        }
    }

    private <T> long writeRows(String sql, List<T> items, RowBinding<T> binding) throws SQLException {
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
    interface RowBinding<T> {
        void bind(Binder binder, T item);
    }
}
