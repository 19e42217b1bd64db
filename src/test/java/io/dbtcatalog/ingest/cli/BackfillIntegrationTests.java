package io.dbtcatalog.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbtcatalog.ingest.source.dbtcloud.CloudHistory;
import io.dbtcatalog.ingest.support.CatalogDump;
import io.dbtcatalog.ingest.support.ChildJvm;
import io.dbtcatalog.ingest.support.Polling;
import io.dbtcatalog.ingest.support.SampleRuns;
import io.dbtcatalog.ingest.support.TestConfigs;
import io.dbtcatalog.ingest.support.TestDatabases.Engine;
import io.dbtcatalog.ingest.support.TestDatabases.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code backfill} end to end against the dbt Cloud stand-in and a real PostgreSQL: history per invocation for
 * every run, nothing added by a repeat, and a backfill killed half-way (a child JVM, destroyed) that resumes when
 * started again and ends with the same rows as an uninterrupted one. Local sources backfill from history-path.
 */
class BackfillIntegrationTests {

    private static final int RUNS = 24;
    private static final String[] BACKFILL = {"backfill", "--source", "cloud", "--since", "2026-07-01", "--config"};

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    private static CloudHistory cloud;
    private static TestDatabase uninterrupted;
    private static CliRun first;

    /** One uninterrupted backfill of every run, shared by the tests (none of them changes its rows). */
    @BeforeAll
    static void backfillEveryRunOnce() {
        cloud = CloudHistory.start(shared, RUNS);
        uninterrupted = Engine.POSTGRESQL.create();
        first = CliRun.of(with(BACKFILL, config(shared.resolve("reference"), uninterrupted)));
    }

    @AfterAll
    static void stop() {
        uninterrupted.close();
        cloud.close();
    }

    @Test
    void backfillStoresHistoryForEveryInvocationOldestFirstAndARepeatAddsNoRow() {
        // given the uninterrupted backfill of all runs
        DataSource db = uninterrupted.dataSource();

        // then
        assertThat(first.code()).as(first.all()).isZero();
        assertThat(succeededRunKeys(db))
                .containsExactlyElementsOf(IntStream.range(0, RUNS)
                        .mapToObj(i -> Long.toString(CloudHistory.runId(i)))
                        .toList());
        assertThat(invocations(db, "catalog_run_result")).isEqualTo(cloud.invocationIds());
        assertThat(invocations(db, "catalog_test_result")).isEqualTo(cloud.invocationIds());
        assertThat(CatalogDump.query(
                                db,
                                "SELECT invocation_id, COUNT(*) AS n FROM catalog_test_result"
                                        + " GROUP BY invocation_id")
                        .stream()
                        .map(row -> row.get("n"))
                        .distinct())
                .hasSize(1);
        assertThat(first.out()).contains("backfill cloud (dbt-cloud): OK").contains(RUNS + " ingested, 0 already");
        assertThat(first.err())
                .contains("cloud: " + RUNS + " run(s) to ingest")
                .contains("cloud: " + RUNS + "/" + RUNS + " runs (100%)");

        // and when the same backfill runs again
        CatalogDump before = CatalogDump.of(db);
        CliRun again = CliRun.of(with(BACKFILL, config(shared.resolve("reference"), uninterrupted)));

        // then nothing changed, not even the ledger
        assertThat(again.code()).as(again.all()).isZero();
        assertThat(again.out()).contains("0 ingested, " + RUNS + " already in the catalog");
        assertThat(before.differences(CatalogDump.of(db))).isEmpty();
        assertThat(succeededRunKeys(db)).hasSize(RUNS);
    }

    @Test
    void backfillKilledHalfWayResumesWhenStartedAgainAndEndsWithTheRowsOfAnUninterruptedOne() throws Exception {
        try (TestDatabase crashed = Engine.POSTGRESQL.create()) {
            // given the same backfill in a child JVM, killed once a third of the runs are in
            Path config = config(dir, crashed);
            cloud.slowDownloads(Duration.ofMillis(150));
            Path log = dir.resolve("child.log");
            Process child = ChildJvm.start(log, with(BACKFILL, config));
            Polling.await(
                    "a third of the runs in the killed backfill",
                    Duration.ofSeconds(90),
                    () -> !child.isAlive()
                            || succeededRunKeys(crashed.dataSource()).size() >= RUNS / 3);
            assertThat(child.isAlive()).as(ChildJvm.output(log)).isTrue();
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            int ingestedBeforeKill = succeededRunKeys(crashed.dataSource()).size();
            assertThat(ingestedBeforeKill).isBetween(RUNS / 3, RUNS - 1);

            // when the backfill is started again
            CliRun resumed = CliRun.of(with(BACKFILL, config));

            // then it resumed where the killed one stopped: only what was missing is ingested
            assertThat(resumed.code()).as(resumed.all()).isZero();
            assertThat(resumed.out())
                    .contains((RUNS - ingestedBeforeKill) + " ingested, " + ingestedBeforeKill
                            + " already in the catalog");
            assertThat(succeededRunKeys(crashed.dataSource()))
                    .doesNotHaveDuplicates()
                    .hasSize(RUNS);
            assertThat(stable(CatalogDump.of(uninterrupted.dataSource()))
                            .differences(stable(CatalogDump.of(crashed.dataSource()))))
                    .isEmpty();
        }
    }

    @Test
    void localSourceBackfillsTheInvocationsOfItsHistoryFolderByGenerationTime() {
        try (TestDatabase db = Engine.H2.create()) {
            // given three archived invocations (folder names not in time order) and the current target folder
            Path history = dir.resolve("history");
            SampleRuns.write(
                    history.resolve("b"),
                    SampleRuns.invocationId(1),
                    Instant.parse("2025-07-01T06:00:00Z"),
                    "manifest.json",
                    "run_results.json",
                    "sources.json");
            SampleRuns.write(
                    history.resolve("a"),
                    SampleRuns.invocationId(2),
                    Instant.parse("2025-07-02T06:00:00Z"),
                    "manifest.json",
                    "run_results.json",
                    "sources.json");
            SampleRuns.write(
                    history.resolve("c"),
                    SampleRuns.invocationId(0),
                    Instant.parse("2025-06-30T06:00:00Z"),
                    "manifest.json",
                    "run_results.json",
                    "sources.json");
            Path config = TestConfigs.write(
                    dir.resolve("cfg"), db.jdbcUrl(), "", TestConfigs.localSource("shop", SampleRuns.SAMPLE, history));

            // when
            CliRun run = CliRun.of("backfill", "--config", config, "--source", "shop", "--since", "2025-07-01");

            // then the two archived runs from July 1st and the current folder (July 14th), oldest first
            assertThat(run.code()).as(run.all()).isZero();
            assertThat(succeededRunKeys(db.dataSource()))
                    .containsExactly(
                            SampleRuns.invocationId(1),
                            SampleRuns.invocationId(2),
                            "5d0c7a3e-8f1b-4c2a-9e6d-2b7f4a91c3e8");
            assertThat(invocations(db.dataSource(), "catalog_source_freshness")).hasSize(3);
        }
    }

    @Test
    void backfillUsageErrorsExitWithTwoAndTouchNothing() {
        try (TestDatabase db = Engine.H2.create()) {
            // given
            Path config = TestConfigs.write(
                    dir.resolve("cfg"), db.jdbcUrl(), "", TestConfigs.localSource("shop", SampleRuns.SAMPLE, null));

            // when
            CliRun noHistory = CliRun.of("backfill", "--config", config, "--source", "shop", "--last", "3");
            CliRun both = CliRun.of(
                    "backfill", "--config", config, "--source", "shop", "--last", "3", "--since", "2025-01-01");
            CliRun badDate = CliRun.of("backfill", "--config", config, "--source", "shop", "--since", "yesterday");
            CliRun noSource = CliRun.of("backfill", "--config", config, "--last", "3");

            // then
            assertThat(List.of(noHistory.code(), both.code(), badDate.code(), noSource.code()))
                    .containsOnly(IngestCli.USAGE);
            assertThat(noHistory.err()).contains("history-path");
            assertThat(both.err()).contains("either --since DATE [--until DATE] or --last N");
            assertThat(badDate.err()).contains("--since 'yesterday' is not a date");
            assertThat(noSource.err()).contains("backfill needs --source NAME");
            assertThat(CatalogDump.query(db.dataSource(), "SELECT * FROM ingestion_run"))
                    .isEmpty();
        }
    }

    private static Path config(Path folder, TestDatabase db) {
        return TestConfigs.write(folder, db.jdbcUrl(), "", cloud.sourceYaml("cloud"));
    }

    private static String[] with(String[] args, Path config) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = config.toString();
        return all;
    }

    private static List<String> succeededRunKeys(DataSource dataSource) {
        return CatalogDump.query(dataSource, "SELECT run_key FROM ingestion_run WHERE status = 'SUCCEEDED' ORDER BY id")
                .stream()
                .map(row -> (String) row.get("run_key"))
                .toList();
    }

    private static List<String> invocations(DataSource dataSource, String table) {
        return CatalogDump.query(dataSource, "SELECT DISTINCT invocation_id FROM " + table + " ORDER BY invocation_id")
                .stream()
                .map(row -> (String) row.get("invocation_id"))
                .toList();
    }

    /**
     * The dump without the columns that cannot match across two databases: ledger ids (a killed publish consumed
     * one from the sequence) and the project's wall-clock creation time. Everything dbt-derived stays.
     */
    private static CatalogDump stable(CatalogDump dump) {
        List<String> volatileColumns = List.of("ingestion_run_id", "last_ingestion_run_id", "created_at");
        Map<String, List<Map<String, Object>>> tables = new java.util.TreeMap<>();
        dump.tables()
                .forEach((table, rows) -> tables.put(
                        table,
                        rows.stream()
                                .map(row -> {
                                    Map<String, Object> kept = new java.util.LinkedHashMap<>(row);
                                    volatileColumns.forEach(kept::remove);
                                    return (Map<String, Object>) kept;
                                })
                                .sorted(java.util.Comparator.comparing(Object::toString))
                                .toList()));
        return new CatalogDump(tables);
    }
}
