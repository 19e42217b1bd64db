package io.dbtcatalog.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbtcatalog.ingest.support.SampleRuns;
import io.dbtcatalog.ingest.support.TestConfigs;
import io.dbtcatalog.ingest.support.TestDatabases.Engine;
import io.dbtcatalog.ingest.support.TestDatabases.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code status} tells the truth with nothing ingested, after a success, after a failure and after recovery. */
class StatusIntegrationTests {

    private static final String SAMPLE_RUN = "5d0c7a3e-8f1b-4c2a-9e6d-2b7f4a91c3e8";

    @TempDir
    Path dir;

    private TestDatabase db;
    private Path config;
    private Path flaky;

    @BeforeEach
    void configure() {
        db = Engine.H2.create();
        flaky = dir.resolve("flaky-target");
        config = TestConfigs.write(
                dir.resolve("cfg"),
                db.jdbcUrl(),
                "  schedule: \"0 0 6 * * ?\"",
                TestConfigs.localSource("shop", SampleRuns.SAMPLE, null) + TestConfigs.localSource("flaky", flaky, null)
                        + "      schedule: \"0 30 * * * ?\"\n");
    }

    @AfterEach
    void drop() {
        db.close();
    }

    @Test
    void withNothingIngestedEverySourceSaysSoAndExitsZero() {
        // when
        CliRun human = CliRun.of("status", "--config", config);
        CliRun json = CliRun.of("status", "--config", config, "--json");

        // then
        assertThat(human.code()).as(human.all()).isZero();
        assertThat(human.out())
                .contains("shop (local): nothing ingested yet")
                .contains("last success  none")
                .contains("last failure  none")
                .contains("schedule      0 0 6 * * ?, next ")
                .contains("schedule      0 30 * * * ?, next ");
        assertThat(json.code()).isZero();
        JsonNode shop = source(json, "shop");
        assertThat(shop.path("state").asString()).isEqualTo("NEVER_INGESTED");
        assertThat(shop.path("lastSuccess").isNull()).isTrue();
        assertThat(Instant.parse(shop.path("nextFireTime").asString())).isAfter(Instant.now());
    }

    @Test
    void afterASuccessAndAFailureStatusShowsBothAndExitsOne() {
        // given shop ingests, flaky's folder does not exist
        assertThat(CliRun.of("run", "--config", config).code()).isEqualTo(IngestCli.FAILED);

        // when
        CliRun human = CliRun.of("status", "--config", config);
        CliRun json = CliRun.of("status", "--config", config, "--json");

        // then
        assertThat(human.code()).isEqualTo(IngestCli.FAILED);
        assertThat(human.out())
                .contains("shop (local): OK")
                .contains("last success  run " + SAMPLE_RUN)
                .contains("nodes +42 ~0 -0")
                .contains("flaky (local): FAILING")
                .contains("flaky-target");
        assertThat(json.code()).isEqualTo(IngestCli.FAILED);
        JsonNode shop = source(json, "shop");
        assertThat(shop.path("state").asString()).isEqualTo("OK");
        assertThat(shop.path("lastSuccess").path("runKey").asString()).isEqualTo(SAMPLE_RUN);
        assertThat(shop.path("lastSuccess").path("nodes").path("added").asInt()).isEqualTo(42);
        assertThat(shop.path("lastSuccess").path("generatedAt").asString()).isEqualTo("2025-07-14T06:00:04.873112Z");
        JsonNode flakySource = source(json, "flaky");
        assertThat(flakySource.path("state").asString()).isEqualTo("FAILING");
        assertThat(flakySource.path("lastFailure").path("message").asString()).contains("flaky-target");
        assertThat(flakySource.path("schedule").asString()).isEqualTo("0 30 * * * ?");
    }

    @Test
    void aSuccessAfterAFailureMakesTheSourceOkAgainWithTheFailureStillShown() throws IOException {
        // given flaky fails once, then its folder appears and it ingests
        assertThat(CliRun.of("run", "--config", config, "--source", "flaky").code())
                .isEqualTo(IngestCli.FAILED);
        Files.createDirectories(flaky);
        Files.copy(SampleRuns.SAMPLE.resolve("manifest.json"), flaky.resolve("manifest.json"));
        assertThat(CliRun.of("run", "--config", config, "--source", "flaky").code())
                .isZero();

        // when
        CliRun status = CliRun.of("status", "--config", config);

        // then
        assertThat(status.code()).as(status.all()).isZero();
        assertThat(status.out()).contains("flaky (local): OK").contains("last failure  run (run selection) at ");
    }

    @Test
    void invalidCronExpressionFailsAtStartUpNamingTheKey() {
        // given
        Path bad = TestConfigs.write(
                dir.resolve("bad"),
                db.jdbcUrl(),
                "  schedule: \"every day\"",
                TestConfigs.localSource("shop", SampleRuns.SAMPLE, null) + "      schedule: \"0 0 25 * * ?\"\n");

        // when
        CliRun status = CliRun.of("status", "--config", bad);

        // then
        assertThat(status.code()).isEqualTo(IngestCli.USAGE);
        assertThat(status.err())
                .contains("ingestion.schedule: 'every day' is not a Quartz cron expression")
                .contains("ingestion.sources[0].schedule: '0 0 25 * * ?'");
    }

    private static JsonNode source(CliRun run, String name) {
        for (JsonNode source : JsonMapper.shared().readTree(run.out()).path("sources")) {
            if (source.path("source").asString().equals(name)) {
                return source;
            }
        }
        throw new AssertionError("no source " + name + " in " + run.out());
    }
}
