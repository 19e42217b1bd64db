package io.dbtcatalog.ingest.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's databases: one embedded PostgreSQL server for the whole run, on which each phase gets a fresh
 * database, and fresh file-based H2 databases; each behind a small Hikari pool, as the application would use.
 */
final class BenchDatabases implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final List<HikariDataSource> pools = new ArrayList<>();

    private BenchDatabases(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts the embedded PostgreSQL with zonky's defaults plus {@code serverSettings} ({@code name=value} pairs
     * separated by commas, from {@code bench.pg}; empty for none).
     */
    static BenchDatabases start(String serverSettings) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            for (String setting : serverSettings.split(",")) {
                int equals = setting.indexOf('=');
                if (equals > 0) {
                    builder.setServerConfig(
                            setting.substring(0, equals).trim(),
                            setting.substring(equals + 1).trim());
                } else if (!setting.isBlank()) {
                    throw new IllegalArgumentException("bench.pg: '" + setting + "' is not name=value");
                }
            }
            return new BenchDatabases(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
        }
    }

    /** Creates an empty PostgreSQL database and returns a pool on it. */
    HikariDataSource freshPostgres(String name) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create PostgreSQL database " + name + ": " + e.getMessage(), e);
        }
        return pool(postgres.getJdbcUrl("postgres", name), "postgres");
    }

    /** A pool on a new file-based H2 database in {@code folder}. */
    HikariDataSource freshH2(Path folder) {
        return pool("jdbc:h2:file:" + folder.resolve("catalog").toAbsolutePath(), "sa");
    }

    /**
     * A new, migrated catalog of {@code engine} for the size {@code label}: the PostgreSQL database
     * {@code ingest_<label><suffix>}, or an H2 file in {@code folder}'s {@code h2<suffix>}.
     */
    HikariDataSource migrated(String engine, Path folder, String label, String suffix) {
        HikariDataSource database = "h2".equals(engine)
                ? freshH2(folder.resolve("h2" + suffix))
                : freshPostgres(catalogName(label, suffix));
        new BenchIngestion(database).prepare();
        return database;
    }

    /**
     * Drops the PostgreSQL database {@link #migrated} made for {@code label} and {@code suffix}, once its pool is
     * closed; an H2 file stays in its folder, which the benchmark deletes at the end.
     */
    void drop(String engine, String label, String suffix) {
        if (!"postgres".equals(engine)) {
            return;
        }
        String name = catalogName(label, suffix);
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop PostgreSQL database " + name + ": " + e.getMessage(), e);
        }
    }

    /** The PostgreSQL database of the catalog {@link #migrated} makes for {@code label} and {@code suffix}. */
    private static String catalogName(String label, String suffix) {
        return "ingest_" + label + suffix;
    }

    private HikariDataSource pool(String url, String user) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setMaximumPoolSize(4);
        config.setPoolName("bench-" + pools.size());
        HikariDataSource pool = new HikariDataSource(config);
        pools.add(pool);
        return pool;
    }

    /**
     * Lets the catalog settle between two dbt invocations, untimed: the next invocation of a project comes minutes
     * or hours after the last one, by when PostgreSQL's autovacuum has vacuumed and analysed the tables the first
     * ingestion filled; without this the next run would share the two cores with that autovacuum. H2 needs nothing
     * (it compacts its file in the background as it goes).
     */
    static void settle(String engine, String url, String user) {
        if (!"postgres".equals(engine)) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(url, user, "");
                Statement statement = connection.createStatement()) {
            statement.execute("VACUUM (ANALYZE)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot vacuum " + url + ": " + e.getMessage(), e);
        }
    }

    /** The server settings that matter for write speed, for the report. */
    String postgresSettings() {
        StringBuilder out = new StringBuilder();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            for (String setting : List.of(
                    "server_version",
                    "fsync",
                    "synchronous_commit",
                    "full_page_writes",
                    "shared_buffers",
                    "max_wal_size",
                    "work_mem")) {
                try (ResultSet rs = statement.executeQuery("SHOW " + setting)) {
                    rs.next();
                    out.append(out.length() == 0 ? "" : ", ")
                            .append(setting)
                            .append('=')
                            .append(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read PostgreSQL settings: " + e.getMessage(), e);
        }
        return out.toString();
    }

    @Override
    public void close() {
        pools.forEach(HikariDataSource::close);
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop the embedded PostgreSQL", e);
        }
    }
}
