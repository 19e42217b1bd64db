package io.dbtcatalog.ingest.store.jdbc;

import java.sql.SQLException;

/**
 * Rows written one after another into one table: as JDBC batches of one prepared statement ({@link Batch}) or as
 * one PostgreSQL {@code COPY} ({@code postgres.CopyRows}). Feed a row's values to {@link #row()}, end it with
 * {@link #add()}, and {@link #finish()} returns the number of rows written.
 */
public interface RowStream extends AutoCloseable {

    /** The sink for the values of the next row, in column order. */
    RowSink row();

    /** Ends the row whose values were just fed. */
    void add() throws SQLException;

    /** Writes what is still pending and returns the number of rows written in all. */
    long finish() throws SQLException;

    @Override
    void close() throws SQLException;
}
