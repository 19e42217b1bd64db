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
import io.dbtcatalog.ingest.store.PublishResult;
import io.dbtcatalog.ingest.store.PublishRules;
import io.dbtcatalog.ingest.support.TestRuns;
import java.io.IOException;
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
 * database and the embedded PostgreSQL, after {@code bench.history.base} earlier invocations. The variants of
 * {@code bench.variants} ({@link HistoryVariant}: {@code current}, the schema as migrated with the store's defaults;
 * {@code v14-path}, the V14 write path; {@code v13-layout}; and bounds such as {@code no-keys} or {@code unlogged})
 * run interleaved, round by round, so a busy machine slows them alike. Prints per variant and engine the median and
 * best wall time, the publishing thread's CPU time (H2 runs in it) and the whole JVM's CPU time (H2's background
 * page writer included), and the load average at the end. Not a test: {@code mvn -q -Pbench test-compile exec:exec
 * -Dbench.main=io.dbtcatalog.ingest.bench.HistoryBenchmark}.
 */
public final class HistoryBenchmark {

    private static final ProjectRef PROJECT = ProjectRef.local("bench");
    private static final int TESTS = 31_750;
    private static final int RUNS = 9_700;
    private static final List<HistoryVariant> VARIANTS = Arrays.stream(
                    System.getProperty("bench.variants", "current,v14-path,v13-layout")
                            .split(","))
            .map(String::strip)
            .map(HistoryVariant::named)
            .toList();

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private static final com.sun.management.OperatingSystemMXBean PROCESS = (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    /** What one timed publish cost: wall seconds, the publishing thread's CPU, the whole JVM's CPU. */
    private record Cost(double wall, double threadCpu, double processCpu) {

        static final Cost NONE = new Cost(Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE);

        Cost min(Cost other) {
            return wall <= other.wall ? this : other;
        }

        double get(int measure) {
            return measure == 0 ? wall : measure == 1 ? threadCpu : processCpu;
        }
    }

    private HistoryBenchmark() {}

    public static void main(String[] args) throws IOException {
        int rounds = Integer.getInteger("bench.rounds", 3);
        int base = Integer.getInteger("bench.history.base", 2);
        List<String> engines =
                List.of(System.getProperty("bench.engines", "postgres,h2").split(","));
        Path folder = Files.createTempDirectory("dbt-catalog-history-bench");
        List<String> lines = new ArrayList<>();
        try (BenchDatabases databases = BenchDatabases.start(System.getProperty("bench.pg", ""))) {
            Cost[][][] costs = new Cost[engines.size()][VARIANTS.size()][rounds];
            for (int round = 0; round < rounds; round++) {
                for (int e = 0; e < engines.size(); e++) {
                    for (int v = 0; v < VARIANTS.size(); v++) {
                        String name = "h" + round + "_" + e + "_" + v;
                        boolean h2 = engines.get(e).equals("h2");
                        DataSource ds = h2 ? databases.freshH2(folder.resolve(name)) : databases.freshPostgres(name);
                        Cost cost = run(ds, h2, VARIANTS.get(v), base, round == 0 ? 2 : 1);
                        costs[e][v][round] = cost;
                        System.out.printf(
                                Locale.ROOT,
                                "round %d %-8s %-16s next-run write %.3f s wall, %.3f s thread CPU, %.3f s JVM CPU%n",
                                round + 1,
                                engines.get(e),
                                VARIANTS.get(v).name(),
                                cost.wall(),
                                cost.threadCpu(),
                                cost.processCpu());
                    }
                }
            }
            for (int e = 0; e < engines.size(); e++) {
                for (int v = 0; v < VARIANTS.size(); v++) {
                    lines.add(summary(engines.get(e), VARIANTS.get(v).name(), costs[e][v], base));
                }
            }
        } finally {
            BenchFiles.deleteTree(folder);
        }
        System.out.println("uptime: " + uptime());
        lines.forEach(System.out::println);
    }

    private static String summary(String engine, String variant, Cost[] costs, int base) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-8s %-16s", engine, variant));
        String[] names = {"wall", "thread CPU", "JVM CPU"};
        for (int measure = 0; measure < names.length; measure++) {
            final int m = measure;
            double[] sorted =
                    Arrays.stream(costs).mapToDouble(c -> c.get(m)).sorted().toArray();
            line.append(String.format(
                    Locale.ROOT, " %s median %.3f min %.3f |", names[measure], sorted[sorted.length / 2], sorted[0]));
        }
        return line.append(String.format(Locale.ROOT, " (%d rows, after %d invocations)", TESTS + RUNS, base + 1))
                .toString();
    }

    private static String uptime() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Migrates, applies the variant, publishes a state and {@code base} history-only runs, times the next one. */
    private static Cost run(DataSource ds, boolean h2, HistoryVariant variant, int base, int timed) {
        CatalogMigrations.migrate(ds);
        execute(ds, variant.sql(h2));
        CatalogStore store = new CatalogStore(ds, variant.options());
        Instant at = Instant.parse("2024-03-01T06:00:00Z");
        store.publish(PROJECT, snapshot(0, at), "state", false, at, PublishRules.unguarded());
        for (int i = 1; i <= base; i++) {
            store.publish(PROJECT, snapshot(i, at.plusSeconds(i)), "state", true, at, PublishRules.unguarded());
        }
        Cost best = Cost.NONE;
        for (int t = 0; t < timed; t++) {
            int invocation = base + 1 + t;
            CatalogSnapshot next = snapshot(invocation, at.plusSeconds(invocation));
            System.gc();
            long wall = System.nanoTime();
            long thread = THREADS.getCurrentThreadCpuTime();
            long process = PROCESS.getProcessCpuTime();
            PublishResult result = store.publish(PROJECT, next, "state", true, at, PublishRules.unguarded());
            if (result.testResultsAdded() != TESTS || result.runResultsAdded() != RUNS) {
                throw new IllegalStateException("the timed publish wrote " + result);
            }
            best = best.min(new Cost(
                    (System.nanoTime() - wall) / 1e9,
                    (THREADS.getCurrentThreadCpuTime() - thread) / 1e9,
                    (PROCESS.getProcessCpuTime() - process) / 1e9));
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
}
