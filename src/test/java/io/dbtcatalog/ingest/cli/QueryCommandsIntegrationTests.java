package io.dbtcatalog.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbtcatalog.ingest.support.MeshSample;
import io.dbtcatalog.ingest.support.TestConfigs;
import io.dbtcatalog.ingest.support.TestDatabases;
import io.dbtcatalog.ingest.support.TestDatabases.Engine;
import io.dbtcatalog.ingest.support.TestDatabases.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code describe}, {@code lineage}, {@code impact} and {@code search} as a person runs them, on the two-project Mesh
 * sample in an H2 and a PostgreSQL catalog: text that fits a terminal, Mermaid, dot, JSON and the errors.
 */
class QueryCommandsIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.shared();

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void describeAndSearchAnswerInTextAndJson(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given
            Path config = meshCatalog(db);

            // when
            CliRun describe = CliRun.of("describe", "platform:model.platform.customers", "--config", config);
            CliRun describeJson = CliRun.of("describe", "customer_segments", "--json", "--config", config);
            CliRun search = CliRun.of("search", "customer", "--type", "model", "--config", config);
            CliRun searchJson = CliRun.of("search", "", "--tag", "pii", "--json", "--config", config);

            // then
            assertThat(describe.code()).as(describe.all()).isZero();
            assertThat(describe.out())
                    .startsWith("model platform:model.platform.customers\n")
                    .contains(
                            "  relation      \"analytics\".\"core\".\"customers\" (table, warehouse: BASE TABLE, sql)\n")
                    .contains("  owners        platform-team@example.com, transformer (warehouse)\n")
                    .contains("  referenced by projects marketing (dbt Mesh)\n")
                    .containsPattern(
                            "customer_id +integer +primary key, unique, not null +Primary key of a customer\\.")
                    .contains("  stats         Approximate Size 98304, # Rows 1200 at ")
                    .containsPattern("fail +not_null +email +3 +Got 3 results")
                    .contains("tests (3: 1 fail, 2 pass)")
                    .contains("  model  marketing:model.marketing.customer_segments\n");
            assertThat(describe.out().lines())
                    .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(120));
            JsonNode segments = JSON.readTree(describeJson.out());
            assertThat(segments.at("/key/projectKey").asString()).isEqualTo("marketing");
            assertThat(segments.at("/parents/0/key/projectKey").asString()).isEqualTo("platform");
            assertThat(segments.at("/children/0/resourceType").asString()).isEqualTo("exposure");
            assertThat(segments.at("/lastRun/status").asString()).isEqualTo("success");
            assertThat(search.out())
                    .startsWith("3 nodes match 'customer', type model\n")
                    .containsPattern("model +platform:model.platform.customers +name +One row per customer");
            JsonNode tagged = JSON.readTree(searchJson.out());
            assertThat(tagged.path("hits")).hasSize(1);
            assertThat(tagged.at("/hits/0/node/key/uniqueId").asString()).isEqualTo("model.platform.customers");
            assertThat(tagged.at("/hits/0/tags/1").asString()).isEqualTo("pii");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void lineageAndImpactCrossProjectsInEveryFormat(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given
            Path config = meshCatalog(db);

            // when
            CliRun text = CliRun.of("lineage", "customer_segments", "--config", config);
            CliRun mermaid =
                    CliRun.of("lineage", "customer_segments", "--up", "1", "--format", "mermaid", "--config", config);
            CliRun dot = CliRun.of("lineage", "marketing:customer_segments", "--format", "dot", "--config", config);
            CliRun json =
                    CliRun.of("lineage", "model.platform.stg_customers", "--up", "0", "--json", "--config", config);
            CliRun impact = CliRun.of("impact", "model.platform.customers", "--config", config);
            CliRun impactJson =
                    CliRun.of("impact", "model.platform.customers", "--tests", "--json", "--config", config);

            // then
            assertThat(text.code()).as(text.all()).isZero();
            assertThat(text.out())
                    .startsWith(
                            "lineage of marketing:model.marketing.customer_segments (all up, all down, tests left out)")
                    .containsPattern("-3 +source +platform:source.platform.crm.customers  \\(other project\\)")
                    .containsPattern("-1 +model +platform:model.platform.customers  \\(other project\\)")
                    .containsPattern("\\+1 +exposure +marketing:exposure.marketing.weekly_dashboard")
                    .endsWith("4 nodes, 4 edges (1 across projects)\n");
            assertThat(mermaid.out())
                    .startsWith("flowchart LR\n")
                    .contains(
                            "  subgraph p_platform[\"platform\"]\n    n0[\"customers<br/><small>model</small>\"]\n  end\n")
                    .contains("  n0 -.-> n1\n")
                    .contains("  n1 --> n2\n")
                    .doesNotContain("stg_customers");
            assertThat(dot.out())
                    .startsWith("digraph lineage {\n")
                    .contains("\"platform:model.platform.customers\" -> \"marketing:model.marketing.customer_segments\""
                            + " [style=dashed];")
                    .contains("subgraph \"cluster_platform\"")
                    .endsWith("}\n");
            JsonNode graph = JSON.readTree(json.out());
            assertThat(graph.path("up").asInt()).isZero();
            assertThat(graph.path("nodes")).hasSize(3);
            assertThat(graph.at("/nodes/2/node/key/uniqueId").asString())
                    .isEqualTo("exposure.marketing.weekly_dashboard");
            assertThat(graph.at("/nodes/2/distance").asInt()).isEqualTo(3);
            assertThat(impact.out())
                    .startsWith("impact of platform:model.platform.customers: 2 downstream in 2 projects"
                            + " (platform, marketing), tests left out\n")
                    .containsPattern("1 +model +marketing:model.marketing.customer_segments +marketing-analytics@")
                    .containsPattern("2 +exposure +marketing:exposure.marketing.weekly_dashboard +Marketing Analytics")
                    .endsWith("\n  weekly_dashboard: https://bi.example.com/dashboards/42\n");
            JsonNode impacted = JSON.readTree(impactJson.out());
            assertThat(impacted.at("/byType/test").asInt()).isEqualTo(4);
            assertThat(impacted.at("/byType/exposure").asInt()).isEqualTo(1);
            assertThat(impacted.path("projects").toString()).isEqualTo("[\"platform\",\"marketing\"]");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void unknownAndAmbiguousNodesAreUsageErrorsNamingTheCandidates(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given
            Path config = meshCatalog(db);
            MeshSample.publish(db.dataSource(), "platform-staging", MeshSample.PLATFORM);

            // when
            CliRun ambiguous = CliRun.of("describe", "stg_customers", "--config", config);
            CliRun unknown = CliRun.of("impact", "custmers", "--config", config);
            CliRun suggested = CliRun.of("lineage", "segments", "--config", config);

            // then
            assertThat(ambiguous.code()).isEqualTo(IngestCli.USAGE);
            assertThat(ambiguous.err())
                    .contains("error: 'stg_customers' names 2 nodes; give one as project:unique_id\n"
                            + "  platform:model.platform.stg_customers\n"
                            + "  platform-staging:model.platform.stg_customers\n");
            assertThat(ambiguous.out()).isEmpty();
            assertThat(unknown.code()).isEqualTo(IngestCli.USAGE);
            assertThat(unknown.err()).contains("error: no node 'custmers' in the catalog");
            assertThat(suggested.err())
                    .contains("error: no node 'segments' in the catalog; did you mean one of these?\n"
                            + "  marketing:model.marketing.customer_segments\n");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aCatalogNotYetMigratedIsNamedNotMigrated(Engine engine) {
        try (TestDatabase db = TestDatabases.create(engine, false)) {
            // given
            Path config =
                    TestConfigs.write(dir.resolve("cfg"), db.jdbcUrl(), "", TestConfigs.localSource("x", dir, null));

            // when
            CliRun search = CliRun.of("search", "orders", "--config", config);

            // then
            assertThat(search.code()).as(search.all()).isEqualTo(IngestCli.FAILED);
            assertThat(search.err()).contains("holds no catalog yet; a `run` creates its schema");
        }
    }

    @Test
    void badOptionValuesAreUsageErrors() {
        // given
        Path config = TestConfigs.write(
                dir.resolve("cfg"), "jdbc:h2:mem:unused", "", TestConfigs.localSource("x", dir, null));

        // when
        CliRun negative = CliRun.of("lineage", "orders", "--up", "-1", "--config", config);
        CliRun both = CliRun.of("lineage", "orders", "--format", "dot", "--json", "--config", config);
        CliRun format = CliRun.of("lineage", "orders", "--format", "svg", "--config", config);

        // then
        assertThat(negative.code()).isEqualTo(IngestCli.USAGE);
        assertThat(negative.err()).contains("--up and --down take a number of steps, 0 or more");
        assertThat(both.err()).contains("--json and --format dot exclude each other");
        assertThat(format.code()).isEqualTo(IngestCli.USAGE);
        assertThat(format.err()).contains("--format");
    }

    private Path meshCatalog(TestDatabase db) {
        MeshSample.publishBoth(db.dataSource());
        return TestConfigs.write(
                dir.resolve("cfg"),
                db.jdbcUrl(),
                "",
                TestConfigs.localSource("platform", MeshSample.PLATFORM, null)
                        + TestConfigs.localSource("marketing", MeshSample.MARKETING, null));
    }
}
