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
 * Appends a snapshot's history rows: loads which (id, invocation) keys the table already holds for the snapshot's
 * invocation ids in one query, and inserts only the others through the store's {@link WriteStrategy}, in its order.
 * Never updates a history row, so republishing a run duplicates nothing.
 */
final class HistoryWriter {

    private static final int FETCH_SIZE = 10_000;

    private final Connection connection;
    private final PublishContext context;
    private final ColumnLimits limits;
    private final WriteStrategy writes;

    HistoryWriter(Connection connection, PublishContext context, ColumnLimits limits, WriteStrategy writes) {
        this.connection = connection;
        this.context = context;
        this.limits = limits;
        this.writes = writes;
    }

    /** Inserts the rows whose key is not stored yet; returns how many it inserted. */
    <R> int append(HistoryTable<R> table, List<R> rows) throws SQLException {
        List<R> fresh = fresh(table, rows);
        insert(table, fresh);
        return fresh.size();
    }

    /** The rows whose key is not stored yet, checked against the column lengths; writes nothing. */
    <R> List<R> fresh(HistoryTable<R> table, List<R> rows) throws SQLException {
        if (rows.isEmpty()) {
            return List.of();
        }
        Set<List<String>> stored = loadStoredKeys(table, invocationIds(table, rows));
        List<R> fresh = new ArrayList<>();
        Map<List<String>, R> seen = new HashMap<>();
        for (R row : rows) {
            List<String> key = table.key(row);
            if (!RowKeys.isRepeated(context.projectKey(), table.shape().table(), seen, key, row)
                    && !stored.contains(key)) {
                fresh.add(row);
            }
        }
        validate(table, fresh);
        return fresh;
    }

    private <R> List<String> invocationIds(HistoryTable<R> table, List<R> rows) {
        int last = table.shape().keyColumns().size() - 1;
        Set<String> ids = new LinkedHashSet<>();
        rows.forEach(row -> ids.add(table.key(row).get(last)));
        return new ArrayList<>(ids);
    }

    private Set<List<String>> loadStoredKeys(HistoryTable<?> table, List<String> invocationIds) {
        if (invocationIds.isEmpty()) {
            return Collections.emptySet();
        }
        int keys = table.shape().keyColumns().size();
        Set<List<String>> stored = new HashSet<>();
        Jdbc.client(connection, FETCH_SIZE)
                .sql(table.selectStoredKeys())
                .param("projectKey", Binder.storable(context.projectKey()))
                .param(
                        "invocationIds",
                        invocationIds.stream().map(Binder::storable).toList())
                .query((RowCallbackHandler) rs -> {
                    String[] key = new String[keys];
                    for (int i = 0; i < key.length; i++) {
                        key[i] = rs.getString(i + 1);
                    }
                    stored.add(List.of(key));
                });
        return stored;
    }

    private <R> void validate(HistoryTable<R> table, List<R> rows) {
        List<String> columns = new ArrayList<>(table.shape().keyColumns());
        columns.addAll(table.shape().contentColumns());
        LengthCheck check = limits.checker(context.projectKey(), table.shape().table(), columns);
        for (R row : rows) {
            List<String> key = table.key(row);
            check.row(RowKeys.describe(key));
            key.forEach(check::text);
            table.bindContent(check, row, context);
        }
    }

    private <R> void insert(HistoryTable<R> table, List<R> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        List<Map.Entry<List<String>, R>> entries = new ArrayList<>(rows.size());
        rows.forEach(row -> entries.add(Map.entry(table.key(row), row)));
        List<Map.Entry<List<String>, R>> ordered = writes.order().apply(entries, Map.Entry::getKey);
        try (RowStream out = writes.appendHistory(connection, table)) {
            for (Map.Entry<List<String>, R> keyed : ordered) {
                R row = keyed.getValue();
                RowSink sink = out.row().text(context.projectKey());
                keyed.getKey().forEach(sink::text);
                table.bindContent(sink, row, context);
                sink.bigint(context.ingestionRunId());
                out.add();
            }
            out.finish();
        }
    }
}
