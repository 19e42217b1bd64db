package io.dbtcatalog.ingest.store.jdbc;

import io.dbtcatalog.ingest.store.StoreException;
import java.sql.SQLException;

/**
 * Carries a {@link SQLException} through the {@link RowSink} lambdas; unwrapped into a {@link StoreException} that
 * names the table by the publish step that was running.
 */
public final class UncheckedSqlException extends RuntimeException {

    public UncheckedSqlException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    public SQLException sqlCause() {
        return (SQLException) getCause();
    }
}
