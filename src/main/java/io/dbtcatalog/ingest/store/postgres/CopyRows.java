package io.dbtcatalog.ingest.store.postgres;

import io.dbtcatalog.ingest.store.jdbc.Binder;
import io.dbtcatalog.ingest.store.jdbc.RowSink;
import io.dbtcatalog.ingest.store.jdbc.RowStream;
import io.dbtcatalog.ingest.store.jdbc.UncheckedSqlException;
import io.dbtcatalog.ingest.store.jdbc.Utf8Buffer;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams rows into one PostgreSQL table with {@code COPY ... FROM STDIN} in text format: values in the order of
 * the column list, tab-separated, {@code \N} for null, text escaped by {@link Utf8Buffer#copyEscaped} and stored as
 * {@link Binder} would bind it (U+0000 as U+FFFD, times in UTC to the microsecond). Rows are sent in chunks of about
 * 64 KB while they are rendered, so memory stays flat. Close it to abandon an unfinished copy.
 */
public final class CopyRows implements RowSink, RowStream {

    private static final int CHUNK = 1 << 16;
    private static final byte TAB = '\t';

    private final CopyIn copy;
    private final Utf8Buffer buffer = new Utf8Buffer(CHUNK + (CHUNK >> 2));
    private boolean rowStarted;
    private Instant lastTime;
    private String lastTimeText;

    private CopyRows(CopyIn copy) {
        this.copy = copy;
    }

    /** Starts {@code copySql}, a {@code COPY ... FROM STDIN} statement, on the connection. */
    public static CopyRows start(Connection connection, String copySql) throws SQLException {
        return new CopyRows(connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql));
    }

    /** Starts {@code COPY table (columns) FROM STDIN} on the connection; only constant names are assembled. */
    public static CopyRows start(Connection connection, String table, List<String> columns) throws SQLException {
        return start(connection, "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN");
    }

    @Override
    public CopyRows text(String value) {
        separate();
        if (value == null) {
            return nul();
        }
        buffer.copyEscaped(value);
        return this;
    }

    @Override
    public CopyRows integer(Integer value) {
        return number(value);
    }

    @Override
    public CopyRows bigint(Long value) {
        return number(value);
    }

    @Override
    public CopyRows decimal(Double value) {
        return number(value);
    }

    @Override
    public CopyRows bool(Boolean value) {
        separate();
        if (value == null) {
            return nul();
        }
        buffer.put((byte) (value ? 't' : 'f'));
        return this;
    }

    @Override
    public CopyRows time(Instant value) {
        separate();
        if (value == null) {
            return nul();
        }
        if (!value.equals(lastTime)) {
            lastTime = value;
            lastTimeText = timestamp(value);
        }
        buffer.ascii(lastTimeText);
        return this;
    }

    /** This stream is its own sink: values are rendered as they arrive. */
    @Override
    public CopyRows row() {
        return this;
    }

    /** Ends the current row; sends the rendered rows once they fill a chunk. */
    @Override
    public void add() {
        buffer.put((byte) '\n');
        rowStarted = false;
        if (buffer.length() >= CHUNK) {
            send();
        }
    }

    /** Sends the remaining rows and ends the copy; returns the number of rows the database took. */
    @Override
    public long finish() throws SQLException {
        if (buffer.length() > 0) {
            copy.writeToCopy(buffer.bytes(), 0, buffer.length());
            buffer.clear();
        }
        return copy.endCopy();
    }

    /** Abandons the copy unless it finished, so the connection can report the failure and roll back. */
    @Override
    public void close() throws SQLException {
        if (copy.isActive()) {
            copy.cancelCopy();
        }
    }

    /**
     * A time as PostgreSQL reads it whatever its {@code DateStyle}: {@code 2024-03-05 10:00:00.123456+00}, with
     * {@code BC} for years before 1 (as the JDBC driver writes it).
     */
    static String timestamp(Instant value) {
        OffsetDateTime time = Binder.utc(value);
        int year = time.getYear();
        StringBuilder out = new StringBuilder(36);
        pad(out, year > 0 ? year : 1 - year, 4).append('-');
        pad(out, time.getMonthValue(), 2).append('-');
        pad(out, time.getDayOfMonth(), 2).append(' ');
        pad(out, time.getHour(), 2).append(':');
        pad(out, time.getMinute(), 2).append(':');
        pad(out, time.getSecond(), 2);
        if (time.getNano() != 0) {
            pad(out.append('.'), time.getNano() / 1000, 6);
        }
        out.append("+00");
        return year > 0 ? out.toString() : out.append(" BC").toString();
    }

    private static StringBuilder pad(StringBuilder out, int value, int digits) {
        String text = Integer.toString(value);
        for (int i = text.length(); i < digits; i++) {
            out.append('0');
        }
        return out.append(text);
    }

    private CopyRows number(Number value) {
        separate();
        if (value == null) {
            return nul();
        }
        buffer.ascii(value.toString());
        return this;
    }

    private CopyRows nul() {
        buffer.put((byte) '\\').put((byte) 'N');
        return this;
    }

    private void separate() {
        if (rowStarted) {
            buffer.put(TAB);
        }
        rowStarted = true;
    }

    private void send() {
        try {
            copy.writeToCopy(buffer.bytes(), 0, buffer.length());
        } catch (SQLException e) {
            throw new UncheckedSqlException(e);
        }
        buffer.clear();
    }
}
