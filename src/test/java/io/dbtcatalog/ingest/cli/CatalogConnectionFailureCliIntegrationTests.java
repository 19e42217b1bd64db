package io.dbtcatalog.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbtcatalog.ingest.support.SampleRuns;
import io.dbtcatalog.ingest.support.TestConfigs;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A one-shot command whose catalog database cannot be connected to fails at its first attempt with the driver's
 * reason and the URL, never after the pool's 30-second wait with "Connection is not available", and never prints the
 * password.
 */
class CatalogConnectionFailureCliIntegrationTests {

    private static final String PASSWORD = "pw-unreachable-4b9d";

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"status", "run", "validate"})
    void anUnreachablePostgresqlCatalogFailsAtOnceNamingTheUrlAndTheRefusal(String command) throws IOException {
        // given: a port nothing listens on
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://localhost:" + port + "/catalog";

        // when
        CliRun run = CliRun.of(command, "--config", config(url, PASSWORD));

        // then
        assertThat(run.code()).as(run.all()).isEqualTo(IngestCli.FAILED);
        assertThat(run.err())
                .startsWith("error: cannot open or migrate the catalog database " + url + ": ")
                .contains("Connection to localhost:" + port + " refused")
                .doesNotContain("Connection is not available")
                .doesNotContain("Error creating bean");
        assertThat(run.all()).doesNotContain(PASSWORD);
    }

    @ParameterizedTest
    @ValueSource(strings = {"status", "run"})
    void aWrongH2PasswordFailsAtOnceWithH2sReason(String command) throws IOException {
        // given: a catalog created with another password
        String url = "jdbc:h2:file:" + dir.resolve("data/catalog");
        CliRun first = CliRun.of("run", "--config", config(url, PASSWORD));
        assertThat(first.code()).as(first.all()).isZero();
        String wrong = "not-" + PASSWORD;

        // when
        CliRun run = CliRun.of(command, "--config", config(url, wrong));

        // then
        assertThat(run.code()).as(run.all()).isEqualTo(IngestCli.FAILED);
        assertThat(run.err())
                .isEqualTo("error: cannot open or migrate the catalog database " + url
                        + ": Wrong user name or password [28000-240]\n");
        assertThat(run.all()).doesNotContain(wrong).doesNotContain(PASSWORD);
    }

    private Path config(String url, String password) {
        return TestConfigs.write(
                dir.resolve("config-" + Integer.toHexString((url + password).hashCode())),
                url,
                "sa",
                password,
                "",
                TestConfigs.localSource("jaffle-shop-sample", SampleRuns.SAMPLE, null));
    }
}
