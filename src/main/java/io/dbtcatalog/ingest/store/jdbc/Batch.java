package io.dbtcatalog.ingest.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One prepared statement executed as JDBC batches of {@value #SIZE} rows: bind a row with {@link #row()}, queue it
 * with {@link #add()}, and {@link #finish()} sends the rest and returns the number of rows affected. The store's
 * way of writing many rows on H2 (and on PostgreSQL for per-row statements that {@code COPY} cannot replace).
 */
public final class Batch implements RowStream {

    public static final int SIZE = 1000;

    private final PreparedStatement statement;
    private final Binder binder;
    private int pending;
    private long affected;

    public Batch(Connection connection, String sql) throws SQLException {
        this.statement = connection.prepareStatement(sql);
        this.binder = new Binder(statement);
    }

    /** The binder, positioned at the first parameter of a new row. */
    @Override
    public Binder row() {
        return binder.reset();
    }

    @Override
    public void add() throws SQLException {
        statement.addBatch();
        if (++pending == SIZE) {
            flush();
        }
    }

    @Override
    public long finish() throws SQLException {
        flush();
        return affected;
    }

    private void flush() throws SQLException {
        if (pending == 0) {
            return;
        }
        for (int count : statement.executeBatch()) {
            affected += count == Statement.SUCCESS_NO_INFO ? 1 : Math.max(count, 0);
        }
        pending = 0;
    }

    @Override
    public void close() throws SQLException {
        statement.close();
    }
}
