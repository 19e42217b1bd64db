package io.dbtcatalog.ingest.store.publish;

import io.dbtcatalog.ingest.store.jdbc.RowStream;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * How classified rows reach the tables: the seam between deciding what a publish writes ({@link StateSync},
 * {@link HistoryWriter}) and writing it. {@link BatchWrites} is the portable way (JDBC batches); PostgreSQL's bulk
 * path ({@code postgres.CopyWrites}: {@code COPY} and staging tables) is the other. The store picks one when it is
 * built; both write the same rows.
 */
public interface WriteStrategy {

    /**
     * Writes what {@code plan} worked out for one state table: its inserts, changed or revived rows, soft deletes
     * and (incomplete snapshots) {@code seen_at} touches; returns the number of rows written.
     */
    <R> long writeState(Connection connection, PublishContext context, StateTable<R> table, StatePlan<R> plan)
            throws SQLException;

    /** Opens the stream that appends new rows to a history table, with values in its insert's column order. */
    RowStream appendHistory(Connection connection, HistoryTable<?> table) throws SQLException;

    /** The order new rows are written in. */
    RowOrder order();
}
