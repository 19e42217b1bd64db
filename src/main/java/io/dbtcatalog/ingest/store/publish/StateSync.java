package io.dbtcatalog.ingest.store.publish;

import io.dbtcatalog.ingest.store.ChangeCounts;
import io.dbtcatalog.ingest.store.jdbc.Binder;
import io.dbtcatalog.ingest.store.jdbc.ColumnLimits;
import io.dbtcatalog.ingest.store.jdbc.LengthCheck;
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
 * snapshot, active rows it lacks are soft-deleted. Unchanged rows are not written: a complete snapshot records that
 * it saw every active row once, on the project ({@code complete_as_of}); only an incomplete snapshot sets
 * {@code seen_at} of the unchanged rows it has, and only where it differs, so republishing the same snapshot writes
 * nothing. The store's {@link WriteStrategy} does the writing.
 */
final class StateSync {

    private static final int FETCH_SIZE = 10_000;

    private final Connection connection;
    private final PublishContext context;
    private final ColumnLimits limits;
    private final WriteStrategy writes;

    StateSync(Connection connection, PublishContext context, ColumnLimits limits, WriteStrategy writes) {
        this.connection = connection;
        this.context = context;
        this.limits = limits;
        this.writes = writes;
    }

    /** The changes made to one table and the number of rows physically written. */
    record Outcome(ChangeCounts counts, long rowsWritten) {}

    <R> Outcome sync(StateTable<R> table, List<R> rows) throws SQLException {
        return apply(table, plan(table, rows));
    }

    /** Classifies the snapshot's rows against the stored ones and checks their lengths; writes nothing. */
    <R> StatePlan<R> plan(StateTable<R> table, List<R> rows) throws SQLException {
        Map<List<String>, Pending<R>> snapshot = index(table, rows);
        StatePlan<R> plan = new StatePlan<>();
        loadStored(table, snapshot, plan);
        classify(table, snapshot, plan);
        validate(table, plan);
        return plan;
    }

    /** Writes what {@link #plan} worked out. */
    <R> Outcome apply(StateTable<R> table, StatePlan<R> plan) throws SQLException {
        return new Outcome(plan.counts(), writes.writeState(connection, context, table, plan));
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
     * active stored row the complete snapshot lacks becomes a delete. Plain JDBC with a large fetch size: this reads
     * every stored row of the table, the one query of a publish that grows with the project.
     */
    private <R> void loadStored(StateTable<R> table, Map<List<String>, Pending<R>> snapshot, StatePlan<R> plan)
            throws SQLException {
        int keys = table.shape().keyColumns().size();
        try (PreparedStatement statement =
                connection.prepareStatement(table.sql().selectStored())) {
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

    private <R> void classify(StateTable<R> table, Map<List<String>, Pending<R>> snapshot, StatePlan<R> plan) {
        ContentHash hasher = new ContentHash();
        boolean hashed = table.shape().hashed();
        for (Pending<R> pending : snapshot.values()) {
            if (!pending.isStored()) {
                plan.inserts.add(pending);
            } else if (pending.isDeleted() || (hashed && !pending.hashMatches(table, hasher))) {
                plan.updates.add(pending);
            } else {
                plan.unchanged++;
                if (!context.complete() && pending.isStale()) {
                    plan.stale.add(pending.key());
                }
            }
        }
    }

    private <R> void validate(StateTable<R> table, StatePlan<R> plan) {
        StateTable.Shape shape = table.shape();
        List<String> columns = new ArrayList<>(shape.keyColumns());
        columns.addAll(shape.contentColumns());
        LengthCheck check = limits.checker(context.projectKey(), shape.table(), columns);
        for (List<Pending<R>> pendings : List.of(plan.inserts, plan.updates)) {
            for (Pending<R> pending : pendings) {
                check.row(() -> RowKeys.describe(pending.key()));
                pending.key().forEach(check::text);
                table.bindContent(check, pending.row());
            }
        }
    }
}
