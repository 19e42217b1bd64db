package io.dbtcatalog.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbtcatalog.ingest.model.CatalogSnapshot;
import io.dbtcatalog.ingest.model.RunRef;
import io.dbtcatalog.ingest.source.artifact.ArtifactFiles;
import io.dbtcatalog.ingest.source.artifact.ArtifactSnapshotReader;
import io.dbtcatalog.ingest.store.CatalogMigrations;
import io.dbtcatalog.ingest.store.CatalogStore;
import io.dbtcatalog.ingest.store.ProjectRef;
import io.dbtcatalog.ingest.store.PublishResult;
import io.dbtcatalog.ingest.store.PublishRules;
import io.dbtcatalog.ingest.store.StoreException;
import io.dbtcatalog.ingest.support.CatalogDump;
import io.dbtcatalog.ingest.support.FaultyDataSource;
import io.dbtcatalog.ingest.support.SharedReference;
import io.dbtcatalog.ingest.support.TestDatabases.Engine;
import io.dbtcatalog.ingest.support.TestDatabases.TestDatabase;
import io.dbtcatalog.ingest.support.TestRuns;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalog's PostgreSQL server stops in the middle of a publish (a dedicated embedded server, stopped from inside
 * the publish's transaction after a few of its writes) and is started again on the same data directory and port:
 * the catalog is exactly as before the publish, and publishing the same run again succeeds.
 */
class DatabaseStopFaultTests {

    private static final ProjectRef PROJECT = ProjectRef.local("bouncer");
    private static final Instant STARTED = Instant.parse("2026-08-01T06:00:00Z");
    private static final PublishRules RULES = new PublishRules(0.5, false, false, Duration.ofSeconds(30));

    @TempDir
    Path dir;

    @Test
    void serverStoppingMidPublishLeavesTheCatalogAsBeforeAndTheNextPublishSucceeds() throws Exception {
        // given: run 1.9 of the project published, run 1.10 read
        Path data = dir.resolve("pgdata");
        int port = freePort();
        ArtifactSnapshotReader reader = new ArtifactSnapshotReader();
        CatalogSnapshot first =
                reader.read(ArtifactFiles.inFolder(SharedReference.set("bouncer-dbt1.9")), run("bouncer-1.9"));
        CatalogSnapshot second =
                reader.read(ArtifactFiles.inFolder(SharedReference.set("bouncer-dbt1.10")), run("bouncer-1.10"));
        EmbeddedPostgres server = start(data, port);
        try {
            DataSource catalog = server.getPostgresDatabase();
            CatalogMigrations.migrate(catalog);
            new CatalogStore(catalog).publish(PROJECT, first, STARTED, RULES);
            CatalogDump before = CatalogDump.of(catalog);
            EmbeddedPostgres running = server;
            int lastWrites = 2;
            FaultyDataSource stopping = FaultyDataSource.beforeWrite(
                    catalog, writesOfPublishing(first, second) - lastWrites, () -> stop(running));
            CatalogStore store = new CatalogStore(stopping.dataSource());

            // when: the server stops when only the ledger row's counts and the commit are left to write
            assertThatThrownBy(() -> store.publish(PROJECT, second, STARTED, RULES))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("project 'bouncer'");
            server = start(data, port);

            // then
            catalog = server.getPostgresDatabase();
            assertThat(before.differences(CatalogDump.of(catalog))).isEmpty();
            assertThat(new CatalogStore(catalog).isIngested(PROJECT.projectKey(), "bouncer-1.10"))
                    .isFalse();
            PublishResult next = new CatalogStore(catalog).publish(PROJECT, second, STARTED, RULES);
            assertThat(next.changedNothing()).isFalse();
            assertThat(new CatalogStore(catalog).isIngested(PROJECT.projectKey(), "bouncer-1.10"))
                    .isTrue();
        } finally {
            server.close();
        }
    }

    /**
     * How many writes publishing {@code second} over {@code first} takes, counted on a scratch database. (Stopping
     * the server inside a JDBC batch would trip an {@code assert} of the PostgreSQL driver, which the tests run with
     * assertions enabled; the last writes of a publish are plain updates.)
     */
    private static int writesOfPublishing(CatalogSnapshot first, CatalogSnapshot second) {
        try (TestDatabase scratch = Engine.POSTGRESQL.create()) {
            new CatalogStore(scratch.dataSource()).publish(PROJECT, first, STARTED, RULES);
            FaultyDataSource counting = FaultyDataSource.failingAt(scratch.dataSource(), 0);
            new CatalogStore(counting.dataSource()).publish(PROJECT, second, STARTED, RULES);
            return counting.writes();
        }
    }

    /** A server on {@code data} (initialised when empty, kept on close) with durability traded for speed. */
    private static EmbeddedPostgres start(Path data, int port) {
        File log = data.resolveSibling("postgres.log").toFile();
        try {
            return EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("fsync", "off")
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start on " + data + " (see " + log + ")", e);
        }
    }

    private static void stop(EmbeddedPostgres server) {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop the embedded PostgreSQL", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static RunRef run(String key) {
        return TestRuns.run(PROJECT.projectKey(), key, null, null, null, key);
    }
}
