package io.dbtcatalog.ingest;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.dbtcatalog.ingest.config.IngestionProperties;
import io.dbtcatalog.ingest.config.TargetProperties;
import io.dbtcatalog.ingest.lineage.ColumnLineageEngine;
import io.dbtcatalog.ingest.lineage.SnapshotLineage;
import io.dbtcatalog.ingest.source.artifact.ArtifactSnapshotReader;
import io.dbtcatalog.ingest.store.CatalogMigrations;
import io.dbtcatalog.ingest.store.CatalogStore;
import io.dbtcatalog.ingest.store.H2Template;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Application wiring outside the batch job: opens the catalog database (migrated to the current schema before
 * anything uses it), and provides the store and the artifact reader.
 */
@Configuration(proxyBeanMethods = false)
public class IngestionConfiguration {

    /**
     * The catalog's connection pool, migrated to the current schema. In read-only mode ({@code validate},
     * {@code status} and the other read-only commands) nothing is migrated and every connection is read-only
     * (PostgreSQL then refuses any write); the command checks the schema version itself. With
     * {@code dbt-catalog-ingest.one-shot} (the CLI's one-shot commands) Flyway starts only when the schema
     * is behind, and a new embedded H2 file catalog is first created as a copy of the packaged template, already
     * current ({@link H2Template}, decision 0024); otherwise ({@code schedule}, embedding code) Flyway migrates and
     * validates as always.
     *
     * <p>A one-shot command also opens its first connection as the pool starts and fails at once, with the driver's
     * reason (a wrong password, a refused connection), when it cannot; the service starts its pool in the background
     * and waits for the database as long as a connection request may.
     */
    @Bean
    DataSource catalogDataSource(
            IngestionProperties properties,
            @Value("${dbt-catalog-ingest.read-only:false}") boolean readOnly,
            @Value("${dbt-catalog-ingest.one-shot:false}") boolean oneShot) {
        TargetProperties target = properties.target();
        // before the pool, whose first connection would create an empty database file; a copy is current
        boolean copied = !readOnly
                && oneShot
                && H2Template.createIfNew(target.url(), target.connectionUrl(), target.username(), target.password());
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(target.connectionUrl());
        hikari.setUsername(target.username());
        hikari.setPassword(target.password());
        hikari.setPoolName("catalog");
        hikari.setMaximumPoolSize(Math.max(5, properties.scheduler().connectionsNeeded()));
        hikari.setMinimumIdle(readOnly ? 1 : 2);
        // one attempt (Hikari waits a second after a failed one); -1: no attempt, the pool connects in the background,
        // as for a catalog the template just created, which has proved the credentials already
        hikari.setInitializationFailTimeout(oneShot && !copied ? 1 : -1);
        hikari.setReadOnly(readOnly);
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(hikari);
        } catch (RuntimeException e) {
            throw new CatalogDatabaseException(target.url(), e);
        }
        if (readOnly || copied) {
            return dataSource;
        }
        try {
            if (oneShot) {
                CatalogMigrations.migrateWhenBehind(dataSource);
            } else {
                CatalogMigrations.migrate(dataSource);
            }
        } catch (RuntimeException e) {
            dataSource.close();
            throw new CatalogDatabaseException(target.url(), e);
        }
        return dataSource;
    }

    @Bean
    CatalogStore catalogStore(DataSource catalogDataSource) {
        return new CatalogStore(catalogDataSource);
    }

    @Bean
    SnapshotLineage snapshotLineage() {
        return new SnapshotLineage(new ColumnLineageEngine());
    }

    @Bean
    ArtifactSnapshotReader artifactSnapshotReader() {
        return new ArtifactSnapshotReader();
    }

    /**
     * The catalog database could not be opened or migrated; names the JDBC URL (never the password) and the first
     * reason in the cause's chain that is not the pool's own wrapping ("Wrong user name or password", "Connection
     * to localhost:5432 refused", a migration's failure).
     */
    public static class CatalogDatabaseException extends RuntimeException {
        CatalogDatabaseException(String url, Throwable cause) {
            super("cannot open or migrate the catalog database " + url + ": " + reason(cause), cause);
        }

        private static String reason(Throwable cause) {
            Throwable reason = cause;
            while (reason.getCause() != null
                    && reason.getCause() != reason
                    && reason.getClass().getName().startsWith("com.zaxxer.hikari.")) {
                reason = reason.getCause();
            }
            if (reason instanceof java.sql.SQLTransientConnectionException && reason.getCause() != null) {
                reason = reason.getCause();
            }
            return reason.getMessage() == null ? reason.getClass().getSimpleName() : reason.getMessage();
        }
    }
}
