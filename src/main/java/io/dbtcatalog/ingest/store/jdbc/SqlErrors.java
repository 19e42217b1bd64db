package io.dbtcatalog.ingest.store.jdbc;

import java.sql.SQLException;
import org.springframework.dao.DataAccessException;

/** How the store reports a failed statement: the driver's own message, whichever way the statement was run. */
public final class SqlErrors {

    private SqlErrors() {}

    /** The driver's message plus the chained one (PostgreSQL puts the real cause of a failed batch there). */
    public static String describe(SQLException e) {
        SQLException next = e.getNextException();
        String message = e.getMessage();
        if (next != null && next.getMessage() != null && (message == null || !message.contains(next.getMessage()))) {
            message = message + " (" + next.getMessage() + ")";
        }
        return message + " [SQLState " + e.getSQLState() + "]";
    }

    /**
     * The driver's exception behind a failure reported by {@link org.springframework.jdbc.core.simple.JdbcClient},
     * so it is described and classified exactly as one thrown by plain JDBC.
     */
    public static SQLException sqlException(DataAccessException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql;
            }
        }
        return new SQLException(e.getMessage(), e);
    }
}
