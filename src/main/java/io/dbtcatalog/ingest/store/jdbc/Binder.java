package io.dbtcatalog.ingest.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Binds a row's values to a prepared statement positionally. Times are stored in UTC truncated to microseconds
 * (the precision of both engines) and U+0000, which PostgreSQL cannot store in text, becomes U+FFFD on every
 * engine so both store the same value.
 */
public final class Binder implements RowSink {

    private final PreparedStatement statement;
    private int index;
    private Instant lastTime;
    private OffsetDateTime lastUtc;

    public Binder(PreparedStatement statement) {
        this.statement = statement;
    }

    /** Starts a new row at the first parameter. */
    public Binder reset() {
        index = 0;
        return this;
    }

    /** A text as every engine stores it: U+0000 becomes U+FFFD. */
    public static String storable(String value) {
        return value == null || value.indexOf('\0') < 0 ? value : value.replace('\0', '\uFFFD');
    }

    /** A time as the store binds it: UTC, truncated to microseconds. */
    public static OffsetDateTime utc(Instant value) {
        return value == null ? null : value.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    @Override
    public Binder text(String value) {
        return set(storable(value), Types.VARCHAR);
    }

    @Override
    public Binder integer(Integer value) {
        return set(value, Types.INTEGER);
    }

    @Override
    public Binder bigint(Long value) {
        return set(value, Types.BIGINT);
    }

    @Override
    public Binder decimal(Double value) {
        return set(value, Types.DOUBLE);
    }

    @Override
    public Binder bool(Boolean value) {
        return set(value, Types.BOOLEAN);
    }

    /** Rows of one run share a few times: each distinct one is converted once in a row. */
    @Override
    public Binder time(Instant value) {
        if (value != null && !value.equals(lastTime)) {
            lastTime = value;
            lastUtc = utc(value);
        }
        return set(value == null ? null : lastUtc, Types.TIMESTAMP_WITH_TIMEZONE);
    }

    private Binder set(Object value, int sqlType) {
        index++;
        try {
            if (value == null) {
                statement.setNull(index, sqlType);
            } else {
                statement.setObject(index, value);
            }
        } catch (SQLException e) {
            throw new UncheckedSqlException(e);
        }
        return this;
    }
}
