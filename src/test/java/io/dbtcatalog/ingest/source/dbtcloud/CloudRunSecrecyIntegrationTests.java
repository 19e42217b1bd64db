package io.dbtcatalog.ingest.source.dbtcloud;

import static io.dbtcatalog.ingest.source.dbtcloud.StandardAccount.ACCOUNT;
import static io.dbtcatalog.ingest.source.dbtcloud.StandardAccount.ANALYTICS;
import static io.dbtcatalog.ingest.source.dbtcloud.StandardAccount.DAILY_JOB;
import static io.dbtcatalog.ingest.source.dbtcloud.StandardAccount.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbtcatalog.ingest.cli.IngestCli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A full {@code run} of a dbt-cloud source against the stand-in with every logger at DEBUG: the token appears in
 * no output, log line or file; artifacts are downloaded into folders only the owner can read, and nothing is left
 * in the work folder afterwards. Also: a plain-http base URL that is not a loopback address fails start-up.
 */
@ExtendWith(OutputCaptureExtension.class)
class CloudRunSecrecyIntegrationTests {

    private static final List<String> DEBUG_LEVELS = List.of(
            "logging.level.root",
            "logging.level.io.dbtcatalog",
            "logging.level.okhttp3",
            "logging.level.org.springframework");

    @TempDir
    Path dir;

    private DbtCloudStandIn standIn;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws IOException {
        standIn = StandardAccount.start(Files.createDirectories(dir.resolve("scratch")));
        DEBUG_LEVELS.forEach(level -> System.setProperty(level, "DEBUG"));
    }

    @AfterEach
    void stop() {
        DEBUG_LEVELS.forEach(System::clearProperty);
        standIn.close();
    }

    @Test
    void tokenIsNeverLoggedAndDownloadsArePrivateAndRemoved(CapturedOutput output) throws IOException {
        // given: the permissions of the download folder are noted while the manifest is being served
        Path workDir = dir.resolve("work");
        List<String> folderPermissions = new CopyOnWriteArrayList<>();
        standIn.fault("/artifacts/manifest.json", 1, response -> {
            folderPermissions.addAll(permissionsUnder(workDir.resolve("cloud")));
            return response;
        });
        Path config = config(standIn.baseUrl().toString(), workDir);

        // when
        int code = cli().execute("run", "--config", config.toString());

        // then
        String everything = out.toString(StandardCharsets.UTF_8) + output.getAll() + filesUnder(dir);
        assertThat(code).as(everything).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("cloud (dbt-cloud): OK")
                .contains("ingested");
        assertThat(output.getAll()).contains("DEBUG").contains("GET /api/v2/accounts/" + ACCOUNT + "/runs/");
        assertThat(everything).doesNotContain(TOKEN).doesNotContain("StandIn-Secret");
        assertThat(folderPermissions).isNotEmpty().containsOnly("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(workDir.resolve("cloud"))))
                .isEqualTo("rwx------");
        try (Stream<Path> left = Files.list(workDir.resolve("cloud"))) {
            assertThat(left).as("download folders left behind").isEmpty();
        }
    }

    @Test
    void plainHttpBaseUrlOfARemoteHostFailsStartUpNamingTheKey() throws IOException {
        // given
        Path config = config("http://cloud.getdbt.com", dir.resolve("work"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        // when
        int code = new IngestCli(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8))
                .execute("run", "--config", config.toString());

        // then
        assertThat(code).isEqualTo(IngestCli.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("ingestion.sources[0].base-url: must be an https URL")
                .contains("was http://cloud.getdbt.com")
                .doesNotContain(TOKEN);
    }

    private IngestCli cli() {
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        return new IngestCli(print, print);
    }

    private Path config(String baseUrl, Path workDir) throws IOException {
        return Files.writeString(dir.resolve("ingestion-config.yaml"), """
                ingestion:
                  target:
                    url: jdbc:h2:file:%s
                    username: sa
                    password: ""
                  work-dir: %s
                  sources:
                    - name: cloud
                      kind: dbt-cloud
                      base-url: %s
                      account-id: %d
                      token: %s
                      project-id: %d
                      job-id: %d
                """.formatted(
                        dir.resolve("db/catalog"), workDir, baseUrl, ACCOUNT, TOKEN, ANALYTICS, DAILY_JOB));
    }

    private static List<String> permissionsUnder(Path folder) {
        try (Stream<Path> runs = Files.list(folder)) {
            return runs.map(run -> {
                        try {
                            return PosixFilePermissions.toString(Files.getPosixFilePermissions(run));
                        } catch (IOException e) {
                            return "unreadable: " + e.getMessage();
                        }
                    })
                    .toList();
        } catch (IOException e) {
            return List.of("unlistable: " + e.getMessage());
        }
    }

    /** The text of every file under {@code root} except the configuration and the database (binary). */
    private static String filesUnder(Path root) throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (!name.equals("ingestion-config.yaml") && !name.endsWith(".db")) {
                    text.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
                }
            }
        }
        return text.toString();
    }
}
