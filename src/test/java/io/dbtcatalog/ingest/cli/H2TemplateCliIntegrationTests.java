package io.dbtcatalog.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbtcatalog.ingest.store.H2Template;
import io.dbtcatalog.ingest.support.CatalogDump;
import io.dbtcatalog.ingest.support.SampleRuns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A first {@code run} into a new H2 file catalog creates it from the packaged template (decision 0024): with a user
 * and password of its own, the catalog is that user's, {@code run} ingests and {@code status} reads it, and the
 * password is never printed; with the switch off, Flyway creates it as before.
 */
@ExtendWith(OutputCaptureExtension.class)
class H2TemplateCliIntegrationTests {

    private static final String SAMPLE_RUN = "5d0c7a3e-8f1b-4c2a-9e6d-2b7f4a91c3e8";
    private static final String USER = "catalog_owner";

    @TempDir
    Path dir;

    @AfterEach
    void switchBackOn() {
        System.clearProperty(H2Template.SWITCH);
    }

    @Test
    void aNewCatalogWithItsOwnUserIsCopiedFromTheTemplateAndServesRunAndStatus(CapturedOutput logs) throws IOException {
        // given
        String password = "pw-" + System.nanoTime();
        Path config = config(password);

        // when
        CliRun run = CliRun.of("run", "--config", config);
        CliRun status = CliRun.of("status", "--config", config);

        // then
        assertThat(run.code()).as(run.all()).isZero();
        assertThat(run.out()).contains("nodes   +42 ~0 -0 =0");
        assertThat(status.code()).as(status.all()).isZero();
        assertThat(status.out()).contains("last success  run " + SAMPLE_RUN);
        assertThat(logs.getAll())
                .contains("created the catalog database jdbc:h2:file:" + dir.resolve("data/catalog")
                        + " from the packaged schema V14.1");
        assertThat(run.all() + status.all() + logs.getAll()).doesNotContain(password);
        DataSource catalog = catalog(password);
        assertThat(CatalogDump.query(catalog, "SELECT user_name FROM information_schema.users"))
                .containsExactly(Map.of("user_name", "CATALOG_OWNER"));
        assertThat(CatalogDump.query(catalog, """
                        SELECT COUNT(DISTINCT "installed_on") AS times, MIN("installed_by") AS first_by,
                               MAX("installed_by") AS last_by
                        FROM "flyway_schema_history"
                        """))
                .as("one copy, dated at once, by the configured user")
                .containsExactly(Map.of("times", 1L, "first_by", "CATALOG_OWNER", "last_by", "CATALOG_OWNER"));
    }

    @Test
    void withTheSwitchOffFlywayCreatesTheCatalogAsBefore(CapturedOutput logs) throws IOException {
        // given
        System.setProperty(H2Template.SWITCH, "false");
        String password = "pw-" + System.nanoTime();
        Path config = config(password);

        // when
        CliRun run = CliRun.of("run", "--config", config);
        CliRun status = CliRun.of("status", "--config", config);

        // then
        assertThat(run.code()).as(run.all()).isZero();
        assertThat(status.code()).as(status.all()).isZero();
        assertThat(logs.getAll()).doesNotContain("from the packaged schema");
        List<Map<String, Object>> times = CatalogDump.query(
                catalog(password), "SELECT COUNT(DISTINCT \"installed_on\") AS times FROM \"flyway_schema_history\"");
        assertThat((Long) times.get(0).get("times"))
                .as("one time per migration")
                .isGreaterThan(1L);
    }

    private Path config(String password) throws IOException {
        Path file = dir.resolve("ingestion-config.yaml");
        Files.writeString(file, """
                ingestion:
                  target:
                    url: jdbc:h2:file:%s
                    username: %s
                    password: %s
                  work-dir: %s
                  sources:
                    - name: jaffle-shop-sample
                      kind: local
                      path: %s
                """.formatted(
                        dir.resolve("data/catalog"), USER, password, dir.resolve("work"), SampleRuns.SAMPLE));
        return file;
    }

    private DataSource catalog(String password) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + dir.resolve("data/catalog") + ";AUTO_SERVER=TRUE");
        dataSource.setUser(USER);
        dataSource.setPassword(password);
        return dataSource;
    }
}
