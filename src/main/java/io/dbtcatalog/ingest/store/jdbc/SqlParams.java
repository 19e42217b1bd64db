package io.dbtcatalog.ingest.store.jdbc;

import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.SqlParameterValue;

/**
 * Collects a row's values as positional {@code JdbcClient} parameters, in the stored form {@link Binder} binds
 * (text with U+0000 as U+FFFD, times in UTC to the microsecond); a null carries its SQL type, so it is bound with
 * {@code setNull(index, type)} as {@link Binder} binds it, without asking the driver for parameter metadata.
 */
public final class SqlParams implements RowSink {

    private final List<Object> values = new ArrayList<>();

    /** The values collected so far, in order. */
    public List<Object> values() {
        return Collections.unmodifiableList(values);
    }

    @Override
    public SqlParams text(String value) {
        return add(Binder.storable(value), Types.VARCHAR);
    }

    @Override
    public SqlParams integer(Integer value) {
        return add(value, Types.INTEGER);
    }

    @Override
    public SqlParams bigint(Long value) {
        return add(value, Types.BIGINT);
    }

    @Override
    public SqlParams decimal(Double value) {
        return add(value, Types.DOUBLE);
    }

    @Override
    public SqlParams bool(Boolean value) {
        return add(value, Types.BOOLEAN);
    }

    @Override
    public SqlParams time(Instant value) {
        return add(Binder.utc(value), Types.TIMESTAMP_WITH_TIMEZONE);
    }

    private SqlParams add(Object value, int sqlType) {
        values.add(value == null ? new SqlParameterValue(sqlType, null) : value);
        return this;
    }
}
