package io.dbtcatalog.ingest.store;

import io.dbtcatalog.ingest.store.jdbc.SqlDialect;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings a target database to the current catalog schema by running the Flyway migrations of {@code sql/}
 * (packaged on the classpath under {@code db/migration}), plus, on PostgreSQL, those of {@code sql/postgresql/}
 * (under {@code db/migration-postgresql}: storage parameters H2 has no syntax for) and, on H2, those of
 * {@code sql/h2/} (under {@code db/migration-h2}: index layouts that suit H2's storage, decision 0019).
 */
public final class CatalogMigrations {

    static final String COMMON = "classpath:db/migration";
    static final String POSTGRESQL = "classpath:db/migration-postgresql";
    static final String H2 = "classpath:db/migration-h2";

    private CatalogMigrations() {}

    /** Applies every pending migration; returns how many were applied. */
    public static int migrate(DataSource dataSource) {
        MigrateResult result = flyway(dataSource).migrate();
        return result.migrationsExecuted;
    }

    /**
     * Applies the pending migrations only when the schema is behind (or Flyway has something to say: a failed or an
     * unknown migration): a current schema costs one query instead of starting Flyway, which would also re-check
     * every applied migration's checksum. Returns how many were applied.
     */
    public static int migrateWhenBehind(DataSource dataSource) {
        return SchemaStatus.read(dataSource).current() ? 0 : migrate(dataSource);
    }

    /** Flyway configured with the migrations that apply to the engine behind {@code dataSource}. */
    static Flyway flyway(DataSource dataSource) {
        return flyway(dataSource, null);
    }

    /** Like {@link #flyway(DataSource)}, migrating up to {@code target} (a version) when it is not null. */
    static Flyway flyway(DataSource dataSource, String target) {
        var configuration = Flyway.configure().dataSource(dataSource).locations(locations(isPostgres(dataSource)));
        if (target != null) {
            configuration.target(target);
        }
        return configuration.load();
    }

    /** The migration locations of an engine: the common ones, then PostgreSQL's or H2's own. */
    static String[] locations(boolean postgres) {
        return new String[] {COMMON, postgres ? POSTGRESQL : H2};
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return SqlDialect.of(connection) == SqlDialect.POSTGRESQL;
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot connect to the catalog database to migrate it: " + e.getMessage(), e);
        }
    }
}
