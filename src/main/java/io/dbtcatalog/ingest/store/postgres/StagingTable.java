package io.dbtcatalog.ingest.store.postgres;

import io.dbtcatalog.ingest.store.publish.StateTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A PostgreSQL staging table for one publish: a temporary table with some columns of a catalog table
 * ({@code CREATE TEMP TABLE ... ON COMMIT DROP AS SELECT ... WITH NO DATA}), filled with {@code COPY} and joined by
 * one set-based {@code UPDATE}. This is the only DDL the store runs at run time: plumbing of its DML, private to the
 * session and dropped at commit or rollback, never a change of the catalog schema.
 *
 * @param name    the temporary table's name
 * @param source  the catalog table it copies its column types from
 * @param columns its columns, in COPY order
 */
record StagingTable(String name, String source, List<String> columns) {

    StagingTable {
        columns = List.copyOf(columns);
    }

    /** Keys, content and content hash of changed or revived rows. */
    static StagingTable changes(StateTable.Shape shape) {
        List<String> columns = Stream.of(shape.keyColumns(), shape.contentColumns(),
                shape.hashed() ? List.of("content_hash") : List.<String>of()).flatMap(List::stream).toList();
        return new StagingTable("stage_" + shape.table(), shape.table(), columns);
    }

    /** Only the keys: rows to soft-delete or to mark as seen. */
    static StagingTable keys(StateTable.Shape shape) {
        return new StagingTable("stage_" + shape.table() + "_keys", shape.table(), shape.keyColumns());
    }

    /**
     * Updates the table's rows from {@link #changes}: content, hash, {@code last_seen_at}, {@code last_changed_at},
     * revived, ingestion run. Binds the snapshot time twice, the run id, the project.
     */
    static String stageUpdate(StateTable.Shape shape) {
        String staged = Stream.concat(shape.contentColumns().stream(),
                        shape.hashed() ? Stream.of("content_hash") : Stream.empty())
                .map(c -> c + " = s." + c + ", ").collect(Collectors.joining());
        return "UPDATE " + shape.table() + " AS t SET " + staged + "last_seen_at = ?, last_changed_at = ?,"
                + " deleted_at = NULL, last_ingestion_run_id = ? FROM " + changes(shape).name() + " AS s"
                + join(shape);
    }

    /** Soft-deletes the rows {@link #keys} holds. Binds the snapshot time twice, the run id, the project. */
    static String stageDelete(StateTable.Shape shape) {
        return "UPDATE " + shape.table() + " AS t SET deleted_at = ?, last_changed_at = ?, last_ingestion_run_id = ?"
                + " FROM " + keys(shape).name() + " AS s" + join(shape);
    }

    /** Refreshes {@code last_seen_at} of the active rows {@link #keys} holds. Binds time, project, time. */
    static String stageTouch(StateTable.Shape shape) {
        return "UPDATE " + shape.table() + " AS t SET last_seen_at = ? FROM " + keys(shape).name() + " AS s"
                + join(shape) + " AND t.deleted_at IS NULL AND t.last_seen_at <> ?";
    }

    private static String join(StateTable.Shape shape) {
        return " WHERE t.project_key = ?" + shape.keyColumns().stream()
                .map(c -> " AND t." + c + " = s." + c).collect(Collectors.joining());
    }

    /** Creates the (empty) table in the current transaction and starts a COPY into it. */
    CopyRows create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMP TABLE " + name + " ON COMMIT DROP AS SELECT " + String.join(", ", columns)
                    + " FROM " + source + " WITH NO DATA");
        }
        return CopyRows.start(connection, name, columns);
    }
}
