package io.dbtcatalog.ingest.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;

/**
 * The catalog database's engine, H2 or PostgreSQL, detected once from a connection, and the few JDBC details that
 * differ between them: how a {@code VARCHAR(n)} measures length, how a transaction bounds its lock waits and how a
 * lock wait that ran out of time is reported. Statements that differ per engine live with the table they write and
 * are chosen by this value.
 */
public enum SqlDialect {

    /** H2 2.x. */
    H2("SET LOCK_TIMEOUT ?"),

    /** PostgreSQL. */
    POSTGRESQL("SELECT set_config('lock_timeout', ?, true)");

    private static final String UNIQUE_VIOLATION = "23505";
    /** PostgreSQL's lock_not_available, raised when lock_timeout expires. */
    private static final String PG_LOCK_NOT_AVAILABLE = "55P03";
    /** H2's LOCK_TIMEOUT_1 error code. */
    private static final int H2_LOCK_TIMEOUT = 50200;

    private final String setLockTimeout;

    SqlDialect(String setLockTimeout) {
        this.setLockTimeout = setLockTimeout;
    }

    /** The engine behind {@code connection}; fails naming the product when it is neither H2 nor PostgreSQL. */
    public static SqlDialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        String name = product == null ? "" : product.toLowerCase(Locale.ROOT);
        if (name.contains("h2")) {
            return H2;
        }
        if (name.contains("postgres")) {
            return POSTGRESQL;
        }
        throw new IllegalStateException("unsupported catalog database '" + product + "': use H2 or PostgreSQL");
    }

    /** True when {@code e} is a unique-key violation (SQLState 23505 on both engines). */
    public static boolean isUniqueViolation(SQLException e) {
        return UNIQUE_VIOLATION.equals(e.getSQLState());
    }

    /**
     * The length of {@code value} as this engine measures it against a {@code VARCHAR(n)}: H2 counts UTF-16 code
     * units (an emoji is 2), PostgreSQL counts characters (code points).
     */
    public int length(String value) {
        return this == H2 ? value.length() : value.codePointCount(0, value.length());
    }

    /**
     * Bounds how long the current transaction waits for a row lock (PostgreSQL: for this transaction only; H2: for
     * the session, which every publish sets anew). A null timeout leaves the engine's setting alone.
     */
    public void lockTimeout(Connection connection, Duration timeout) throws SQLException {
        if (timeout == null) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(setLockTimeout)) {
            if (this == H2) {
                statement.setInt(1, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            } else {
                statement.setString(1, timeout.toMillis() + "ms");
            }
            statement.execute();
        }
    }

    /** True when {@code e} says a lock wait ran out of time (someone else holds the lock). */
    public boolean isLockTimeout(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            if (this == POSTGRESQL
                    ? PG_LOCK_NOT_AVAILABLE.equals(s.getSQLState())
                    : s.getErrorCode() == H2_LOCK_TIMEOUT) {
                return true;
            }
        }
        return false;
    }
}
