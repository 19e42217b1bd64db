package io.dbtcatalog.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbtcatalog.ingest.source.dbtcloud.CloudHistory;
import io.dbtcatalog.ingest.support.CatalogDump;
import io.dbtcatalog.ingest.support.Polling;
import io.dbtcatalog.ingest.support.TestConfigs;
import io.dbtcatalog.ingest.support.TestDatabases.Engine;
import io.dbtcatalog.ingest.support.TestDatabases.TestDatabase;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A started {@code schedule} process with its webhook receiver on, fed by a real HTTP client and reading a dbt Cloud
 * stand-in, on PostgreSQL: a signed {@code job.run.completed} leads to that run in the ledger within seconds; repeated
 * deliveries, and a burst of 500 deliveries of 100 runs, ingest each run once; bad signatures, no signature,
 * malformed JSON, an oversized body and an unknown job are answered as specified and ingest nothing; an early
 * {@code errored} event is retried until the run's artifacts are there; the secret and the token appear in no log
 * line and no database row.
 */
class WebhookReceiverIntegrationTests {

    static final String SECRET = "whsec_Test-Webhook-Secret-91c2e7";
    private static final int BURST_RUNS = 100;
    private static final int DELIVERIES_EACH = 5;

    @TempDir
    Path dir;

    @Test
    void signedEventsIngestTheirRunOnceAndBadDeliveriesAreAnsweredAsSpecifiedAndIngestNothing() throws Exception {
        try (TestDatabase db = Engine.POSTGRESQL.create();
                CloudHistory cloud = CloudHistory.start(dir.resolve("cloud"), 0)) {
            // given a webhook-only schedule process (no cron) with health and metrics
            int port = Receiver.freePort();
            int management = Receiver.freePort();
            Path config = TestConfigs.write(
                    dir.resolve("cfg"),
                    db.jdbcUrl(),
                    Receiver.webhooksYaml(port) + "  management:\n    port: " + management,
                    cloud.sourceYaml("cloud") + "      accepted-statuses: [10, 20]\n" + Receiver.secretYaml());
            try (Receiver receiver = Receiver.start(config, port, SECRET, dir.resolve("schedule.log"))) {
                long first = cloud.addRun();
                byte[] completed = Events.completed(first, CloudHistory.JOB);

                // when bad deliveries arrive, then each is answered as specified
                assertThat(receiver.post(completed, "0".repeat(64)).statusCode())
                        .isEqualTo(401);
                assertThat(receiver.post(completed, null).statusCode()).isEqualTo(401);
                byte[] malformed = "{\"accountId\": 70001, \"eventType\": ".getBytes(StandardCharsets.UTF_8);
                HttpResponse<String> notJson = receiver.post(malformed, WebhookSignature.sign(SECRET, malformed));
                assertThat(notJson.statusCode()).isEqualTo(400);
                assertThat(notJson.body()).contains("not a dbt Cloud webhook event: the body is not JSON");
                byte[] oversized =
                        ("{\"padding\": \"" + "x".repeat(1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
                assertThat(receiver.post(oversized, WebhookSignature.sign(SECRET, oversized))
                                .statusCode())
                        .isEqualTo(413);
                byte[] unknownJob = Events.completed(first, 4242);
                HttpResponse<String> ignored = receiver.post(unknownJob, WebhookSignature.sign(SECRET, unknownJob));
                assertThat(ignored.statusCode()).isEqualTo(200);
                assertThat(ignored.body()).contains("\"outcome\":\"ignored\"");

                // when the signed completed event arrives five times
                Instant sent = Instant.now();
                List<Integer> statuses = new ArrayList<>();
                for (int i = 0; i < DELIVERIES_EACH; i++) {
                    statuses.add(receiver.post(completed, WebhookSignature.sign(SECRET, completed))
                            .statusCode());
                }

                // then the first is queued, the others are answered 200, and the run is in the ledger within
                // seconds
                assertThat(statuses).containsExactly(202, 200, 200, 200, 200);
                Polling.await("run " + first + " in the ledger", Duration.ofSeconds(20), () -> succeeded(db)
                        .contains(Long.toString(first)));
                assertThat(Duration.between(sent, Instant.now())).isLessThan(Duration.ofSeconds(20));
                assertThat(ledgerRows(db.dataSource()))
                        .as("bad deliveries ingested nothing")
                        .isEqualTo(1);

                // when an errored event arrives before its run's artifacts, which are saved a little later
                long early = cloud.addRunWithoutArtifactsYet();
                byte[] errored = Events.errored(early, CloudHistory.JOB);
                assertThat(receiver.post(errored, WebhookSignature.sign(SECRET, errored))
                                .statusCode())
                        .isEqualTo(202);
                Polling.await("the first retry", Duration.ofSeconds(20), () -> receiver.output()
                        .contains("run " + early + " is not ready to ingest yet"));
                cloud.saveArtifacts(early);

                // then a retry ingests it
                Polling.await("run " + early + " in the ledger", Duration.ofSeconds(30), () -> succeeded(db)
                        .contains(Long.toString(early)));

                // when 100 runs are delivered five times each, shuffled, 16 at a time
                List<Long> burst = new ArrayList<>();
                for (int i = 0; i < BURST_RUNS; i++) {
                    burst.add(cloud.addRun());
                }
                List<Integer> burstStatuses = deliver(receiver, burst);

                // then every delivery was answered 2xx, each run queued once and ingested exactly once
                assertThat(burstStatuses).hasSize(BURST_RUNS * DELIVERIES_EACH).allMatch(s -> s == 200 || s == 202);
                assertThat(burstStatuses.stream().filter(s -> s == 202))
                        .as(() -> "one queued answer per run; the receiver's queue and failure lines:\n"
                                + receiver.output()
                                        .lines()
                                        .filter(line -> line.contains(" queued")
                                                || line.contains("failed")
                                                || line.contains("busy"))
                                        .filter(line -> !line.contains("already queued"))
                                        .collect(Collectors.joining("\n")))
                        .hasSize(BURST_RUNS);
                Polling.await(
                        "every run of the burst in the ledger",
                        Duration.ofSeconds(120),
                        () -> succeeded(db).size() == BURST_RUNS + 2);
                assertThat(succeeded(db)).doesNotHaveDuplicates();
                assertThat(ledgerRows(db.dataSource())).isEqualTo(BURST_RUNS + 2);

                // and health and metrics tell what happened
                String metrics =
                        Receiver.get(management, "/actuator/prometheus").body();
                assertThat(metrics)
                        .contains("dbt_catalog_webhook_events_rejected_total{reason=\"signature-invalid\"} 1.0")
                        .contains("dbt_catalog_webhook_events_rejected_total{reason=\"signature-missing\"} 1.0")
                        .contains("dbt_catalog_webhook_events_rejected_total{reason=\"malformed\"} 1.0")
                        .contains("dbt_catalog_webhook_events_rejected_total{reason=\"too-large\"} 1.0")
                        .contains("dbt_catalog_webhook_events_ignored_total{reason=\"unmatched\"} 1.0")
                        .contains("dbt_catalog_webhook_ingestions_triggered_total{source=\"cloud\"} " + (BURST_RUNS + 2)
                                + ".0")
                        .contains("dbt_catalog_webhook_events_received_total "
                                + (5 + DELIVERIES_EACH + 1 + BURST_RUNS * DELIVERIES_EACH) + ".0");
                JsonNode webhooks = JsonMapper.shared()
                        .readTree(Receiver.get(management, "/actuator/health").body())
                        .path("components")
                        .path("webhooks");
                assertThat(webhooks.path("status").asString()).isEqualTo("UP");
                assertThat(webhooks.path("details").path("ingestions.triggered").asLong())
                        .isEqualTo(BURST_RUNS + 2);

                // and the secret and the token are in no log line and no database row
                String output = receiver.stop();
                assertThat(output).contains("webhook receiver stopped").contains("DEBUG");
                String everyRow = CatalogDump.of(db.dataSource(), table -> true).toString();
                for (String secret : List.of(SECRET, CloudHistory.TOKEN)) {
                    assertThat(output).doesNotContain(secret);
                    assertThat(everyRow).doesNotContain(secret);
                }
            }
        }
    }

    @Test
    void twoInstancesOnOnePostgresqlWithAPollRacingTheWebhooksIngestEachRunOnce() throws Exception {
        try (TestDatabase db = Engine.POSTGRESQL.create();
                CloudHistory cloud = CloudHistory.start(dir.resolve("cloud"), 0)) {
            // given two schedule processes on one catalog, each also polling every two seconds
            int portA = Receiver.freePort();
            int portB = Receiver.freePort();
            String source = cloud.sourceYaml("cloud") + Receiver.secretYaml();
            String poll = "  schedule: \"0/2 * * * * ?\"\n";
            Path configA =
                    TestConfigs.write(dir.resolve("a"), db.jdbcUrl(), poll + Receiver.webhooksYaml(portA), source);
            Path configB =
                    TestConfigs.write(dir.resolve("b"), db.jdbcUrl(), poll + Receiver.webhooksYaml(portB), source);
            try (Receiver a = Receiver.start(configA, portA, SECRET, dir.resolve("a.log"));
                    Receiver b = Receiver.start(configB, portB, SECRET, dir.resolve("b.log"))) {
                List<Long> runs = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    runs.add(cloud.addRun());
                }

                // when every run is delivered five times to each instance, at the same time
                List<CompletableFuture<List<Integer>>> both = List.of(
                        CompletableFuture.supplyAsync(() -> deliverQuietly(a, runs)),
                        CompletableFuture.supplyAsync(() -> deliverQuietly(b, runs)));
                List<Integer> statuses = new ArrayList<>();
                both.forEach(answers -> statuses.addAll(answers.join()));

                // then every delivery got a 2xx, each run was queued at most once across both, and ingested once
                assertThat(statuses).hasSize(2 * runs.size() * DELIVERIES_EACH).allMatch(s -> s == 200 || s == 202);
                assertThat(statuses.stream().filter(s -> s == 202).count()).isLessThanOrEqualTo(runs.size());
                Polling.await(
                        "every run in the ledger",
                        Duration.ofSeconds(60),
                        () -> succeeded(db).size() == runs.size());
                Thread.sleep(3000); // a few more polls and any late webhook job
                assertThat(succeeded(db))
                        .doesNotHaveDuplicates()
                        .containsExactlyInAnyOrderElementsOf(
                                runs.stream().map(String::valueOf).toList());
                assertThat(ledgerRows(db.dataSource())).isEqualTo(runs.size());
                String logs = a.stop() + b.stop();
                assertThat(logs).doesNotContain(SECRET).doesNotContain(CloudHistory.TOKEN);
            }
        }
    }

    private static List<Integer> deliverQuietly(Receiver receiver, List<Long> runs) {
        try {
            return deliver(receiver, runs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Each run {@link #DELIVERIES_EACH} times, in a random order, at most 16 deliveries in flight. */
    static List<Integer> deliver(Receiver receiver, List<Long> runs) throws InterruptedException {
        List<byte[]> bodies = new ArrayList<>();
        for (long run : runs) {
            for (int i = 0; i < DELIVERIES_EACH; i++) {
                bodies.add(Events.completed(run, CloudHistory.JOB));
            }
        }
        Collections.shuffle(bodies, new Random(14));
        Semaphore inFlight = new Semaphore(16);
        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        for (byte[] body : bodies) {
            inFlight.acquire();
            answers.add(receiver.postAsync(body, WebhookSignature.sign(SECRET, body))
                    .thenApply(HttpResponse::statusCode)
                    .whenComplete((status, failure) -> inFlight.release()));
        }
        return answers.stream().map(CompletableFuture::join).toList();
    }

    static List<String> succeeded(TestDatabase db) {
        return CatalogDump.query(db.dataSource(), "SELECT run_key FROM ingestion_run WHERE status = 'SUCCEEDED'")
                .stream()
                .map(row -> (String) row.get("run_key"))
                .toList();
    }

    static long ledgerRows(DataSource dataSource) {
        return ((Number) CatalogDump.query(dataSource, "SELECT COUNT(*) AS n FROM ingestion_run")
                        .get(0)
                        .get("n"))
                .longValue();
    }

    /** Signed-to-be bodies of the stand-in's account, project and environment. */
    static final class Events {
        private Events() {}

        static byte[] completed(long run, long job) {
            return TestEvents.event(
                    "job.run.completed",
                    CloudHistory.ACCOUNT,
                    CloudHistory.PROJECT,
                    job,
                    CloudHistory.ENVIRONMENT,
                    run,
                    10);
        }

        static byte[] errored(long run, long job) {
            return TestEvents.event(
                    "job.run.errored",
                    CloudHistory.ACCOUNT,
                    CloudHistory.PROJECT,
                    job,
                    CloudHistory.ENVIRONMENT,
                    run,
                    20);
        }
    }
}
