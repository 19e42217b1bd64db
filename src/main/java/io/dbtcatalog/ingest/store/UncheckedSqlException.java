package io.dbtcatalog.ingest.store;

import java.sql.SQLException;

/**
 * Carries a {@link SQLException} through the {@link RowSink} lambdas; unwrapped into a {@link StoreException} that
 * names the table by the publish step that was running.
 */
final class UncheckedSqlException extends RuntimeException {

    UncheckedSqlException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    SQLException sqlCause() {
        return (SQLException) getCause();
    }
}
