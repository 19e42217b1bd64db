package io.dbtcatalog.ingest.store;

import io.dbtcatalog.ingest.store.jdbc.SqlDialect;
import io.dbtcatalog.ingest.store.postgres.CopyWrites;
import io.dbtcatalog.ingest.store.publish.BatchWrites;
import io.dbtcatalog.ingest.store.publish.WriteStrategy;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The one place the store decides how it talks to its database, once, when it is built: the engine
 * ({@link SqlDialect}) and the {@link WriteStrategy}, PostgreSQL's {@code COPY} bulk path when the connection is a
 * PostgreSQL one, JDBC batches otherwise.
 */
record StoreSetup(SqlDialect dialect, WriteStrategy writes) {

    static StoreSetup detect(Connection connection) throws SQLException {
        SqlDialect dialect = SqlDialect.of(connection);
        boolean copy = dialect == SqlDialect.POSTGRESQL && CopyWrites.supports(connection);
        return new StoreSetup(dialect, copy ? new CopyWrites() : new BatchWrites());
    }
}
