package io.dbtcatalog.ingest.store.postgres;

import io.dbtcatalog.ingest.store.jdbc.Binder;
import io.dbtcatalog.ingest.store.jdbc.RowSink;
import io.dbtcatalog.ingest.store.jdbc.RowStream;
import io.dbtcatalog.ingest.store.jdbc.UncheckedSqlException;
import io.dbtcatalog.ingest.store.jdbc.Utf8Buffer;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams rows into one PostgreSQL table with {@code COPY ... FROM STDIN (FORMAT binary)}: each value as its binary
 * send format, so the server neither parses text nor escapes: text as UTF-8 (U+0000 as U+FFFD, as {@link Binder}
 * stores it), {@code integer} 4 bytes, {@code bigint} and {@code double precision} 8, {@code boolean} 1,
 * {@code timestamp with time zone} microseconds since 2000-01-01 UTC. The sink's calls must match the column types
 * exactly (an {@code integer()} for an {@code INTEGER} column); the server rejects a mismatch, naming the column.
 * Rows are sent in chunks of about 64 KB while they are rendered (decision 0021). Close it to abandon an unfinished
 * copy.
 */
public final class BinaryCopyRows implements RowSink, RowStream {

    private static final int CHUNK = 1 << 16;
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
    /** Seconds from the Unix epoch to PostgreSQL's, 2000-01-01T00:00:00Z. */
    private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L;

    private final CopyIn copy;
    private final Utf8Buffer buffer = new Utf8Buffer(CHUNK + (CHUNK >> 2));
    private int fieldCountAt = -1;
    private int fields;

    private BinaryCopyRows(CopyIn copy) {
        this.copy = copy;
        for (byte b : SIGNATURE) {
            buffer.put(b);
        }
        putInt(0);
        putInt(0);
    }

    /** Starts {@code copySql}, a {@code COPY ... FROM STDIN (FORMAT binary)} statement, on the connection. */
    public static BinaryCopyRows start(Connection connection, String copySql) throws SQLException {
        return new BinaryCopyRows(
                connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql));
    }

    /** Starts a row: its field count is written when it ends. */
    @Override
    public BinaryCopyRows row() {
        if (fieldCountAt < 0) {
            fieldCountAt = buffer.length();
            buffer.put((byte) 0).put((byte) 0);
            fields = 0;
        }
        return this;
    }

    @Override
    public BinaryCopyRows text(String value) {
        row();
        if (value == null) {
            return nul();
        }
        int lengthAt = field();
        buffer.utf8(value);
        buffer.putIntAt(lengthAt, buffer.length() - lengthAt - 4);
        return this;
    }

    @Override
    public BinaryCopyRows integer(Integer value) {
        row();
        if (value == null) {
            return nul();
        }
        putInt(4);
        putInt(value);
        return counted();
    }

    @Override
    public BinaryCopyRows bigint(Long value) {
        row();
        if (value == null) {
            return nul();
        }
        putInt(8);
        putLong(value);
        return counted();
    }

    @Override
    public BinaryCopyRows decimal(Double value) {
        row();
        if (value == null) {
            return nul();
        }
        putInt(8);
        putLong(Double.doubleToLongBits(value));
        return counted();
    }

    @Override
    public BinaryCopyRows bool(Boolean value) {
        row();
        if (value == null) {
            return nul();
        }
        putInt(1);
        buffer.put((byte) (value ? 1 : 0));
        return counted();
    }

    @Override
    public BinaryCopyRows time(Instant value) {
        row();
        if (value == null) {
            return nul();
        }
        putInt(8);
        putLong(microsSincePostgresEpoch(value));
        return counted();
    }

    /** Ends the current row; sends the rendered rows once they fill a chunk. */
    @Override
    public void add() {
        if (fieldCountAt < 0) {
            throw new IllegalStateException("a row without values");
        }
        buffer.bytes()[fieldCountAt] = (byte) (fields >>> 8);
        buffer.bytes()[fieldCountAt + 1] = (byte) fields;
        fieldCountAt = -1;
        if (buffer.length() >= CHUNK) {
            send();
        }
    }

    /** Sends the remaining rows and the trailer, ends the copy; returns the number of rows the database took. */
    @Override
    public long finish() throws SQLException {
        buffer.put((byte) 0xff).put((byte) 0xff);
        copy.writeToCopy(buffer.bytes(), 0, buffer.length());
        buffer.clear();
        return copy.endCopy();
    }

    /** Abandons the copy unless it finished, so the connection can report the failure and roll back. */
    @Override
    public void close() throws SQLException {
        if (copy.isActive()) {
            copy.cancelCopy();
        }
    }

    /** A time as {@link Binder} stores it (truncated to the microsecond), counted from 2000-01-01T00:00:00Z. */
    static long microsSincePostgresEpoch(Instant value) {
        return Math.addExact(
                Math.multiplyExact(value.getEpochSecond() - POSTGRES_EPOCH_SECONDS, 1_000_000L),
                value.getNano() / 1_000);
    }

    private BinaryCopyRows nul() {
        putInt(-1);
        return counted();
    }

    /** Starts a value of yet unknown length; returns where its length goes. */
    private int field() {
        fields++;
        return buffer.reserveInt();
    }

    private BinaryCopyRows counted() {
        fields++;
        return this;
    }

    private void putInt(int value) {
        buffer.putIntAt(buffer.reserveInt(), value);
    }

    private void putLong(long value) {
        putInt((int) (value >>> 32));
        putInt((int) value);
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
