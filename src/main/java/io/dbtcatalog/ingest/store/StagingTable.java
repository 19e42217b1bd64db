package io.dbtcatalog.ingest.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

/**
 * A PostgreSQL staging table for one publish: a temporary table with some columns of a catalog table
 * ({@code CREATE TEMP TABLE ... ON COMMIT DROP AS SELECT ... WITH NO DATA}), filled with {@code COPY} and joined by
 * one set-based {@code UPDATE} (see {@link StateSql}). This is the only DDL the store runs at run time: plumbing of
 * its DML, private to the session and dropped at commit or rollback, never a change of the catalog schema.
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

    /** Creates the (empty) table in the current transaction and starts a COPY into it. */
    CopyRows create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMP TABLE " + name + " ON COMMIT DROP AS SELECT " + String.join(", ", columns)
                    + " FROM " + source + " WITH NO DATA");
        }
        return CopyRows.start(connection, name, columns);
    }
}
