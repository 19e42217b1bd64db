package io.dbtcatalog.ingest.bench;

import io.dbtcatalog.ingest.model.CatalogColumn;
import io.dbtcatalog.ingest.model.CatalogNode;
import io.dbtcatalog.ingest.model.CatalogSnapshot;
import io.dbtcatalog.ingest.model.LineageEdge;
import io.dbtcatalog.ingest.model.NodeId;
import io.dbtcatalog.ingest.model.ResourceType;
import io.dbtcatalog.ingest.model.RunRef;
import io.dbtcatalog.ingest.model.RunResult;
import io.dbtcatalog.ingest.model.SnapshotInfo;
import io.dbtcatalog.ingest.model.TestDefinition;
import io.dbtcatalog.ingest.model.TestKind;
import io.dbtcatalog.ingest.model.TestResult;
import io.dbtcatalog.ingest.store.CatalogStore;
import io.dbtcatalog.ingest.store.ProjectRef;
import io.dbtcatalog.ingest.store.PublishResult;
import io.dbtcatalog.ingest.support.TestDatabases.Engine;
import io.dbtcatalog.ingest.support.TestDatabases.TestDatabase;
import io.dbtcatalog.ingest.support.TestRuns;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Rough timing of publishes of a synthetic 5,000-node / 100,000-column project on both engines. Not a test (no
 * assertion): run it with {@code mvn -q -Pbench test-compile exec:exec -Dbench.main=}this class's name and read the
 * printed timings.
 */
public final class PublishBenchmark {

    private static final int NODES = 5_000;
    private static final int COLUMNS_PER_NODE = 20;

    private PublishBenchmark() {}

    /** Runs every engine twice (the first round warms the JIT up) and prints both rounds. */
    public static void main(String[] args) {
        for (int round = 1; round <= 2; round++) {
            for (Engine engine : Engine.values()) {
                for (boolean rewrite : engine == Engine.H2 ? List.of(false) : List.of(false, true)) {
                    try (TestDatabase db = engine.create()) {
                        DataSource ds = db.dataSource(rewrite ? Map.of("reWriteBatchedInserts", "true") : Map.of());
                        run("round " + round + " " + engine + (rewrite ? " rewrite" : ""), new CatalogStore(ds));
                    }
                }
            }
        }
    }

    private static void run(String label, CatalogStore store) {
        ProjectRef project = ProjectRef.local("bench");
        Instant t1 = Instant.parse("2024-03-01T06:00:00Z");
        time(label, "first publish (all inserts)", () -> store.publish(project, snapshot("r1", t1, ""), t1));
        time(label, "same run again (no change)", () -> store.publish(project, snapshot("r1", t1, ""), t1));
        Instant t2 = t1.plusSeconds(86_400);
        time(label, "next run, same content", () -> store.publish(project, snapshot("r2", t2, ""), t2));
        Instant t3 = t2.plusSeconds(86_400);
        time(label, "next run, 10% changed", () -> store.publish(project, snapshot("r3", t3, "v2"), t3));
    }

    private static void time(String label, String what, java.util.function.Supplier<PublishResult> publish) {
        long start = System.nanoTime();
        PublishResult result = publish.get();
        System.out.printf(
                "%-32s %-30s %6d ms  rows written %7d  nodes %s  columns %s%n",
                label,
                what,
                (System.nanoTime() - start) / 1_000_000,
                result.rowsWritten(),
                result.nodes(),
                result.columns());
    }

    static CatalogSnapshot snapshot(String runKey, Instant at, String variant) {
        List<CatalogNode> nodes = new ArrayList<>();
        List<CatalogColumn> columns = new ArrayList<>();
        List<LineageEdge> edges = new ArrayList<>();
        List<TestDefinition> tests = new ArrayList<>();
        List<RunResult> runResults = new ArrayList<>();
        List<TestResult> testResults = new ArrayList<>();
        String invocation = "inv-" + runKey;
        for (int i = 0; i < NODES; i++) {
            NodeId id = NodeId.of("model.bench.model_" + i);
            String description = "Model " + i + " of the benchmark project. " + (i % 10 == 0 ? variant : "");
            nodes.add(new CatalogNode(
                    id,
                    ResourceType.MODEL,
                    "bench",
                    "model_" + i,
                    "analytics",
                    "dbt_prod",
                    "model_" + i,
                    "\"analytics\".\"dbt_prod\".\"model_" + i + "\"",
                    "table",
                    "sql",
                    description,
                    "data-team",
                    List.of("daily", "core"),
                    "{\"tier\":" + (i % 3) + "}",
                    "protected",
                    null,
                    null,
                    false,
                    "models/model_" + i + ".sql",
                    "select * from {{ ref('x') }} -- " + "x".repeat(500),
                    "select * from x -- " + "x".repeat(500),
                    "sha256:" + i));
            for (int c = 0; c < COLUMNS_PER_NODE; c++) {
                columns.add(new CatalogColumn(
                        id,
                        "column_" + c,
                        "varchar",
                        c + 1,
                        "Column " + c + " of model " + i,
                        List.of(),
                        "{}",
                        true,
                        true));
            }
            if (i > 0) {
                edges.add(new LineageEdge(NodeId.of("model.bench.model_" + (i / 2)), id));
                edges.add(new LineageEdge(NodeId.of("model.bench.model_" + (i - 1)), id));
            }
            NodeId test = NodeId.of("test.bench.not_null_model_" + i + "_column_0");
            tests.add(new TestDefinition(
                    test, "not_null", TestKind.GENERIC, id, "column_0", "ERROR", "{\"column_name\":\"column_0\"}"));
            runResults.add(new RunResult(id, invocation, "success", "SELECT 10", 1.0, at, at, 10L, null));
            testResults.add(new TestResult(test, invocation, "pass", 0L, null, 0.1, at, at, null));
        }
        RunRef run = TestRuns.run("bench", runKey, null, null, at, "/bench/target");
        SnapshotInfo info = new SnapshotInfo("bench", null, "1.9.1", "postgres", "v12", invocation, at, "build");
        return new CatalogSnapshot(
                run, info, nodes, columns, edges, tests, testResults, runResults, List.of(), true, List.of());
    }
}
