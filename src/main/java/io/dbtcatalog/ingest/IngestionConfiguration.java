package io.dbtcatalog.ingest;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.dbtcatalog.ingest.config.ConfigException;
import io.dbtcatalog.ingest.config.IngestionProperties;
import io.dbtcatalog.ingest.config.TargetProperties;
import io.dbtcatalog.ingest.source.artifact.ArtifactSnapshotReader;
import io.dbtcatalog.ingest.store.CatalogMigrations;
import io.dbtcatalog.ingest.store.CatalogStore;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Application wiring outside the batch job: checks the configuration's cross-key rules, opens the catalog database
 * (migrated to the current schema before anything uses it), and provides the store and the artifact reader.
 */
@Configuration(proxyBeanMethods = false)
public class IngestionConfiguration {

    @Bean
    DataSource catalogDataSource(IngestionProperties properties,
            @Value("${dbt-catalog-ingest.config-file:ingestion-config.yaml}") String configFile) {
        List<String> problems = properties.problems();
        if (!problems.isEmpty()) {
            throw new ConfigException(configFile, problems);
        }
        TargetProperties target = properties.target();
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(target.url());
        hikari.setUsername(target.username());
        hikari.setPassword(target.password());
        hikari.setPoolName("catalog");
        hikari.setMaximumPoolSize(Math.max(5, properties.scheduler().connectionsNeeded()));
        hikari.setMinimumIdle(2);
        hikari.setInitializationFailTimeout(-1);
        HikariDataSource dataSource = new HikariDataSource(hikari);
        try {
            CatalogMigrations.migrate(dataSource);
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
    ArtifactSnapshotReader artifactSnapshotReader() {
        return new ArtifactSnapshotReader();
    }

    /** The catalog database could not be opened or migrated; names the JDBC URL (never the password). */
    public static class CatalogDatabaseException extends RuntimeException {
        CatalogDatabaseException(String url, Throwable cause) {
            super("cannot open or migrate the catalog database " + url + ": " + cause.getMessage(), cause);
        }
    }
}
