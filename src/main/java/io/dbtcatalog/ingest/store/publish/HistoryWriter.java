package io.dbtcatalog.ingest.store.publish;

import io.dbtcatalog.ingest.store.jdbc.Binder;
import io.dbtcatalog.ingest.store.jdbc.ColumnLimits;
import io.dbtcatalog.ingest.store.jdbc.Jdbc;
import io.dbtcatalog.ingest.store.jdbc.LengthCheck;
import io.dbtcatalog.ingest.store.jdbc.RowSink;
import io.dbtcatalog.ingest.store.jdbc.RowStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Appends a snapshot's history rows: asks {@link HistoryInvocations} which of the snapshot's invocation ids the table
 * holds rows of already (usually none: then every row is new and the table is not searched), loads the stored keys of
 * those invocations only, and inserts the other rows through the store's
 * {@link WriteStrategy}, in its order, registering their invocations. Never updates a history row, so republishing a
 * run duplicates nothing.
 */
final class HistoryWriter {

    private static final int FETCH_SIZE = 10_000;

    private final Connection connection;
    private final PublishContext context;
    private final ColumnLimits limits;
    private final WriteStrategy writes;
    private final HistoryInvocations invocations;

    HistoryWriter(Connection connection, PublishContext context, ColumnLimits limits, WriteStrategy writes) {
        this.connection = connection;
        this.context = context;
        this.limits = limits;
        this.writes = writes;
        this.invocations = new HistoryInvocations(connection, context);
    }

    /** Inserts the rows whose key is not stored yet; returns how many it inserted. */
    <R> int append(HistoryTable<R> table, List<R> rows) throws SQLException {
        Fresh<R> fresh = classify(table, rows);
        insert(table, fresh.rows());
        invocations.register(table.shape().table(), fresh.newInvocations());
        return fresh.rows().size();
    }

    /** The rows whose key is not stored yet, checked against the column lengths; writes nothing. */
    <R> List<R> fresh(HistoryTable<R> table, List<R> rows) throws SQLException {
        return classify(table, rows).rows().stream().map(Map.Entry::getValue).toList();
    }

    /** The rows to insert with their keys, and those of their invocations the table held no row of. */
    private record Fresh<R>(List<Map.Entry<List<String>, R>> rows, Set<String> newInvocations) {}

    private <R> Fresh<R> classify(HistoryTable<R> table, List<R> rows) {
        if (rows.isEmpty()) {
            return new Fresh<>(List.of(), Set.of());
        }
        int last = table.shape().keyColumns().size() - 1;
        List<Map.Entry<List<String>, R>> keyed = new ArrayList<>(rows.size());
        Set<String> invocationIds = new LinkedHashSet<>();
        for (R row : rows) {
            List<String> key = table.key(row);
            keyed.add(Map.entry(key, row));
            invocationIds.add(key.get(last));
        }
        Set<String> registered = invocations.registered(table.shape().table(), invocationIds);
        Set<List<String>> stored = loadStoredKeys(table, registered);
        List<Map.Entry<List<String>, R>> fresh = new ArrayList<>(keyed.size());
        Set<String> newInvocations = new LinkedHashSet<>();
        Map<List<String>, R> seen = new HashMap<>(keyed.size() * 4 / 3 + 1);
        for (Map.Entry<List<String>, R> entry : keyed) {
            List<String> key = entry.getKey();
            if (!RowKeys.isRepeated(context.projectKey(), table.shape().table(), seen, key, entry.getValue())
                    && !stored.contains(key)) {
                fresh.add(entry);
                if (!registered.contains(Binder.storable(key.get(last)))) {
                    newInvocations.add(key.get(last));
                }
            }
        }
        validate(table, fresh);
        return new Fresh<>(fresh, newInvocations);
    }

    /**
     * The stored keys of the registered invocations (as stored), one query each: on H2 a range of the key, which
     * leads with the invocation there; on PostgreSQL a pass over the project's history (a republish, not a new run).
     */
    private Set<List<String>> loadStoredKeys(HistoryTable<?> table, Set<String> registered) {
        if (registered.isEmpty()) {
            return Collections.emptySet();
        }
        int keys = table.shape().keyColumns().size();
        Set<List<String>> stored = new HashSet<>();
        RowCallbackHandler collect = rs -> {
            String[] key = new String[keys];
            for (int i = 0; i < key.length; i++) {
                key[i] = rs.getString(i + 1);
            }
            stored.add(List.of(key));
        };
        for (String invocationId : registered) {
            Jdbc.client(connection, FETCH_SIZE)
                    .sql(table.selectStoredKeys())
                    .param("projectKey", Binder.storable(context.projectKey()))
                    .param("invocationId", invocationId)
                    .query(collect);
        }
        return stored;
    }

    private <R> void validate(HistoryTable<R> table, List<Map.Entry<List<String>, R>> rows) {
        List<String> columns = new ArrayList<>(table.shape().keyColumns());
        columns.addAll(table.shape().contentColumns());
        LengthCheck check = limits.checker(context.projectKey(), table.shape().table(), columns);
        for (Map.Entry<List<String>, R> entry : rows) {
            List<String> key = entry.getKey();
            check.row(() -> RowKeys.describe(key));
            key.forEach(check::text);
            table.bindContent(check, entry.getValue(), context);
        }
    }

    private <R> void insert(HistoryTable<R> table, List<Map.Entry<List<String>, R>> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        List<Map.Entry<List<String>, R>> ordered = writes.order().apply(rows, Map.Entry::getKey);
        try (RowStream out = writes.appendHistory(connection, table)) {
            for (Map.Entry<List<String>, R> keyed : ordered) {
                RowSink sink = out.row().text(context.projectKey());
                keyed.getKey().forEach(sink::text);
                table.bindContent(sink, keyed.getValue(), context);
                sink.bigint(context.ingestionRunId());
                out.add();
            }
            out.finish();
        }
    }
}
