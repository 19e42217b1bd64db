package io.dbtcatalog.ingest.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.Arrays;

/**
 * Appends rows with one {@code INSERT ... VALUES (...), (...), ...} of {@code rowsPerStatement} rows, those statements
 * sent as JDBC batches of about {@value Batch#SIZE} rows; the last few rows go in one shorter statement. The same
 * rows as a {@link Batch} of the single-row insert, with one statement execution per {@code rowsPerStatement} rows
 * instead of one per row: H2 pays its per-statement work (command start, savepoint, table lock check, result count)
 * once for all of them (decision 0021). Values are converted as {@link Binder} converts them.
 */
public final class MultiRowInsert implements RowStream, RowSink {

    private final Connection connection;
    private final String head;
    private final String tuple;
    private final int columns;
    private final int rowsPerStatement;
    private final PreparedStatement full;
    private final Object[] values;
    private final int[] types;
    private int position;
    private int rows;
    private int batched;
    private long affected;
    private Instant lastTime;
    private Object lastUtc;

    /**
     * Prepares the insert of {@code rowsPerStatement} rows from {@code singleRowInsert}, an {@code INSERT INTO t
     * (columns) VALUES (?, ..., ?)} whose row of placeholders ends the statement.
     */
    public MultiRowInsert(Connection connection, String singleRowInsert, int rowsPerStatement) throws SQLException {
        if (rowsPerStatement < 1) {
            throw new IllegalArgumentException("rowsPerStatement must be positive, was " + rowsPerStatement);
        }
        String sql = singleRowInsert.strip();
        int values = sql.lastIndexOf("VALUES");
        if (values < 0 || !sql.endsWith(")")) {
            throw new IllegalArgumentException("not a single-row INSERT ... VALUES (...): " + sql);
        }
        this.connection = connection;
        this.head = sql.substring(0, values + "VALUES".length()) + " ";
        this.tuple = sql.substring(values + "VALUES".length()).strip();
        this.columns = (int) tuple.chars().filter(c -> c == '?').count();
        this.rowsPerStatement = rowsPerStatement;
        this.values = new Object[columns * rowsPerStatement];
        this.types = new int[columns * rowsPerStatement];
        this.full = connection.prepareStatement(statement(rowsPerStatement));
    }

    /** The insert of {@code count} rows: the head and {@code count} copies of the row of placeholders. */
    String statement(int count) {
        StringBuilder sql = new StringBuilder(head.length() + count * (tuple.length() + 2));
        sql.append(head);
        for (int i = 0; i < count; i++) {
            sql.append(i == 0 ? "" : ", ").append(tuple);
        }
        return sql.toString();
    }

    @Override
    public RowSink row() {
        position = rows * columns;
        return this;
    }

    @Override
    public void add() throws SQLException {
        if (position != (rows + 1) * columns) {
            throw new IllegalStateException(
                    "a row of " + (position - rows * columns) + " values for an insert of " + columns + " columns");
        }
        if (++rows == rowsPerStatement) {
            bind(full, rows);
            full.addBatch();
            rows = 0;
            batched += rowsPerStatement;
            if (batched >= Batch.SIZE) {
                flush();
            }
        }
    }

    @Override
    public long finish() throws SQLException {
        flush();
        if (rows > 0) {
            try (PreparedStatement rest = connection.prepareStatement(statement(rows))) {
                bind(rest, rows);
                affected += rest.executeUpdate();
            }
            rows = 0;
        }
        return affected;
    }

    @Override
    public void close() throws SQLException {
        full.close();
    }

    @Override
    public MultiRowInsert text(String value) {
        return set(Binder.storable(value), Types.VARCHAR);
    }

    @Override
    public MultiRowInsert integer(Integer value) {
        return set(value, Types.INTEGER);
    }

    @Override
    public MultiRowInsert bigint(Long value) {
        return set(value, Types.BIGINT);
    }

    @Override
    public MultiRowInsert decimal(Double value) {
        return set(value, Types.DOUBLE);
    }

    @Override
    public MultiRowInsert bool(Boolean value) {
        return set(value, Types.BOOLEAN);
    }

    /** Rows of one run share a few times; each distinct one is converted once in a row. */
    @Override
    public MultiRowInsert time(Instant value) {
        if (value != null && !value.equals(lastTime)) {
            lastTime = value;
            lastUtc = Binder.utc(value);
        }
        return set(value == null ? null : lastUtc, Types.TIMESTAMP_WITH_TIMEZONE);
    }

    private MultiRowInsert set(Object value, int sqlType) {
        if (position >= (rows + 1) * columns) {
            throw new IllegalStateException("more than " + columns + " values in a row");
        }
        values[position] = value;
        types[position++] = sqlType;
        return this;
    }

    private void bind(PreparedStatement statement, int count) throws SQLException {
        int n = count * columns;
        for (int i = 0; i < n; i++) {
            if (values[i] == null) {
                statement.setNull(i + 1, types[i]);
            } else {
                statement.setObject(i + 1, values[i]);
            }
        }
        Arrays.fill(values, 0, n, null);
    }

    private void flush() throws SQLException {
        if (batched == 0) {
            return;
        }
        for (int count : full.executeBatch()) {
            affected += count == Statement.SUCCESS_NO_INFO ? rowsPerStatement : Math.max(count, 0);
        }
        batched = 0;
    }
}
