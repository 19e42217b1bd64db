package io.dbtcatalog.ingest.store.publish;

import io.dbtcatalog.ingest.store.ProjectBusyException;
import io.dbtcatalog.ingest.store.StoreException;
import io.dbtcatalog.ingest.store.jdbc.SqlDialect;
import io.dbtcatalog.ingest.store.jdbc.SqlErrors;
import io.dbtcatalog.ingest.store.jdbc.UncheckedSqlException;
import java.sql.SQLException;
import java.time.Duration;
import org.springframework.dao.DataAccessException;

/**
 * Runs the SQL steps of one publish or preview and turns their failures into {@link StoreException}s naming the
 * project and table: a lock wait that ran out of time becomes a {@link ProjectBusyException}.
 */
final class Steps {

    private final String projectKey;
    private final SqlDialect dialect;
    private final Duration lockTimeout;

    Steps(String projectKey, SqlDialect dialect, Duration lockTimeout) {
        this.projectKey = projectKey;
        this.dialect = dialect;
        this.lockTimeout = lockTimeout;
    }

    <T> T run(String table, SqlStep<T> step) {
        try {
            return step.run();
        } catch (SQLException e) {
            throw failure(table, e);
        } catch (UncheckedSqlException e) {
            throw failure(table, e.sqlCause());
        } catch (DataAccessException e) {
            throw failure(table, SqlErrors.sqlException(e));
        }
    }

    private StoreException failure(String table, SQLException e) {
        if (dialect.isLockTimeout(e)) {
            return new ProjectBusyException(projectKey, lockTimeout, e);
        }
        return new StoreException(projectKey, table, SqlErrors.describe(e), e);
    }

    @FunctionalInterface
    interface SqlStep<T> {
        T run() throws SQLException;
    }
}
