package io.dbtcatalog.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbtcatalog.ingest.cli.IngestCli;
import io.dbtcatalog.ingest.support.CatalogDump;
import io.dbtcatalog.ingest.support.ChildIngestion;
import io.dbtcatalog.ingest.support.IngestionApp;
import io.dbtcatalog.ingest.support.SampleRuns;
import io.dbtcatalog.ingest.support.TargetFolder;
import io.dbtcatalog.ingest.support.TestConfigs;
import io.dbtcatalog.ingest.support.TestDatabases.Engine;
import io.dbtcatalog.ingest.support.TestDatabases.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/**
 * Whole processes against one catalog: a {@code run} killed with {@code kill -9} in the middle of its publish
 * (PostgreSQL and an H2 file), a {@code backfill} killed in the middle of publishing its second run (PostgreSQL),
 * and two {@code run}s of the same source at once, where the second either reports
 * the project busy after {@code ingestion.lock-timeout} (H2 file shared through AUTO_SERVER) or waits and then skips
 * the run the first one ingested (PostgreSQL). The first process is a child JVM held mid-publish by
 * {@link io.dbtcatalog.ingest.support.PublishPause}; the other runs in this JVM through {@link IngestCli}.
 */
class ProcessFaultTests {

    private static final String SOURCE = "shop";
    private static final Path SAMPLE = Path.of("samples/jaffle-shop").toAbsolutePath();
    private static final String ORDERS = "model.jaffle_shop.orders";
    /** Test results in one run of the sample. */
    private static final long TEST_RESULTS = 25;

    @TempDir
    Path dir;

    private TargetFolder folder;

    @BeforeEach
    void copySample() {
        folder = TargetFolder.copyOf(SAMPLE, dir.resolve("target"));
    }

    @Test
    void runKilledMidPublishOnPostgresLeavesTheCatalogAsBeforeAndTheNextRunSucceeds() {
        try (TestDatabase db = Engine.POSTGRESQL.create()) {
            killedMidPublishLeavesTheCatalogAsBefore(db.jdbcUrl(), db.dataSource());
        }
    }

    @Test
    void runKilledMidPublishOnAnH2FileLeavesTheCatalogAsBeforeAndTheNextRunSucceeds() {
        String url = "jdbc:h2:file:" + dir.resolve("db/catalog");
        killedMidPublishLeavesTheCatalogAsBefore(url, h2(url));
    }

    @Test
    void secondRunOfTheSameSourceReportsTheProjectBusyAndNoRowIsDoubled() {
        // given: run A ingested; a child JVM holds the project lock in the middle of publishing run B
        String url = "jdbc:h2:file:" + dir.resolve("db/catalog");
        Path config = IngestionApp.config(dir.resolve("first"), url, Map.of(SOURCE, folder.path()), "");
        Path impatient =
                IngestionApp.config(dir.resolve("second"), url, Map.of(SOURCE, folder.path()), "  lock-timeout: 1s\n");
        assertThat(runInProcess("run", "--config", config.toString()).code()).isZero();
        String runB = nextRun();
        try (ChildIngestion first = ChildIngestion.start(dir.resolve("child"), "run", "--config", config.toString())) {
            first.awaitPaused();
            CatalogDump before = CatalogDump.of(h2(url));

            // when: a second run of the same source starts (in this JVM, through the child's H2 server)
            Result second = runInProcess("run", "--config", impatient.toString());
            CatalogDump afterSecond = CatalogDump.of(h2(url));
            first.release();

            // then: the second reports the project busy; the first completes
            assertThat(second.code()).as(second.out()).isEqualTo(IngestCli.FAILED);
            assertThat(second.out())
                    .contains("FAILED")
                    .contains("the project is busy")
                    .contains("within 1 s (ingestion.lock-timeout)")
                    .contains("nothing was written");
            assertThat(before.differences(afterSecond)).isEmpty();
            assertThat(first.exitCode()).as(first.output()).isZero();
        }
        DataSource catalog = h2(url);
        assertThat(ledgerOf(catalog, runB)).containsExactlyInAnyOrder("FAILED", "SUCCEEDED");
        assertThat(testResultsOf(catalog, runB)).isEqualTo(TEST_RESULTS);
        Result next = runInProcess("run", "--config", config.toString());
        assertThat(next.code()).isZero();
        assertThat(next.out()).contains("already in the catalog");
    }

    @Test
    void secondRunOfTheSameSourceWaitsForTheFirstAndSkipsTheRunItIngested() throws Exception {
        try (TestDatabase db = Engine.POSTGRESQL.create()) {
            // given: run A ingested; a child JVM holds the project lock in the middle of publishing run B
            Path config = IngestionApp.config(dir.resolve("first"), db.jdbcUrl(), Map.of(SOURCE, folder.path()), "");
            assertThat(runInProcess("run", "--config", config.toString()).code())
                    .isZero();
            String runB = nextRun();
            try (ChildIngestion first =
                    ChildIngestion.start(dir.resolve("child"), "run", "--config", config.toString())) {
                first.awaitPaused();

                // when: a second run starts, waits for the lock, and the first one finishes
                CompletableFuture<Result> second =
                        CompletableFuture.supplyAsync(() -> runInProcess("run", "--config", config.toString()));
                awaitLockWait(db.dataSource());
                first.release();

                // then: the second skipped the run the first ingested
                assertThat(first.exitCode()).as(first.output()).isZero();
                Result result = second.get(2, TimeUnit.MINUTES);
                assertThat(result.code()).as(result.out()).isZero();
                assertThat(result.out()).contains("was ingested by another ingestion while this one waited");
            }
            assertThat(ledgerOf(db.dataSource(), runB)).containsExactly("SUCCEEDED");
            assertThat(testResultsOf(db.dataSource(), runB)).isEqualTo(TEST_RESULTS);
        }
    }

    @Test
    void backfillKilledMidPublishKeepsTheRunsBeforeItAndResumesToTheEnd() {
        try (TestDatabase db = Engine.POSTGRESQL.create()) {
            // given: three archived invocations of the sample, and the current one in the target folder
            Path history = dir.resolve("history");
            for (int i = 1; i <= 3; i++) {
                SampleRuns.write(
                        history.resolve("run-" + i),
                        SampleRuns.invocationId(i),
                        Instant.parse("2025-07-0" + i + "T06:00:00Z"),
                        "manifest.json",
                        "run_results.json");
            }
            Path config = TestConfigs.write(
                    dir.resolve("cfg"), db.jdbcUrl(), "", TestConfigs.localSource(SOURCE, folder.path(), history));
            String[] backfill = {"backfill", "--config", config.toString(), "--source", SOURCE, "--since", "2025-07-01"
            };
            CatalogDump before;

            // when: the backfill is killed in the middle of publishing its second run
            try (ChildIngestion child = ChildIngestion.start(dir.resolve("child"), 2, backfill)) {
                child.awaitPaused();
                before = CatalogDump.of(db.dataSource());
                child.kill();
            }

            // then: the first run is in, nothing of the second; the same backfill started again ends the job
            assertThat(before.differences(CatalogDump.of(db.dataSource()))).isEmpty();
            assertThat(succeededRuns(db.dataSource())).containsExactly(SampleRuns.invocationId(1));
            Result resumed = runInProcess(backfill);
            assertThat(resumed.code()).as(resumed.out()).isZero();
            assertThat(resumed.out()).contains("3 ingested, 1 already in the catalog");
            assertThat(succeededRuns(db.dataSource()))
                    .containsExactly(
                            SampleRuns.invocationId(1),
                            SampleRuns.invocationId(2),
                            SampleRuns.invocationId(3),
                            folder.invocationId());
            for (String run : succeededRuns(db.dataSource())) {
                assertThat(testResultsOf(db.dataSource(), run)).isEqualTo(TEST_RESULTS);
            }
        }
    }

    private void killedMidPublishLeavesTheCatalogAsBefore(String url, DataSource catalog) {
        // given: run A ingested, run B in the folder
        Path config = IngestionApp.config(dir.resolve("config"), url, Map.of(SOURCE, folder.path()), "");
        assertThat(runInProcess("run", "--config", config.toString()).code()).isZero();
        String runB = nextRun();
        CatalogDump before = CatalogDump.of(catalog);

        // when: the run of B is killed while its publish transaction is open
        try (ChildIngestion child = ChildIngestion.start(dir.resolve("child"), "run", "--config", config.toString())) {
            child.awaitPaused().kill();
        }

        // then: nothing of B is in the catalog, and the next run ingests it
        assertThat(before.differences(CatalogDump.of(catalog))).isEmpty();
        assertThat(ledgerOf(catalog, runB)).isEmpty();
        Result next = runInProcess("run", "--config", config.toString());
        assertThat(next.code()).as(next.out()).isZero();
        assertThat(next.out()).contains("run " + runB + ": ingested");
        assertThat(ledgerOf(catalog, runB)).containsExactly("SUCCEEDED");
        assertThat(testResultsOf(catalog, runB)).isEqualTo(TEST_RESULTS);
    }

    /** Turns the folder into the next run of the project, with one changed description; returns its run key. */
    private String nextRun() {
        String runKey = folder.newInvocation();
        folder.edit("manifest.json", m -> ((ObjectNode) m.get("nodes").get(ORDERS))
                .put("description", "changed at " + Instant.now()));
        return runKey;
    }

    /** Waits until a session of the PostgreSQL catalog waits for a lock (the second run on the project row). */
    private static void awaitLockWait(DataSource catalog) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (CatalogDump.query(
                        catalog,
                        "SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                                + " AND datname = current_database()")
                .isEmpty()) {
            assertThat(Instant.now())
                    .as("a session waiting for the project lock")
                    .isBefore(deadline);
            Thread.sleep(100);
        }
    }

    private static List<String> succeededRuns(DataSource catalog) {
        return CatalogDump.query(
                        catalog,
                        "SELECT run_key FROM ingestion_run WHERE project_key = ?"
                                + " AND status = 'SUCCEEDED' ORDER BY id",
                        SOURCE)
                .stream()
                .map(row -> (String) row.get("run_key"))
                .toList();
    }

    private static List<Object> ledgerOf(DataSource catalog, String runKey) {
        return CatalogDump.query(
                        catalog,
                        "SELECT status FROM ingestion_run WHERE project_key = ? AND run_key = ?" + " ORDER BY id",
                        SOURCE,
                        runKey)
                .stream()
                .map(row -> row.get("status"))
                .toList();
    }

    private static long testResultsOf(DataSource catalog, String invocationId) {
        return (Long) CatalogDump.query(
                        catalog,
                        "SELECT COUNT(*) AS n FROM catalog_test_result WHERE project_key = ?"
                                + " AND invocation_id = ?",
                        SOURCE,
                        invocationId)
                .get(0)
                .get("n");
    }

    /** A data source on the H2 file that does not keep it open between queries (so other processes own it). */
    private static DataSource h2(String url) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url + ";AUTO_SERVER=TRUE");
        dataSource.setUser("sa");
        return dataSource;
    }

    private record Result(int code, String out) {}

    private static Result runInProcess(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int code = new IngestCli(print, print).execute(args);
        return new Result(code, out.toString(StandardCharsets.UTF_8));
    }
}
