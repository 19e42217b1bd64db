package io.dbtcatalog.ingest.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Creating a new H2 file catalog from the packaged template never harms: an existing catalog (or a lock file) is
 * never replaced, of threads creating the same catalog one copy wins and all succeed, a missing or stale template is
 * dropped and the catalog left to Flyway, and the switch turns the copy off.
 */
class H2TemplateSafetyIntegrationTests {

    @TempDir
    Path dir;

    @AfterEach
    void switchBackOn() {
        System.clearProperty(H2Template.SWITCH);
    }

    @Test
    void anExistingCatalogIsNeverReplaced() throws IOException {
        // given: a catalog of someone else's, and a folder where H2 left a lock file
        Path existing = dir.resolve("catalog.mv.db");
        Files.writeString(existing, "not ours");
        Path locked = dir.resolve("locked/catalog");
        Files.createDirectories(locked.getParent());
        Files.writeString(locked.resolveSibling("catalog.lock.db"), "lock");

        // when / then
        assertThat(create(dir.resolve("catalog"), "sa", "")).isFalse();
        assertThat(Files.readString(existing)).isEqualTo("not ours");
        assertThat(create(locked, "sa", "")).isFalse();
        assertThat(locked.resolveSibling("catalog.mv.db")).doesNotExist();
    }

    @Test
    void ofFourThreadsCreatingTheSameNewCatalogExactlyOneCopyWinsAndAllSucceed() throws Exception {
        // given
        Path database = dir.resolve("catalog");
        H2FileTarget target =
                H2FileTarget.check(url(database), "sa", "", null, dir).target();
        int threads = 4;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            // when
            List<Future<String>> created = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                created.add(pool.submit(() -> {
                    start.await();
                    return H2Template.create(target);
                }));
            }
            List<String> versions = new ArrayList<>();
            for (Future<String> one : created) {
                versions.add(one.get(60, TimeUnit.SECONDS));
            }

            // then
            assertThat(versions.stream().filter(Objects::nonNull)).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactly("catalog.mv.db");
        }
        assertThat(SchemaStatus.read(dataSource(database, "sa", "")).current()).isTrue();
    }

    @Test
    void aMissingOrStaleTemplateIsDroppedAndTheCatalogLeftToFlyway() throws Exception {
        // given: a template of an older build, migrated to V13 only
        Path older = dir.resolve("older/catalog-h2");
        JdbcDataSource olderSource = (JdbcDataSource) dataSource(older, "sa", "");
        CatalogMigrations.flyway(olderSource, "13").migrate();
        try (Connection connection = olderSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN COMPACT");
        }
        byte[] stale = Files.readAllBytes(older.resolveSibling("catalog-h2.mv.db"));
        Path database = dir.resolve("new/catalog");
        H2FileTarget target =
                H2FileTarget.check(url(database), "sa", "", null, dir).target();

        // when
        String fromStale = H2Template.create(target, () -> new ByteArrayInputStream(stale));
        String fromNothing = H2Template.create(target, () -> null);

        // then: no catalog, no scratch file; Flyway then migrates the new catalog as before
        assertThat(fromStale).isNull();
        assertThat(fromNothing).isNull();
        try (Stream<Path> files = Files.list(dir.resolve("new"))) {
            assertThat(files).isEmpty();
        }
        DataSource catalog = dataSource(database, "sa", "");
        assertThat(CatalogMigrations.migrateWhenBehind(catalog)).isGreaterThan(14);
        assertThat(SchemaStatus.read(catalog).current()).isTrue();
    }

    @Test
    void theSwitchOffLeavesANewCatalogToFlyway() {
        // given
        System.setProperty(H2Template.SWITCH, "false");
        Path database = dir.resolve("catalog");

        // when / then
        assertThat(create(database, "sa", "")).isFalse();
        assertThat(database.resolveSibling("catalog.mv.db")).doesNotExist();
    }

    @Test
    void aSwitchThatIsNeitherTrueNorFalseIsNamed() {
        System.setProperty(H2Template.SWITCH, "yes");

        assertThatThrownBy(() -> create(dir.resolve("catalog"), "sa", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dbt-catalog.store.h2-template must be true or false, was 'yes'");
    }

    private boolean create(Path database, String user, String password) {
        String url = url(database) + ";AUTO_SERVER=TRUE";
        return H2Template.createIfNew(url, url, user, password);
    }

    private static String url(Path database) {
        return H2TemplateIntegrationTests.url(database);
    }

    private static DataSource dataSource(Path database, String user, String password) {
        return H2TemplateIntegrationTests.dataSource(database, user, password);
    }
}
