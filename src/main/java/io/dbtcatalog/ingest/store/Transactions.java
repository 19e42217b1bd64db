package io.dbtcatalog.ingest.store;

import io.dbtcatalog.ingest.store.jdbc.SqlErrors;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * How {@link CatalogStore} uses its connections: each publish, preview or failure record in one transaction of its
 * own (committed when the work returns, rolled back when it throws, the connection's settings restored), each
 * lookup on a connection of its own; every failure becomes a {@link StoreException} naming the project and table.
 */
final class Transactions {

    /** Logged as the store's own warning. */
    private static final Logger log = LoggerFactory.getLogger(CatalogStore.class);

    private final DataSource dataSource;

    Transactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs {@code read} on a connection of its own, outside any transaction; a failure names {@code table}. */
    <T> T read(String projectKey, String table, SqlWork<T> read) {
        try (Connection connection = dataSource.getConnection()) {
            return naming(projectKey, table, read, connection);
        } catch (SQLException e) {
            throw failure(projectKey, table, e);
        }
    }

    /** Runs {@code work} in one writing transaction ({@link #inTransaction}); a failure of it names {@code table}. */
    <T> T write(String projectKey, String table, SqlWork<T> work) {
        return inTransaction(projectKey, false, connection -> naming(projectKey, table, work, connection));
    }

    /** Runs {@code work} on {@code connection}, turning its SQL failures into ones that name {@code table}. */
    private static <T> T naming(String projectKey, String table, SqlWork<T> work, Connection connection) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw failure(projectKey, table, e);
        } catch (DataAccessException e) {
            throw failure(projectKey, table, SqlErrors.sqlException(e));
        }
    }

    private static StoreException failure(String projectKey, String table, SQLException e) {
        return new StoreException(projectKey, table, SqlErrors.describe(e), e);
    }

    /**
     * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. A read-only
     * transaction is repeatable-read (one consistent view), marked read-only for the engine and always rolled back.
     */
    <T> T inTransaction(String projectKey, boolean readOnly, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            int isolation = connection.getTransactionIsolation();
            boolean wasReadOnly = connection.isReadOnly();
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(
                    readOnly ? Connection.TRANSACTION_REPEATABLE_READ : Connection.TRANSACTION_READ_COMMITTED);
            if (readOnly) {
                connection.setReadOnly(true);
            }
            try {
                T result = work.run(connection);
                if (readOnly) {
                    connection.rollback();
                } else {
                    commit(projectKey, connection);
                }
                return result;
            } catch (RuntimeException | Error e) {
                rollback(connection, e);
                throw e;
            } finally {
                restore(connection, autoCommit, isolation, wasReadOnly);
            }
        } catch (SQLException e) {
            throw new StoreException(projectKey, "(connection)", SqlErrors.describe(e), e);
        }
    }

    private static void commit(String projectKey, Connection connection) {
        try {
            connection.commit();
        } catch (SQLException e) {
            throw new StoreException(projectKey, "(commit)", SqlErrors.describe(e), e);
        }
    }

    private static void rollback(Connection connection, Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private static void restore(Connection connection, boolean autoCommit, int isolation, boolean readOnly) {
        try {
            connection.setReadOnly(readOnly);
            connection.setTransactionIsolation(isolation);
            connection.setAutoCommit(autoCommit);
        } catch (SQLException e) {
            log.warn(
                    "Could not restore the catalog connection's settings (it is closed next anyway): {}",
                    e.getMessage());
        }
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection);
    }

    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
