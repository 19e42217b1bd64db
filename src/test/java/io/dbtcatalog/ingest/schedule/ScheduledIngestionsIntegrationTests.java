package io.dbtcatalog.ingest.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbtcatalog.ingest.schedule.ScheduleContexts.Fire;
import io.dbtcatalog.ingest.source.dbtcloud.CloudHistory;
import io.dbtcatalog.ingest.store.CatalogStore;
import io.dbtcatalog.ingest.store.ProjectRef;
import io.dbtcatalog.ingest.support.CatalogDump;
import io.dbtcatalog.ingest.support.Polling;
import io.dbtcatalog.ingest.support.SampleRuns;
import io.dbtcatalog.ingest.support.TestConfigs;
import io.dbtcatalog.ingest.support.TestDatabases.Engine;
import io.dbtcatalog.ingest.support.TestDatabases.TestDatabase;
import io.dbtcatalog.ingest.support.TestRuns;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The scheduler against the dbt Cloud stand-in: two instances on one PostgreSQL database run every fire once and
 * ingest every run once; a slot missed while no scheduler ran fires once at start-up (in-memory and JDBC job
 * store); stopping waits for a running ingestion, but no longer than the shutdown timeout, and a fire Quartz hands
 * out as it stops runs nothing.
 */
@ExtendWith(OutputCaptureExtension.class)
class ScheduledIngestionsIntegrationTests {

    private static final String EVERY_SECOND = "  schedule: \"0/1 * * * * ?\"";

    @TempDir
    Path dir;

    @Test
    void twoSchedulersOnOnePostgresDatabaseRunEachFireOnceAndIngestEachRunOnce() throws Exception {
        try (TestDatabase db = Engine.POSTGRESQL.create();
                CloudHistory cloud = CloudHistory.start(dir, 1)) {
            // given two instances sharing the database and the configuration
            Path config = TestConfigs.write(dir.resolve("cfg"), db.jdbcUrl(), EVERY_SECOND, cloud.sourceYaml("cloud"));
            ConfigurableApplicationContext first = ScheduleContexts.start(config);
            ConfigurableApplicationContext second = ScheduleContexts.start(config);
            List<Fire> fires = new ArrayList<>();
            try {
                // when both run while new dbt Cloud runs appear
                List<Fire> firstFires = ScheduleContexts.startScheduler(first);
                List<Fire> secondFires = ScheduleContexts.startScheduler(second);
                Polling.await(
                        "both instances checked in",
                        Duration.ofSeconds(20),
                        () -> count(db.dataSource(), "SELECT COUNT(*) FROM qrtz_scheduler_state") == 2);
                for (int run = 1; run <= 3; run++) {
                    int ingested = run;
                    Polling.await(
                            ingested + " run(s) ingested",
                            Duration.ofSeconds(20),
                            () -> succeededRunKeys(db.dataSource()).size() >= ingested);
                    cloud.addRun();
                }
                Polling.await(
                        "the fourth run ingested",
                        Duration.ofSeconds(20),
                        () -> succeededRunKeys(db.dataSource()).size() >= 4);
                Polling.await("six fires", Duration.ofSeconds(20), () -> firstFires.size() + secondFires.size() >= 6);
                fires.addAll(firstFires);
                fires.addAll(secondFires);
            } finally {
                first.close();
                second.close();
            }

            // then no fire time ran twice, and every run was ingested exactly once
            assertThat(fires).extracting(Fire::scheduledAt).doesNotHaveDuplicates();
            assertThat(fires).extracting(Fire::failure).containsOnlyNulls();
            assertThat(succeededRunKeys(db.dataSource()))
                    .containsExactlyElementsOf(IntStream.range(0, 4)
                            .mapToObj(i -> Long.toString(CloudHistory.runId(i)))
                            .toList());
        }
    }

    @Test
    void aSlotMissedWhileNoSchedulerRanFiresOnceAtStartUpWithTheInMemoryStore() throws Exception {
        try (TestDatabase db = Engine.H2.create()) {
            // given a daily schedule whose slot passed an hour ago, and an ingestion that started two days ago
            String daily = dailyCronAt(ZonedDateTime.now(ZoneOffset.UTC).minusHours(1));
            Path config = TestConfigs.write(
                    dir.resolve("cfg"),
                    db.jdbcUrl(),
                    "  schedule: \"" + daily + "\"",
                    TestConfigs.localSource("shop", SampleRuns.SAMPLE, null));
            new CatalogStore(db.dataSource())
                    .recordFailure(
                            ProjectRef.local("shop"),
                            TestRuns.run("shop", "older-run", null, null, null, null),
                            Instant.now().minus(Duration.ofDays(2)),
                            "an old attempt");

            // when the scheduler starts
            try (ConfigurableApplicationContext context = ScheduleContexts.start(config)) {
                ScheduledIngestions scheduled = context.getBean(ScheduledIngestions.class);
                scheduled.start();

                // then it ingests once right away (not once per missed day) and next fires tomorrow
                assertRanOnceThenWaitsForTomorrow(context, db.dataSource(), "shop");
            }
        }
    }

    @Test
    void aStoredTriggerWhoseFireTimesPassedDuringDowntimeFiresOnceWhenASchedulerComesBack() throws Exception {
        try (TestDatabase db = Engine.POSTGRESQL.create();
                CloudHistory cloud = CloudHistory.start(dir, 1)) {
            // given a daily trigger stored in the JDBC job store by a scheduler that then stopped
            String daily = dailyCronAt(ZonedDateTime.now(ZoneOffset.UTC).minusHours(1));
            Path config = TestConfigs.write(
                    dir.resolve("cfg"), db.jdbcUrl(), "  schedule: \"" + daily + "\"", cloud.sourceYaml("cloud"));
            try (ConfigurableApplicationContext before = ScheduleContexts.start(config)) {
                before.getBean(ScheduledIngestions.class).start();
            }
            // and three daily fire times passed while no scheduler ran
            long threeDaysAgo = Instant.now().minus(Duration.ofDays(3)).toEpochMilli();
            CatalogDump.query(
                    db.dataSource(),
                    "UPDATE qrtz_triggers SET next_fire_time = ? RETURNING trigger_name",
                    threeDaysAgo);

            // when a scheduler comes back
            try (ConfigurableApplicationContext after = ScheduleContexts.start(config)) {
                ScheduledIngestions scheduled = after.getBean(ScheduledIngestions.class);
                scheduled.start();

                // then the misfire runs once, and the trigger goes on with tomorrow's slot
                assertRanOnceThenWaitsForTomorrow(after, db.dataSource(), "cloud");
            }
        }
    }

    @Test
    void stoppingLetsARunningIngestionFinish() throws Exception {
        try (TestDatabase db = Engine.H2.create();
                CloudHistory cloud = CloudHistory.start(dir, 1)) {
            // given an ingestion whose manifest download takes two seconds is running
            cloud.slowDownloads(Duration.ofSeconds(2));
            Path config = TestConfigs.write(dir.resolve("cfg"), db.jdbcUrl(), EVERY_SECOND, cloud.sourceYaml("cloud"));
            ConfigurableApplicationContext context = ScheduleContexts.start(config);
            ScheduledIngestions scheduled = context.getBean(ScheduledIngestions.class);
            scheduled.start();
            Polling.await(
                    "the download started",
                    Duration.ofSeconds(20),
                    () -> cloud.requestsTo("/artifacts/manifest.json") == 1);

            // when the application stops (what SIGTERM does)
            context.close();

            // then the ingestion finished before the scheduler went down, and nothing else fired
            assertThat(succeededRunKeys(db.dataSource())).containsExactly(Long.toString(CloudHistory.runId(0)));
            assertThat(scheduled.isRunning()).isFalse();
            assertThat(cloud.requestsTo("/artifacts/manifest.json")).isEqualTo(1);
        }
    }

    @Test
    void stoppingWaitsNoLongerThanTheShutdownTimeout() throws Exception {
        try (TestDatabase db = Engine.H2.create();
                CloudHistory cloud = CloudHistory.start(dir, 1)) {
            // given an ingestion that needs far longer than the one-second shutdown timeout
            cloud.slowDownloads(Duration.ofSeconds(6));
            Path config = TestConfigs.write(
                    dir.resolve("cfg"),
                    db.jdbcUrl(),
                    EVERY_SECOND + "\n  scheduler:\n    shutdown-timeout: 1s",
                    cloud.sourceYaml("cloud"));
            ConfigurableApplicationContext context = ScheduleContexts.start(config);
            ScheduledIngestions scheduled = context.getBean(ScheduledIngestions.class);
            scheduled.start();
            Polling.await(
                    "the download started",
                    Duration.ofSeconds(20),
                    () -> cloud.requestsTo("/artifacts/manifest.json") == 1);

            // when the application stops
            context.close();

            // then it stopped without the ingestion, which changed nothing in the catalog
            assertThat(scheduled.isRunning()).isFalse();
            assertThat(succeededRunKeys(db.dataSource())).isEmpty();
            assertThat(CatalogDump.of(db.dataSource()).rows("catalog_node")).isEmpty();

            // the abandoned ingestion fails once the stand-in is gone; let it end here, since Spring Batch's step
            // scope is JVM-wide and keyed by execution ids that another test's fresh database would reuse
            cloud.close();
            Polling.await(
                    "the abandoned ingestion's thread ended",
                    Duration.ofSeconds(30),
                    () -> Thread.getAllStackTraces().keySet().stream()
                            .noneMatch(thread -> thread.isAlive()
                                    && thread.getName().startsWith(QuartzSchedulers.NAME + "_Worker")));
        }
    }

    @Test
    void aFireHandedToAWorkerAsTheSchedulerStopsRunsNothing(CapturedOutput output) throws Exception {
        try (TestDatabase db = Engine.H2.create();
                CloudHistory cloud = CloudHistory.start(dir, 1)) {
            // given a fire that Quartz handed to a worker thread, held before the job starts
            Path config = TestConfigs.write(dir.resolve("cfg"), db.jdbcUrl(), EVERY_SECOND, cloud.sourceYaml("cloud"));
            ConfigurableApplicationContext context = ScheduleContexts.start(config);
            ScheduledIngestions scheduled = context.getBean(ScheduledIngestions.class);
            scheduled.start();
            HeldFire held = HeldFire.install(scheduled);
            held.awaitFired(Duration.ofSeconds(20));

            // when the application stops, and the held fire goes on afterwards
            context.close();
            int requests = cloud.requestsTo("/");
            List<String> ingested = succeededRunKeys(db.dataSource());
            held.releaseAndAwaitTheWorkers();

            // then it ran no ingestion: no request to dbt Cloud, nothing in the catalog, and the log says why
            assertThat(cloud.requestsTo("/")).isEqualTo(requests);
            assertThat(succeededRunKeys(db.dataSource())).isEqualTo(ingested);
            assertThat(output.getOut())
                    .contains("cloud: the scheduler is stopping; the fire of ")
                    .doesNotContain("scheduled ingestion FAILED");
        }
    }

    /**
     * One ingestion of {@code source} succeeds, no second one follows within 1.5 s (one launch in all, as the
     * ingestion meters count them), and the source's next fire time is tomorrow's slot.
     */
    private static void assertRanOnceThenWaitsForTomorrow(
            ConfigurableApplicationContext context, DataSource dataSource, String source) throws InterruptedException {
        ScheduledIngestions scheduled = context.getBean(ScheduledIngestions.class);
        Polling.await(
                "one ingestion of " + source,
                Duration.ofSeconds(20),
                () -> succeededRunKeys(dataSource).size() == 1);
        Thread.sleep(1500);
        assertThat(context.getBean(MeterRegistry.class)
                        .find("dbt.catalog.ingestions")
                        .tag("source", source)
                        .counters())
                .singleElement()
                .satisfies(counter -> assertThat(counter.count()).isEqualTo(1.0));
        assertThat(scheduled.nextFireTimes().get(source)).isAfter(Instant.now().plus(Duration.ofHours(22)));
    }

    /** A Quartz cron expression firing every day at the time of day of {@code at} (UTC, the default zone). */
    private static String dailyCronAt(ZonedDateTime at) {
        return at.getSecond() + " " + at.getMinute() + " " + at.getHour() + " * * ?";
    }

    private static List<String> succeededRunKeys(DataSource dataSource) {
        return CatalogDump.query(dataSource, "SELECT run_key FROM ingestion_run WHERE status = 'SUCCEEDED' ORDER BY id")
                .stream()
                .map(row -> (String) row.get("run_key"))
                .toList();
    }

    private static long count(DataSource dataSource, String sql) {
        return ((Number) CatalogDump.query(dataSource, sql)
                        .get(0)
                        .values()
                        .iterator()
                        .next())
                .longValue();
    }
}
