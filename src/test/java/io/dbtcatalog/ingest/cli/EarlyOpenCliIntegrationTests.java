package io.dbtcatalog.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbtcatalog.ingest.store.H2EarlyOpen;
import io.dbtcatalog.ingest.support.SampleRuns;
import io.dbtcatalog.ingest.support.TestConfigs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The commands open an existing H2 file catalog while their application starts (decision 0037): the target is read
 * from the configuration as it stands then (placeholders resolved), and every command, whether it succeeds or fails
 * on a wrong password or a wrong key, leaves the catalog closed, unlocked and reported as before.
 */
class EarlyOpenCliIntegrationTests {

    private static final String PASSWORD = "pw-early-open-7c1e";

    @TempDir
    Path dir;

    @Test
    void everyCommandOnAnH2FileCatalogLeavesItClosedAndNoOpenerRunning() throws IOException {
        // given: a catalog on disk
        Path config = config(PASSWORD, "");
        CliRun first = CliRun.of("run", "--config", config);
        assertThat(first.code()).as(first.all()).isZero();

        for (List<String> command : List.of(
                List.of("status"),
                List.of("describe", "model.jaffle_shop.orders"),
                List.of("validate"),
                List.of("run"))) {
            // when
            CliRun run = CliRun.of(args(command, config));

            // then
            assertThat(run.code()).as(command + "\n" + run.all()).isZero();
            assertThat(lockFile()).as(command + " left the catalog open").doesNotExist();
            assertThat(Thread.getAllStackTraces().keySet())
                    .as(command + " left its opener running")
                    .noneMatch(thread -> thread.getName().equals("catalog-early-open"));
        }
    }

    @Test
    void aRunMigratesAnH2FileCatalogThatIsBehindWhileItIsOpenEarly() throws IOException {
        // given: a catalog on disk whose schema stops at V13, as one of an older build
        Path config = config(PASSWORD, "");
        Flyway.configure()
                .dataSource("jdbc:h2:file:" + dir.resolve("data/catalog") + ";AUTO_SERVER=TRUE", "sa", PASSWORD)
                .locations("classpath:db/migration", "classpath:db/migration-h2")
                .target("13")
                .load()
                .migrate();

        // when
        CliRun run = CliRun.of("run", "--config", config);
        CliRun status = CliRun.of("status", "--config", config);

        // then: migrated (status refuses a schema that is behind) and ingested, and the catalog left closed
        assertThat(run.code()).as(run.all()).isZero();
        assertThat(status.code()).as(status.all()).isZero();
        assertThat(status.out()).contains("jaffle-shop-sample (local): OK").contains("nodes +42 ~0 -0");
        assertThat(lockFile()).doesNotExist();
    }

    @Test
    void aWrongPasswordIsReportedAsBeforeAndNeverPrinted() throws IOException {
        // given
        CliRun first = CliRun.of("run", "--config", config(PASSWORD, ""));
        assertThat(first.code()).as(first.all()).isZero();
        String wrong = "wrong-" + PASSWORD;

        // when
        CliRun status = CliRun.of("status", "--config", config(wrong, ""));

        // then
        assertThat(status.code()).as(status.all()).isEqualTo(IngestCli.FAILED);
        assertThat(status.err()).contains("error: ").containsIgnoringCase("wrong user name or password");
        assertThat(status.all()).doesNotContain(wrong);
        assertThat(lockFile()).doesNotExist();
    }

    @Test
    void anUnknownKeyIsStillNamedWhileTheCatalogWasOpening() throws IOException {
        // given
        CliRun first = CliRun.of("run", "--config", config(PASSWORD, ""));
        assertThat(first.code()).as(first.all()).isZero();

        // when
        CliRun status = CliRun.of("status", "--config", config(PASSWORD, "  no-such-key: 1\n"));

        // then
        assertThat(status.code()).as(status.all()).isEqualTo(IngestCli.USAGE);
        assertThat(status.err()).contains("ingestion.no-such-key: unknown key");
        assertThat(lockFile()).doesNotExist();
    }

    @Test
    void theTargetIsReadWithItsPlaceholdersResolvedAndOnlyForAnExistingCatalog() throws IOException {
        // given: a catalog on disk, and an environment whose password comes from a placeholder
        CliRun first = CliRun.of("run", "--config", config(PASSWORD, ""));
        assertThat(first.code()).as(first.all()).isZero();
        StandardEnvironment environment = environment(Map.of(
                "ingestion.target.url",
                "jdbc:h2:file:" + dir.resolve("data/catalog"),
                "ingestion.target.username",
                "sa",
                "ingestion.target.password",
                "${CATALOG_PASSWORD}",
                "CATALOG_PASSWORD",
                PASSWORD));

        // when
        H2EarlyOpen early = ApplicationCommand.openEarly(environment);

        // then
        try {
            assertThat(early).isNotSameAs(H2EarlyOpen.NONE);
        } finally {
            early.close();
        }
        assertThat(lockFile()).doesNotExist();
        assertThat(ApplicationCommand.openEarly(environment(Map.of(
                        "ingestion.target.url",
                        "jdbc:h2:file:" + dir.resolve("missing/catalog"),
                        "ingestion.target.username",
                        "sa"))))
                .isSameAs(H2EarlyOpen.NONE);
        assertThat(dir.resolve("missing")).doesNotExist();
        assertThat(ApplicationCommand.openEarly(environment(Map.of("ingestion.target.username", "sa"))))
                .as("no URL")
                .isSameAs(H2EarlyOpen.NONE);
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }

    private static Object[] args(List<String> command, Path config) {
        List<Object> args = new java.util.ArrayList<>(command);
        args.add("--config");
        args.add(config);
        return args.toArray();
    }

    private Path lockFile() {
        return dir.resolve("data/catalog.lock.db");
    }

    private Path config(String password, String extras) {
        return TestConfigs.write(
                dir.resolve("config-" + Integer.toHexString((password + extras).hashCode())),
                "jdbc:h2:file:" + dir.resolve("data/catalog"),
                "sa",
                password,
                extras,
                TestConfigs.localSource("jaffle-shop-sample", SampleRuns.SAMPLE, null));
    }
}
