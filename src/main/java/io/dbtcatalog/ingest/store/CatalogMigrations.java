package io.dbtcatalog.ingest.store;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings a target database to the current catalog schema by running the Flyway migrations of {@code sql/}
 * (packaged on the classpath under {@code db/migration}).
 */
public final class CatalogMigrations {

    private CatalogMigrations() {
    }

    /** Applies every pending migration; returns how many were applied. */
    public static int migrate(DataSource dataSource) {
        MigrateResult result = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return result.migrationsExecuted;
    }
}
