package io.dbtcatalog.ingest.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Brings one state table of one project in line with a snapshot: loads the stored keys, hashes and delete marks in
 * one query, classifies every snapshot row in memory (new, changed or revived, unchanged) and writes only the
 * differences as JDBC batches; with a complete snapshot, active rows it lacks are soft-deleted. Unchanged rows get
 * their {@code last_seen_at} refreshed only when it differs, so republishing the same snapshot writes nothing.
 */
final class StateSync {

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

    private record Stored(String hash, boolean deleted) {
    }

    private record Pending<R>(R row, List<String> key, String hash) {
    }

    private static final class Plan<R> {
        final List<Pending<R>> inserts = new ArrayList<>();
        final List<Pending<R>> updates = new ArrayList<>();
        final List<List<String>> unchanged = new ArrayList<>();
        final List<List<String>> deletes = new ArrayList<>();
    }

    <R> Outcome sync(StateTable<R> table, List<R> rows) throws SQLException {
        StateSql sql = StateSql.of(table.shape());
        Plan<R> plan = classify(table, rows, loadStored(table.shape(), sql));
        validate(table, plan);
        long written = writeRows(sql.insert(), plan.inserts, (binder, p) -> bindInsert(table, binder, p))
                + writeRows(sql.update(), plan.updates, (binder, p) -> bindUpdate(table, binder, p))
                + writeRows(sql.delete(), plan.deletes, this::bindDelete)
                + touch(sql, plan.unchanged);
        ChangeCounts counts = new ChangeCounts(plan.inserts.size(), plan.updates.size(), plan.deletes.size(),
                plan.unchanged.size());
        return new Outcome(counts, written);
    }

    private Map<List<String>, Stored> loadStored(StateTable.Shape shape, StateSql sql) throws SQLException {
        int keys = shape.keyColumns().size();
        Map<List<String>, Stored> stored = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql.selectExisting())) {
            statement.setFetchSize(10_000);
            new Binder(statement).text(context.projectKey());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    String[] key = new String[keys];
                    for (int i = 0; i < keys; i++) {
                        key[i] = rs.getString(i + 1);
                    }
                    stored.put(List.of(key), new Stored(rs.getString(keys + 1), rs.getObject(keys + 2) != null));
                }
            }
        }
        return stored;
    }

    private <R> Plan<R> classify(StateTable<R> table, List<R> rows, Map<List<String>, Stored> stored) {
        Plan<R> plan = new Plan<>();
        Map<List<String>, R> seen = new HashMap<>(rows.size() * 2);
        ContentHash hasher = new ContentHash();
        for (R row : rows) {
            List<String> key = table.key(row);
            if (RowKeys.isRepeated(context.projectKey(), table.shape().table(), seen, key, row)) {
                continue;
            }
            String hash = null;
            if (table.shape().hashed()) {
                table.bindContent(hasher, row);
                hash = hasher.hex();
            }
            Stored existing = stored.get(key);
            if (existing == null) {
                plan.inserts.add(new Pending<>(row, key, hash));
            } else if (existing.deleted() || (hash != null && !hash.equals(existing.hash()))) {
                plan.updates.add(new Pending<>(row, key, hash));
            } else {
                plan.unchanged.add(key);
            }
        }
        if (context.complete()) {
            stored.forEach((key, row) -> {
                if (!row.deleted() && !seen.containsKey(key)) {
                    plan.deletes.add(key);
                }
            });
        }
        return plan;
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

    private <R> void bindInsert(StateTable<R> table, Binder binder, Pending<R> pending) {
        binder.text(context.projectKey());
        pending.key().forEach(binder::text);
        table.bindContent(binder, pending.row());
        if (table.shape().hashed()) {
            binder.text(pending.hash());
        }
        binder.time(context.snapshotTime()).time(context.snapshotTime()).time(context.snapshotTime())
                .bigint(context.ingestionRunId());
    }

    private <R> void bindUpdate(StateTable<R> table, Binder binder, Pending<R> pending) {
        table.bindContent(binder, pending.row());
        if (table.shape().hashed()) {
            binder.text(pending.hash());
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

    private long touch(StateSql sql, List<List<String>> unchanged) throws SQLException {
        if (!context.complete()) {
            return writeRows(sql.touchOne(), unchanged, (binder, key) -> {
                binder.time(context.snapshotTime()).text(context.projectKey());
                key.forEach(binder::text);
                binder.time(context.snapshotTime());
            });
        }
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
