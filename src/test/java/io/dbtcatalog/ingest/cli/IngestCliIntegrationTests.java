package io.dbtcatalog.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The {@code run} command end to end on the shipped sample project, an H2 file database and bad configurations. */
@ExtendWith(OutputCaptureExtension.class)
class IngestCliIntegrationTests {

    private static final Path SAMPLE = Path.of("samples/jaffle-shop").toAbsolutePath();

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void runIngestsTheSampleAndASecondRunReportsNothingChanged() throws IOException {
        // given
        Path config = config(localSource("jaffle-shop-sample", SAMPLE));

        // when
        int first = cli().execute("run", "--config", config.toString());
        String firstOutput = stdout();
        out.reset();
        int second = cli().execute("run", "--config", config.toString());

        // then
        assertThat(first).as(stderr()).isZero();
        assertThat(firstOutput)
                .contains("jaffle-shop-sample (local): OK")
                .contains("ingested")
                .contains("nodes   +");
        assertThat(second).isZero();
        assertThat(stdout()).contains("nothing changed").contains("already in the catalog");
    }

    @Test
    void forceReingestsTheSameRunWithoutChangingAnything() throws IOException {
        Path config = config(localSource("jaffle-shop-sample", SAMPLE));
        assertThat(cli().execute("run", "--config", config.toString())).isZero();
        out.reset();

        int code = cli().execute("run", "--config", config.toString(), "--force");

        assertThat(code).isZero();
        assertThat(stdout())
                .contains("ingested, nothing changed")
                .contains("nodes   +0 ~0 -0 =")
                .contains("(artifacts identical to those of the catalog state; not parsed again)");
    }

    @Test
    void forcedRunOfChangedArtifactsParsesThemAgain() throws IOException {
        // given: the catalog holds the sample, then one byte of its catalog.json changes (same dbt invocation)
        Path copy = dir.resolve("copy");
        copyFolder(SAMPLE, copy);
        Path config = config(localSource("jaffle-shop-sample", copy));
        assertThat(cli().execute("run", "--config", config.toString())).isZero();
        Path catalog = copy.resolve("catalog.json");
        Files.writeString(catalog, Files.readString(catalog) + "\n");
        out.reset();

        // when
        int code = cli().execute("run", "--config", config.toString(), "--force");

        // then: parsed and compared again (the trailing newline changes no row)
        assertThat(code).isZero();
        assertThat(stdout())
                .contains("ingested, nothing changed")
                .doesNotContain("not parsed again")
                .containsPattern("nodes   \\+0 ~0 -0 =[1-9]");
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }

    @Test
    void oneFailingSourceDoesNotStopTheOthersAndExitsWithOne() throws IOException {
        Path config = config(
                localSource("broken", dir.resolve("no-such-folder")) + localSource("jaffle-shop-sample", SAMPLE));

        int code = cli().execute("run", "--config", config.toString());

        assertThat(code).isEqualTo(IngestCli.FAILED);
        assertThat(stdout())
                .contains("broken (local): FAILED")
                .contains("no-such-folder")
                .contains("jaffle-shop-sample (local): OK");
    }

    @Test
    void sourceOptionIngestsOnlyThatSource() throws IOException {
        Path config = config(
                localSource("broken", dir.resolve("no-such-folder")) + localSource("jaffle-shop-sample", SAMPLE));

        int code = cli().execute("run", "--config", config.toString(), "--source", "jaffle-shop-sample");

        assertThat(code).isZero();
        assertThat(stdout()).doesNotContain("broken");
    }

    @Test
    void unknownSourceNameIsAUsageError() throws IOException {
        Path config = config(localSource("jaffle-shop-sample", SAMPLE));

        int code = cli().execute("run", "--config", config.toString(), "--source", "nope");

        assertThat(code).isEqualTo(IngestCli.USAGE);
        assertThat(stderr()).contains("no source named 'nope'").contains("jaffle-shop-sample");
    }

    @Test
    void missingRequiredKeyFailsAtStartUpNamingTheKey() throws IOException {
        Path config = config("""
                    - name: sample
                      kind: local
                """);

        int code = cli().execute("run", "--config", config.toString());

        assertThat(code).isEqualTo(IngestCli.USAGE);
        assertThat(stderr()).contains("ingestion.sources[0].path");
    }

    @Test
    void unknownKeyFailsAtStartUpNamingTheKey() throws IOException {
        Path config = config("""
                    - name: sample
                      kind: local
                      pth: samples/jaffle-shop
                """);

        int code = cli().execute("run", "--config", config.toString());

        assertThat(code).isEqualTo(IngestCli.USAGE);
        assertThat(stderr()).contains("ingestion.sources[0].pth");
    }

    @Test
    void invalidSourceKindFailsNamingTheKey() throws IOException {
        Path config = config("""
                    - name: sample
                      kind: ftp
                      path: x
                """);

        int code = cli().execute("run", "--config", config.toString());

        assertThat(code).isEqualTo(IngestCli.USAGE);
        assertThat(stderr()).contains("ingestion.sources[0].kind");
    }

    @Test
    void blankSourceNameFailsNamingTheKey() throws IOException {
        Path config = config("""
                    - name: ""
                      kind: local
                      path: x
                """);

        int code = cli().execute("run", "--config", config.toString());

        assertThat(code).isEqualTo(IngestCli.USAGE);
        assertThat(stderr()).contains("ingestion.sources[0].name");
    }

    @Test
    void missingConfigurationFileIsAUsageError() {
        int code = cli().execute("run", "--config", dir.resolve("absent.yaml").toString());

        assertThat(code).isEqualTo(IngestCli.USAGE);
        assertThat(stderr()).contains("configuration file not found").contains("absent.yaml");
    }

    @Test
    void unknownCommandAndOptionAreUsageErrors() {
        assertThat(cli().execute("frobnicate")).isEqualTo(IngestCli.USAGE);
        assertThat(cli().execute("run", "--verbose")).isEqualTo(IngestCli.USAGE);
        assertThat(stderr())
                .contains("unknown command 'frobnicate'")
                .contains("unknown option '--verbose'")
                .contains("usage:");
    }

    @Test
    void databasePasswordNeverAppearsInOutputOrLogs(CapturedOutput logs) throws IOException {
        String password = "pw-" + System.nanoTime();
        Path config = dir.resolve("secret.yaml");
        Files.writeString(
                config, """
                ingestion:
                  target:
                    url: jdbc:h2:file:%s
                    username: sa
                    password: %s
                  sources:
                %s""".formatted(dir.resolve("db/catalog"), password, localSource("jaffle-shop-sample", SAMPLE)));

        int code = cli().execute("run", "--config", config.toString());

        assertThat(code).as(stderr()).isZero();
        assertThat(stdout() + stderr() + logs.getAll()).doesNotContain(password);
    }

    private IngestCli cli() {
        return new IngestCli(
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path config(String sources) throws IOException {
        Path file = dir.resolve("ingestion-config.yaml");
        Files.writeString(file, """
                ingestion:
                  target:
                    url: jdbc:h2:file:%s
                    username: sa
                    password: ""
                  sources:
                %s""".formatted(dir.resolve("db/catalog"), sources));
        return file;
    }

    private static String localSource(String name, Path path) {
        return """
                    - name: %s
                      kind: local
                      path: %s
                """.formatted(name, path);
    }
}
