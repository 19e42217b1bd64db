package io.dbtcatalog.ingest.support;

import io.dbtcatalog.ingest.model.CatalogColumn;
import io.dbtcatalog.ingest.model.CatalogNode;
import io.dbtcatalog.ingest.model.CatalogSnapshot;
import io.dbtcatalog.ingest.model.LineageEdge;
import io.dbtcatalog.ingest.model.NodeId;
import io.dbtcatalog.ingest.model.ResourceType;
import io.dbtcatalog.ingest.model.RunRef;
import io.dbtcatalog.ingest.model.RunResult;
import io.dbtcatalog.ingest.model.SnapshotInfo;
import io.dbtcatalog.ingest.model.SourceFreshness;
import io.dbtcatalog.ingest.model.TestDefinition;
import io.dbtcatalog.ingest.model.TestKind;
import io.dbtcatalog.ingest.model.TestResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Object mother for {@link CatalogSnapshot}s of a small dbt project named {@value #PACKAGE}:
 * {@code TestCatalog.snapshot("run-1").model("orders", m -> m.columns("id", "amount")).test("not_null_orders_id",
 * t -> t.on(TestCatalog.modelId("orders")).column("id")).testResult("not_null_orders_id", "pass").build()}.
 * Everything not given gets a fixed, plausible value, so two builds of the same calls are equal.
 */
public final class TestCatalog {

    /** The dbt package (and project) name of every built node. */
    public static final String PACKAGE = "shop";
    /** The default artifact generation time of a snapshot. */
    public static final Instant GENERATED_AT = Instant.parse("2024-03-01T06:00:00Z");

    private final String runKey;
    private Instant generatedAt = GENERATED_AT;
    private String invocationId;
    private Long dbtRunId;
    private boolean complete = true;
    private final List<CatalogNode> nodes = new ArrayList<>();
    private final List<CatalogColumn> columns = new ArrayList<>();
    private final List<LineageEdge> edges = new ArrayList<>();
    private final List<TestDefinition> tests = new ArrayList<>();
    private final List<TestResult> testResults = new ArrayList<>();
    private final List<RunResult> runResults = new ArrayList<>();
    private final List<SourceFreshness> freshness = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    private TestCatalog(String runKey) {
        this.runKey = runKey;
        this.invocationId = "inv-" + runKey;
    }

    /** A builder for the snapshot of run {@code runKey} (invocation id {@code inv-<runKey>}). */
    public static TestCatalog snapshot(String runKey) {
        return new TestCatalog(runKey);
    }

    public static NodeId modelId(String name) {
        return NodeId.of("model." + PACKAGE + "." + name);
    }

    public static NodeId sourceId(String source, String table) {
        return NodeId.of("source." + PACKAGE + "." + source + "." + table);
    }

    public static NodeId testId(String name) {
        return NodeId.of("test." + PACKAGE + "." + name);
    }

    /** A node of any type for {@link #node(TestNode, Consumer)}, with the defaults of {@link TestNode}. */
    public static TestNode nodeOf(NodeId id, ResourceType type, String name) {
        return new TestNode(id, type, name);
    }

    public TestCatalog generatedAt(Instant value) {
        this.generatedAt = value;
        return this;
    }

    public TestCatalog invocationId(String value) {
        this.invocationId = value;
        return this;
    }

    public TestCatalog dbtRunId(Long value) {
        this.dbtRunId = value;
        return this;
    }

    /** Marks the snapshot as partial: what it lacks is not deleted. */
    public TestCatalog incomplete() {
        this.complete = false;
        return this;
    }

    public TestCatalog warning(String warning) {
        warnings.add(warning);
        return this;
    }

    public TestCatalog model(String name) {
        return model(name, spec -> {});
    }

    public TestCatalog model(String name, Consumer<TestNode> customizer) {
        return node(new TestNode(modelId(name), ResourceType.MODEL, name), customizer);
    }

    public TestCatalog seed(String name, Consumer<TestNode> customizer) {
        return node(new TestNode(NodeId.of("seed." + PACKAGE + "." + name), ResourceType.SEED, name), customizer);
    }

    public TestCatalog source(String source, String table, Consumer<TestNode> customizer) {
        return node(new TestNode(sourceId(source, table), ResourceType.SOURCE, table), customizer);
    }

    /**
     * Adds any node built with {@link TestNode}, with its columns and its edges from {@code dependsOn}. A node whose
     * id is already present replaces it, with its columns and incoming edges.
     */
    public TestCatalog node(TestNode node, Consumer<TestNode> customizer) {
        customizer.accept(node);
        nodes.removeIf(existing -> existing.id().equals(node.id()));
        columns.removeIf(existing -> existing.nodeId().equals(node.id()));
        edges.removeIf(existing -> existing.child().equals(node.id()));
        nodes.add(node.node());
        columns.addAll(node.columnList());
        node.parents().forEach(parent -> edges.add(new LineageEdge(parent, node.id())));
        return this;
    }

    public TestCatalog edge(NodeId parent, NodeId child) {
        edges.add(new LineageEdge(parent, child));
        return this;
    }

    /** Adds a data test (its test node, definition and the edge from its attached node). */
    public TestCatalog test(String name, Consumer<TestSpec> customizer) {
        TestSpec spec = new TestSpec(testId(name));
        customizer.accept(spec);
        TestDefinition definition = spec.definition();
        TestNode node = new TestNode(
                definition.id(), definition.kind() == TestKind.UNIT ? ResourceType.UNIT_TEST : ResourceType.TEST, name);
        if (definition.attachedNode() != null) {
            node.dependsOn(definition.attachedNode());
        }
        tests.add(definition);
        return node(node, n -> {});
    }

    public TestCatalog testResult(String testName, String status) {
        return testResult(new TestResult(
                testId(testName),
                invocationId,
                status,
                "fail".equals(status) ? 3L : 0L,
                status.equals("pass") ? null : "Got results for " + testName,
                0.25,
                generatedAt.minusSeconds(30),
                generatedAt.minusSeconds(29),
                dbtRunId));
    }

    public TestCatalog testResult(TestResult result) {
        testResults.add(result);
        return this;
    }

    public TestCatalog runResult(String modelName, String status) {
        return runResult(new RunResult(
                modelId(modelName),
                invocationId,
                status,
                "SELECT 1",
                1.5,
                generatedAt.minusSeconds(60),
                generatedAt.minusSeconds(58),
                10L,
                dbtRunId));
    }

    public TestCatalog runResult(RunResult result) {
        runResults.add(result);
        return this;
    }

    public TestCatalog freshness(String source, String table, String status, Instant maxLoadedAt) {
        freshness.add(new SourceFreshness(
                sourceId(source, table),
                invocationId,
                status,
                maxLoadedAt,
                generatedAt,
                (double) (generatedAt.getEpochSecond() - maxLoadedAt.getEpochSecond()),
                "{\"warn_after\":{\"count\":12,\"period\":\"hour\"}}",
                null,
                0.1,
                dbtRunId));
        return this;
    }

    public String invocationId() {
        return invocationId;
    }

    public CatalogSnapshot build() {
        RunRef run = TestRuns.run(PACKAGE, runKey, dbtRunId, null, generatedAt, "/projects/shop/target");
        SnapshotInfo info = new SnapshotInfo(
                PACKAGE,
                "d41d8cd98f00b204e9800998ecf8427e",
                "1.9.1",
                "postgres",
                "https://schemas.getdbt.com/dbt/manifest/v12.json",
                invocationId,
                generatedAt,
                "build");
        return new CatalogSnapshot(
                run, info, nodes, columns, edges, tests, testResults, runResults, freshness, complete, warnings);
    }

    /** The attachment and arguments of a data test; defaults to a generic {@code not_null} test on nothing. */
    public static final class TestSpec {
        private final NodeId id;
        private String testName = "not_null";
        private TestKind kind = TestKind.GENERIC;
        private NodeId attachedNode;
        private String column;
        private String severity = "ERROR";
        private String kwargsJson;

        TestSpec(NodeId id) {
            this.id = id;
        }

        public TestSpec on(NodeId node) {
            this.attachedNode = node;
            return this;
        }

        public TestSpec column(String name) {
            this.column = name;
            this.kwargsJson = "{\"column_name\":\"" + name + "\"}";
            return this;
        }

        public TestSpec named(String genericTestName) {
            this.testName = genericTestName;
            return this;
        }

        public TestSpec kind(TestKind value) {
            this.kind = value;
            return this;
        }

        public TestSpec severity(String value) {
            this.severity = value;
            return this;
        }

        public TestSpec kwargs(String json) {
            this.kwargsJson = json;
            return this;
        }

        TestDefinition definition() {
            return new TestDefinition(id, testName, kind, attachedNode, column, severity, kwargsJson);
        }
    }
}
