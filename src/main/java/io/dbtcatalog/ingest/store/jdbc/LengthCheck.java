package io.dbtcatalog.ingest.store.jdbc;

import io.dbtcatalog.ingest.store.StoreException;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * Validates the text values of one row against the declared column lengths before they are written, so a value
 * too long for a bounded column fails with a message naming the project, table, column and row, instead of a
 * driver error (or a silent truncation).
 */
public final class LengthCheck implements RowSink {

    private final String projectKey;
    private final String table;
    private final List<String> columns;
    private final int[] limits;
    private final SqlDialect dialect;
    private Supplier<String> row;
    private int index;

    LengthCheck(String projectKey, String table, List<String> columns, int[] limits, SqlDialect dialect) {
        this.projectKey = projectKey;
        this.table = table;
        this.columns = columns;
        this.limits = limits;
        this.dialect = dialect;
    }

    /** Starts checking the row described by {@code row} (its key, for the message). */
    public LengthCheck row(String row) {
        return row(() -> row);
    }

    /** Starts checking a row described, only if a value is too long, by {@code row}. */
    public LengthCheck row(Supplier<String> row) {
        this.row = row;
        this.index = 0;
        return this;
    }

    @Override
    public LengthCheck text(String value) {
        int limit = limits[index];
        if (value != null && value.length() > limit && dialect.length(value) > limit) {
            throw new StoreException(
                    projectKey,
                    table,
                    "the value of column " + columns.get(index) + " for "
                            + row.get() + " is " + dialect.length(value) + " characters long, more than the " + limit
                            + " the column allows");
        }
        return skip();
    }

    @Override
    public LengthCheck integer(Integer value) {
        return skip();
    }

    @Override
    public LengthCheck bigint(Long value) {
        return skip();
    }

    @Override
    public LengthCheck decimal(Double value) {
        return skip();
    }

    @Override
    public LengthCheck bool(Boolean value) {
        return skip();
    }

    @Override
    public LengthCheck time(Instant value) {
        return skip();
    }

    private LengthCheck skip() {
        index++;
        return this;
    }
}
