package io.dbtcatalog.ingest.bench;

import io.dbtcatalog.ingest.model.CatalogDepth;
import io.dbtcatalog.ingest.model.CatalogSnapshot;
import io.dbtcatalog.ingest.model.NodeId;
import io.dbtcatalog.ingest.model.RunRef;
import io.dbtcatalog.ingest.model.RunResult;
import io.dbtcatalog.ingest.model.SnapshotInfo;
import io.dbtcatalog.ingest.model.TestResult;
import io.dbtcatalog.ingest.store.CatalogMigrations;
import io.dbtcatalog.ingest.store.CatalogStore;
import io.dbtcatalog.ingest.store.ProjectRef;
import io.dbtcatalog.ingest.store.PublishRules;
import io.dbtcatalog.ingest.support.TestRuns;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The write of an unchanged project's next run alone: history-only publishes of the history rows of a 10,000-model
 * project (31,750 test results, 9,700 run results, as {@link IngestBenchmark}'s synthetic project), on a file H2
 * database and the embedded PostgreSQL, after {@code bench.history.base} earlier invocations. Variants run
 * interleaved, round by round, so a busy machine slows them alike: {@code v14} (the schema as migrated) and
 * {@code v13-layout} (the same with the {@code (project_key, invocation_id)} indexes V14 dropped created again and, on
 * H2, the resource-first keys V14.1 replaced).
 * Prints the median seconds per variant and engine. Not a test: {@code mvn -q -Pbench test-compile exec:exec
 * -Dbench.main=io.dbtcatalog.ingest.bench.HistoryBenchmark}.
 */
public final class HistoryBenchmark {

    private static final ProjectRef PROJECT = ProjectRef.local("bench");
    private static final int TESTS = 31_750;
    private static final int RUNS = 9_700;
    private static final List<String> VARIANTS =
            List.of(System.getProperty("bench.variants", "v14,v13-layout").split(","));
    private static final List<String> INVOCATION_INDEXES = List.of(
            "CREATE INDEX catalog_test_result_invocation_idx ON catalog_test_result (project_key, invocation_id)",
            "CREATE INDEX catalog_run_result_invocation_idx ON catalog_run_result (project_key, invocation_id)");
    private static final List<String> H2_RESOURCE_KEYS = List.of(
            "ALTER TABLE catalog_test_result DROP PRIMARY KEY",
            "ALTER TABLE catalog_test_result ADD PRIMARY KEY (project_key, test_unique_id, invocation_id)",
            "ALTER TABLE catalog_run_result DROP PRIMARY KEY",
            "ALTER TABLE catalog_run_result ADD PRIMARY KEY (project_key, node_unique_id, invocation_id)");

    /** {@code bench.cpu=true}: the publishing thread's CPU time instead of wall time (H2 runs in that thread). */
    private static final boolean CPU = Boolean.getBoolean("bench.cpu");

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private HistoryBenchmark() {}

    public static void main(String[] args) throws IOException {
        int rounds = Integer.getInteger("bench.rounds", 3);
        int base = Integer.getInteger("bench.history.base", 2);
        List<String> engines =
                List.of(System.getProperty("bench.engines", "postgres,h2").split(","));
        Path folder = Files.createTempDirectory("dbt-catalog-history-bench");
        List<String> lines = new ArrayList<>();
        try (BenchDatabases databases = BenchDatabases.start(System.getProperty("bench.pg", ""))) {
            double[][][] seconds = new double[engines.size()][VARIANTS.size()][rounds];
            for (int round = 0; round < rounds; round++) {
                for (int e = 0; e < engines.size(); e++) {
                    for (int v = 0; v < VARIANTS.size(); v++) {
                        String name = "h" + round + "_" + e + "_" + v;
                        DataSource ds = engines.get(e).equals("h2")
                                ? databases.freshH2(folder.resolve(name))
                                : databases.freshPostgres(name);
                        seconds[e][v][round] =
                                run(ds, engines.get(e).equals("h2"), VARIANTS.get(v), base, round == 0 ? 2 : 1);
                        System.out.printf(
                                Locale.ROOT,
                                "round %d %-8s %-12s next-run write %.3f s" + (CPU ? " CPU%n" : "%n"),
                                round + 1,
                                engines.get(e),
                                VARIANTS.get(v),
                                seconds[e][v][round]);
                    }
                }
            }
            for (int e = 0; e < engines.size(); e++) {
                for (int v = 0; v < VARIANTS.size(); v++) {
                    double[] sorted = seconds[e][v].clone();
                    Arrays.sort(sorted);
                    lines.add(String.format(
                            Locale.ROOT,
                            "%-8s %-12s median %.3f s  min %.3f s  (%d rows, after %d invocations)",
                            engines.get(e),
                            VARIANTS.get(v),
                            sorted[sorted.length / 2],
                            sorted[0],
                            TESTS + RUNS,
                            base + 1));
                }
            }
        } finally {
            deleteQuietly(folder);
        }
        lines.forEach(System.out::println);
    }

    /** Migrates, applies the variant, publishes a state and {@code base} history-only runs, times the next one. */
    private static double run(DataSource ds, boolean h2, String variant, int base, int timed) {
        CatalogMigrations.migrate(ds);
        if (variant.equals("v13-layout")) {
            execute(ds, INVOCATION_INDEXES);
            if (h2) {
                execute(ds, H2_RESOURCE_KEYS);
            }
        }
        CatalogStore store = new CatalogStore(ds);
        Instant at = Instant.parse("2024-03-01T06:00:00Z");
        store.publish(PROJECT, snapshot(0, at), "state", false, at, PublishRules.unguarded());
        for (int i = 1; i <= base; i++) {
            store.publish(PROJECT, snapshot(i, at.plusSeconds(i)), "state", true, at, PublishRules.unguarded());
        }
        double best = Double.MAX_VALUE;
        for (int t = 0; t < timed; t++) {
            int invocation = base + 1 + t;
            CatalogSnapshot next = snapshot(invocation, at.plusSeconds(invocation));
            long start = CPU ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
            store.publish(PROJECT, next, "state", true, at, PublishRules.unguarded());
            long end = CPU ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
            best = Math.min(best, (end - start) / 1e9);
            if (t == timed - 1) {
                long again = System.nanoTime();
                store.publish(PROJECT, next, "state", true, at, PublishRules.unguarded());
                System.out.printf(
                        Locale.ROOT,
                        "  the same run again (every key stored): %.3f s wall%n",
                        (System.nanoTime() - again) / 1e9);
            }
        }
        return best;
    }

    private static CatalogSnapshot snapshot(int number, Instant at) {
        String invocation = String.format(Locale.ROOT, "00000000-0000-4000-a000-%012d", number);
        List<TestResult> tests = new ArrayList<>(TESTS);
        for (int i = 0; i < TESTS; i++) {
            NodeId test = NodeId.of(String.format(
                    Locale.ROOT, "test.bench.not_null_model_%05d_column_%d.%08x", i / 3, i % 3, i * 2654435761L));
            String status = i % 50 == 0 ? "fail" : "pass";
            tests.add(new TestResult(
                    test,
                    invocation,
                    status,
                    status.equals("fail") ? 3L : 0L,
                    status.equals("fail") ? "Got 3 results, configured to fail if != 0" : null,
                    0.05 + (i % 7) / 100.0,
                    at.minusSeconds(30),
                    at.minusSeconds(29),
                    null));
        }
        List<RunResult> runs = new ArrayList<>(RUNS);
        for (int i = 0; i < RUNS; i++) {
            NodeId model = NodeId.of(String.format(Locale.ROOT, "model.bench.model_%05d", i));
            runs.add(new RunResult(model, invocation, "success", "SELECT 10", 1.5, at, at, 10L, null));
        }
        RunRef run = TestRuns.run(PROJECT.projectKey(), invocation, null, null, at, "/bench/target");
        SnapshotInfo info = new SnapshotInfo("bench", null, "1.10.0", "postgres", "v12", invocation, at, "build");
        return CatalogSnapshot.historyOnly(run, info, tests, runs, List.of(), List.of(), CatalogDepth.EMPTY);
    }

    private static void execute(DataSource ds, List<String> statements) {
        try (Connection connection = ds.getConnection();
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path folder) {
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
