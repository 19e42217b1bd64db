package io.dbtcatalog.ingest.store.publish;

import io.dbtcatalog.ingest.store.jdbc.ColumnLimits;
import io.dbtcatalog.ingest.store.jdbc.SqlDialect;
import java.time.Clock;

/**
 * What every publish and preview of one store shares, fixed when the store is built: the database engine, the
 * {@link WriteStrategy} that writes rows into it, the schema's column limits and the clock of ledger times.
 */
public record PublishSetup(SqlDialect dialect, WriteStrategy writes, ColumnLimits limits, Clock clock) {}
