package io.dbtcatalog.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbtcatalog.ingest.source.dbtcloud.CloudHistory;
import io.dbtcatalog.ingest.support.CatalogDump;
import io.dbtcatalog.ingest.support.ChildJvm;
import io.dbtcatalog.ingest.support.Polling;
import io.dbtcatalog.ingest.support.SampleRuns;
import io.dbtcatalog.ingest.support.TestConfigs;
import io.dbtcatalog.ingest.support.TestDatabases.Engine;
import io.dbtcatalog.ingest.support.TestDatabases.TestDatabase;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code schedule} command: a short cron fires and ingests from the dbt Cloud stand-in, health and metrics are
 * served on the management port while it runs, an interrupt stops it with exit code 0, SIGTERM lets a running
 * ingestion finish before the process exits, and a configuration without any schedule is a usage error.
 */
class ScheduleCommandIntegrationTests {

    private static final String EVERY_SECOND = "  schedule: \"0/1 * * * * ?\"";

    @TempDir
    Path dir;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void shortCronFiresAndIngestsWhileHealthAndMetricsAreServedOnTheManagementPort() throws Exception {
        try (TestDatabase db = Engine.POSTGRESQL.create();
                CloudHistory cloud = CloudHistory.start(dir, 1)) {
            // given a source ingested every second whose first run listing answers 503 once
            cloud.failRunListing(1, 503);
            int port = freePort();
            Path config = TestConfigs.write(
                    dir.resolve("cfg"),
                    db.jdbcUrl(),
                    EVERY_SECOND + "\n  management:\n    port: " + port,
                    cloud.sourceYaml("cloud"));

            // when the command runs
            AtomicReference<CliRun> result = new AtomicReference<>();
            Thread command = new Thread(() -> result.set(CliRun.of("schedule", "--config", config)), "schedule-cli");
            command.start();
            Polling.await(
                    "the first scheduled ingestion",
                    Duration.ofSeconds(30),
                    () -> succeededRunKeys(db.dataSource()).size() == 1);

            // then health says UP with the source's last ingestion, and the metrics count it and the retry
            HttpResponse<String> health = get(port, "/actuator/health");
            assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
            JsonNode components = JsonMapper.shared().readTree(health.body()).path("components");
            assertThat(components.path("db").path("status").asString()).isEqualTo("UP");
            JsonNode source = components.path("ingestion").path("details").path("cloud");
            assertThat(source.path("state").asString()).isEqualTo("OK");
            assertThat(source.path("lastSuccess").path("runKey").asString())
                    .isEqualTo(Long.toString(CloudHistory.runId(0)));
            String metrics = get(port, "/actuator/prometheus").body();
            assertThat(metrics)
                    .contains("dbt_catalog_ingestions_total{outcome=\"success\",source=\"cloud\"}")
                    .contains("dbt_catalog_runs_total{source=\"cloud\",status=\"ingested\"} 1.0")
                    .contains("dbt_catalog_rows_written_total{source=\"cloud\"}")
                    .contains("dbt_catalog_ingestion_duration_seconds_count{source=\"cloud\"}")
                    .containsPattern("dbt_catalog_http_retries_total\\{host=\"[^\"]+\",reason=\"503\"} 1.0");

            // and when the command is interrupted it stops cleanly, and so does the management port
            command.interrupt();
            command.join(TimeUnit.SECONDS.toMillis(30));
            assertThat(command.isAlive()).isFalse();
            assertThat(result.get().code()).as(result.get().all()).isZero();
            assertThat(result.get().out())
                    .contains("scheduler started")
                    .contains("cloud: next ingestion ")
                    .contains("http://localhost:" + port + "/actuator/health");
            assertThatThrownBy(() -> get(port, "/actuator/health")).isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void sigtermLetsTheRunningIngestionFinishBeforeTheProcessExits() throws Exception {
        try (TestDatabase db = Engine.POSTGRESQL.create();
                CloudHistory cloud = CloudHistory.start(dir, 1)) {
            // given a schedule process whose ingestion is downloading a slow manifest
            cloud.slowDownloads(Duration.ofSeconds(3));
            Path config = TestConfigs.write(dir.resolve("cfg"), db.jdbcUrl(), EVERY_SECOND, cloud.sourceYaml("cloud"));
            Path log = dir.resolve("schedule.log");
            Process child = ChildJvm.start(log, "schedule", "--config", config.toString());
            Polling.await(
                    "the download started",
                    Duration.ofSeconds(60),
                    () -> !child.isAlive() || cloud.requestsTo("/artifacts/manifest.json") == 1);
            assertThat(child.isAlive()).as(ChildJvm.output(log)).isTrue();

            // when it gets SIGTERM
            child.destroy();

            // then it finished that ingestion, started no other, and exited
            assertThat(child.waitFor(60, TimeUnit.SECONDS))
                    .as(ChildJvm.output(log))
                    .isTrue();
            assertThat(succeededRunKeys(db.dataSource())).containsExactly(Long.toString(CloudHistory.runId(0)));
            assertThat(cloud.requestsTo("/artifacts/manifest.json")).isEqualTo(1);
            assertThat(ChildJvm.output(log))
                    .contains("waiting up to 120 s for 1 running ingestion(s) to finish")
                    .contains("scheduler dbt-catalog-ingest stopped");
        }
    }

    @Test
    void withoutAnyScheduleTheCommandIsAUsageError() {
        try (TestDatabase db = Engine.H2.create()) {
            // given
            Path config = TestConfigs.write(
                    dir.resolve("cfg"), db.jdbcUrl(), "", TestConfigs.localSource("shop", SampleRuns.SAMPLE, null));

            // when
            CliRun run = CliRun.of("schedule", "--config", config);

            // then
            assertThat(run.code()).isEqualTo(IngestCli.USAGE);
            assertThat(run.err())
                    .contains("no source is scheduled")
                    .contains("ingestion.schedule")
                    .contains("ingestion.sources[].schedule for shop");
        }
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static List<String> succeededRunKeys(DataSource dataSource) {
        return CatalogDump.query(dataSource, "SELECT run_key FROM ingestion_run WHERE status = 'SUCCEEDED' ORDER BY id")
                .stream()
                .map(row -> (String) row.get("run_key"))
                .toList();
    }
}
