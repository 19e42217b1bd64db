package io.dbtcatalog.ingest.store;

import io.dbtcatalog.ingest.store.jdbc.SqlDialect;
import io.dbtcatalog.ingest.store.postgres.CopyWrites;
import io.dbtcatalog.ingest.store.publish.BatchWrites;
import io.dbtcatalog.ingest.store.publish.RowOrder;
import io.dbtcatalog.ingest.store.publish.WriteStrategy;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The one place the store decides how it talks to its database, once, when it is built: the engine
 * ({@link SqlDialect}) and the {@link WriteStrategy}, with the speed seams {@link StoreOptions} leaves on:
 * PostgreSQL's {@code COPY} bulk path when the connection is a PostgreSQL one, JDBC batches otherwise (history rows by
 * multi-row inserts); new rows in primary-key order.
 */
record StoreSetup(SqlDialect dialect, WriteStrategy writes) {

    static StoreSetup detect(Connection connection, StoreOptions options) throws SQLException {
        SqlDialect dialect = SqlDialect.of(connection);
        RowOrder order = options.keyOrderedWrites() ? RowOrder.KEY : RowOrder.SNAPSHOT;
        if (options.bulkCopy() && dialect == SqlDialect.POSTGRESQL && CopyWrites.supports(connection)) {
            return new StoreSetup(dialect, new CopyWrites(order, options.binaryCopy()));
        }
        return new StoreSetup(
                dialect, new BatchWrites(order, options.multiRowInserts() ? BatchWrites.ROWS_PER_INSERT : 1));
    }
}
