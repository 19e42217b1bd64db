package io.dbtcatalog.ingest.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening an existing embedded H2 catalog while the application starts: the database is open (a pool's connection
 * attaches to it), closing leaves it closed, and nothing is ever created, reported or kept open when the catalog is
 * missing, not an H2 file, refused, or the switch is off.
 */
class H2EarlyOpenIntegrationTests {

    private static final String USER = "catalog";
    private static final String PASSWORD = "s3cret-early-open";

    @TempDir
    Path dir;

    @AfterEach
    void switchBackOn() {
        System.clearProperty(H2EarlyOpen.SWITCH);
    }

    @Test
    void anExistingCatalogIsOpenWhileTheCommandRunsAndClosedAfterIt() throws Exception {
        // given
        Path database = existingCatalog();

        // when
        H2EarlyOpen early = H2EarlyOpen.start(url(database), USER, PASSWORD);
        awaitConnection(early);

        // then: a second connection (the pool's) attaches to the open database, beside the early one
        try (Connection pool = H2Template.connect(url(database), USER, PASSWORD)) {
            assertThat(sessions(pool)).isEqualTo(2);
            assertThat(count(pool, "SELECT COUNT(*) FROM \"probe\"")).isEqualTo(1);
        }
        early.close();
        assertThat(early.holdsConnection()).isFalse();
        assertThat(lockFile(database)).doesNotExist();
    }

    @Test
    void closingRightAfterStartingLeavesTheCatalogClosed() throws Exception {
        // given
        Path database = existingCatalog();

        // when: the command failed before it needed the catalog
        H2EarlyOpen early = H2EarlyOpen.start(url(database), USER, PASSWORD);
        early.close();

        // then: the open was awaited and undone; no connection and no lock remain
        assertThat(early).isNotSameAs(H2EarlyOpen.NONE);
        assertThat(early.holdsConnection()).isFalse();
        assertThat(lockFile(database)).doesNotExist();
    }

    @Test
    void aCatalogThatDoesNotExistIsNeverCreated() {
        Path database = dir.resolve("new/catalog");

        H2EarlyOpen early = H2EarlyOpen.start(url(database), USER, PASSWORD);
        early.close();

        assertThat(early).isSameAs(H2EarlyOpen.NONE);
        assertThat(database.getParent()).doesNotExist();
    }

    @Test
    void aWrongPasswordIsLeftToThePoolSilentlyAndKeepsNothingOpen() throws Exception {
        // given
        Path database = existingCatalog();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;

        // when
        try (PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            System.setErr(capture);
            H2EarlyOpen early = H2EarlyOpen.start(url(database), USER, "wrong-password");
            early.close();
            assertThat(early.holdsConnection()).isFalse();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }

        // then: nothing printed (the pool reports the refusal), nothing left open, the catalog still opens
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(lockFile(database)).doesNotExist();
        try (Connection connection = H2Template.connect(url(database), USER, PASSWORD)) {
            assertThat(count(connection, "SELECT COUNT(*) FROM \"probe\"")).isEqualTo(1);
        }
    }

    @Test
    void onlyAnEmbeddedH2FileIsOpenedEarly() throws Exception {
        existingCatalog();

        assertThat(Stream.of(
                                "jdbc:postgresql://localhost:5432/catalog",
                                "jdbc:h2:mem:catalog",
                                "jdbc:h2:tcp://localhost/" + dir.resolve("catalog"),
                                url(dir.resolve("catalog")) + ";MODE=PostgreSQL")
                        .map(url -> H2EarlyOpen.start(url, USER, PASSWORD)))
                .allMatch(early -> early == H2EarlyOpen.NONE);
    }

    @Test
    void theSwitchOffLeavesTheFirstOpenToThePool() throws Exception {
        Path database = existingCatalog();
        System.setProperty(H2EarlyOpen.SWITCH, "false");

        assertThat(H2EarlyOpen.start(url(database), USER, PASSWORD)).isSameAs(H2EarlyOpen.NONE);
        assertThat(lockFile(database)).doesNotExist();
    }

    @Test
    void aSwitchThatIsNeitherTrueNorFalseIsNamed() {
        System.setProperty(H2EarlyOpen.SWITCH, "soon");

        assertThatThrownBy(() -> H2EarlyOpen.start(url(dir.resolve("catalog")), USER, PASSWORD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dbt-catalog.store.h2-early-open must be true or false, was 'soon'");
    }

    @Test
    void itsDescriptionNeverShowsThePassword() throws Exception {
        Path database = existingCatalog();

        H2EarlyOpen early = H2EarlyOpen.start(url(database), USER, PASSWORD);
        try {
            assertThat(early.toString()).doesNotContain(PASSWORD).contains("catalog-early-open");
        } finally {
            early.close();
        }
    }

    /** A closed H2 file database with one table and one row, created by {@link #USER}. */
    private Path existingCatalog() throws SQLException {
        Path database = dir.resolve("catalog");
        try (Connection connection = H2Template.connect(url(database), USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE \"probe\" (\"id\" INT PRIMARY KEY)");
            statement.execute("INSERT INTO \"probe\" VALUES (1)");
        }
        assertThat(database.resolveSibling("catalog.mv.db")).isRegularFile();
        assertThat(lockFile(database)).doesNotExist();
        return database;
    }

    /** The URL the catalog's pool connects with: an H2 file URL gets {@code AUTO_SERVER=TRUE}. */
    private static String url(Path database) {
        return "jdbc:h2:file:" + database + ";AUTO_SERVER=TRUE";
    }

    private static Path lockFile(Path database) {
        return database.resolveSibling(database.getFileName() + ".lock.db");
    }

    private static void awaitConnection(H2EarlyOpen early) throws InterruptedException {
        for (int i = 0; i < 500 && !early.holdsConnection(); i++) {
            Thread.sleep(20);
        }
        assertThat(early.holdsConnection())
                .as("the early connection opened within 10 s")
                .isTrue();
    }

    private static long sessions(Connection connection) throws SQLException {
        return count(connection, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS");
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
