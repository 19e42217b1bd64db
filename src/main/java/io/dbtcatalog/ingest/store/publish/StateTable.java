package io.dbtcatalog.ingest.store.publish;

import io.dbtcatalog.ingest.store.jdbc.RowSink;
import java.util.List;

/**
 * How one state table (nodes, columns, edges, tests, column lineage and its coverage) maps a model record: its statements, its columns, the record's
 * key and the binding of its content columns. {@link StateSync} runs the same change detection for every such table.
 *
 * @param <R> the model record stored in the table
 */
public interface StateTable<R> {

    /** The table's name, key columns (after {@code project_key}) and content columns, in binding order. */
    Shape shape();

    /** The table's statements. */
    StateSql sql();

    /** The record's key values, in the order of {@link Shape#keyColumns()}. */
    List<String> key(R row);

    /** Feeds the record's content values in the order of {@link Shape#contentColumns()}. */
    void bindContent(RowSink sink, R row);

    /**
     * The columns of a catalog table in the order their values are bound, for the length checks and messages.
     * {@code hashed} says whether it has a {@code content_hash} column (a table whose only content is its key,
     * like lineage, has none).
     */
    record Shape(String table, List<String> keyColumns, List<String> contentColumns, boolean hashed) {

        public Shape {
            keyColumns = List.copyOf(keyColumns);
            contentColumns = List.copyOf(contentColumns);
        }
    }
}
