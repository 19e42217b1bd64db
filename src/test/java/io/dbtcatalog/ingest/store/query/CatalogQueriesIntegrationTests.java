package io.dbtcatalog.ingest.store.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbtcatalog.ingest.support.CatalogDump;
import io.dbtcatalog.ingest.support.MeshSample;
import io.dbtcatalog.ingest.support.TestDatabases.Engine;
import io.dbtcatalog.ingest.support.TestDatabases.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The read-only answers over the two-project Mesh sample, on H2 and PostgreSQL alike. */
class CatalogQueriesIntegrationTests {

    private static final NodeKey CUSTOMERS = new NodeKey("platform", "model.platform.customers");
    private static final NodeKey SEGMENTS = new NodeKey("marketing", "model.marketing.customer_segments");
    private static final NodeKey DASHBOARD = new NodeKey("marketing", "exposure.marketing.weekly_dashboard");

    @ParameterizedTest
    @EnumSource(Engine.class)
    void globalLineageViewLinksTheDownstreamProjectToTheUpstreamModel(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given
            MeshSample.publishBoth(db.dataSource());

            // when
            List<Map<String, Object>> links =
                    CatalogDump.query(db.dataSource(), "SELECT * FROM catalog_external_node ORDER BY unique_id");
            List<Map<String, Object>> crossing = CatalogDump.query(db.dataSource(), """
                    SELECT parent_project_key, parent_unique_id, child_project_key, child_unique_id
                    FROM catalog_lineage_global WHERE cross_project ORDER BY child_unique_id""");
            List<Map<String, Object>> intoCopies = CatalogDump.query(
                    db.dataSource(),
                    "SELECT * FROM catalog_lineage_global WHERE child_unique_id = 'model.platform.customers'");

            // then
            assertThat(links)
                    .containsExactly(Map.of(
                            "project_key", "marketing",
                            "unique_id", "model.platform.customers",
                            "home_project_key", "platform"));
            assertThat(crossing)
                    .containsExactly(Map.of(
                            "parent_project_key", "platform",
                            "parent_unique_id", "model.platform.customers",
                            "child_project_key", "marketing",
                            "child_unique_id", "model.marketing.customer_segments"));
            assertThat(intoCopies).singleElement().satisfies(edge -> assertThat(edge)
                    .containsEntry("child_project_key", "platform")
                    .containsEntry("parent_unique_id", "model.platform.stg_customers"));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void withoutTheUpstreamProjectTheExternalNodeStaysInTheDownstreamProject(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given
            MeshSample.publish(db.dataSource(), "marketing", MeshSample.MARKETING);
            CatalogQueries queries = new CatalogQueries(db.dataSource());

            // when
            NodeKey external = queries.resolve("customers");
            LineageGraph up = queries.lineage(SEGMENTS, 5, 0, false);

            // then
            assertThat(external).isEqualTo(new NodeKey("marketing", "model.platform.customers"));
            assertThat(up.nodes()).extracting(n -> n.node().key()).containsExactly(external);
            assertThat(up.edges())
                    .singleElement()
                    .extracting(LineageEdge::crossProject)
                    .isEqualTo(false);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void impactOfTheUpstreamModelReachesTheOtherProjectAndItsExposure(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given
            MeshSample.publishBoth(db.dataSource());
            CatalogQueries queries = new CatalogQueries(db.dataSource());

            // when
            Impact impact = queries.impact(queries.resolve("model.platform.customers"), false);
            Impact withTests = queries.impact(CUSTOMERS, true);

            // then
            assertThat(impact.nodes())
                    .extracting(n -> n.node().key(), Impact.Impacted::distance, Impact.Impacted::via)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(SEGMENTS, 1, CUSTOMERS),
                            org.assertj.core.groups.Tuple.tuple(DASHBOARD, 2, SEGMENTS));
            assertThat(impact.nodes())
                    .allSatisfy(n -> assertThat(n.crossProject()).isTrue());
            assertThat(impact.projects()).containsExactly("platform", "marketing");
            assertThat(impact.byType()).containsExactly(Map.entry("exposure", 1), Map.entry("model", 1));
            assertThat(impact.nodes().get(1).node().owner()).isEqualTo("Marketing Analytics");
            assertThat(withTests.byType()).containsEntry("test", 4);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void lineageWalksUpAndDownAcrossProjectsWithinTheSteps(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given
            MeshSample.publishBoth(db.dataSource());
            CatalogQueries queries = new CatalogQueries(db.dataSource());

            // when
            LineageGraph all = queries.lineage(SEGMENTS, 100, 100, false);
            LineageGraph near = queries.lineage(SEGMENTS, 1, 0, false);

            // then
            assertThat(all.nodes())
                    .extracting(n -> n.node().key().label(), LineageGraph.LineageNode::distance)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("platform:source.platform.crm.customers", -3),
                            org.assertj.core.groups.Tuple.tuple("platform:model.platform.stg_customers", -2),
                            org.assertj.core.groups.Tuple.tuple("platform:model.platform.customers", -1),
                            org.assertj.core.groups.Tuple.tuple("marketing:exposure.marketing.weekly_dashboard", 1));
            assertThat(all.edges())
                    .hasSize(4)
                    .filteredOn(LineageEdge::crossProject)
                    .hasSize(1);
            assertThat(near.nodes()).extracting(n -> n.node().key()).containsExactly(CUSTOMERS);
            assertThat(near.edges()).containsExactly(new LineageEdge(CUSTOMERS, SEGMENTS, true));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void describeGivesColumnsWithMarkersTestsWithResultsOwnersStatsExposureAndNeighbours(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given
            MeshSample.publishBoth(db.dataSource());
            CatalogQueries queries = new CatalogQueries(db.dataSource());

            // when
            NodeDescription customers = queries.describe(CUSTOMERS);
            NodeDescription dashboard = queries.describe(DASHBOARD);

            // then
            assertThat(customers.resourceType()).isEqualTo("model");
            assertThat(customers.relationName()).isEqualTo("\"analytics\".\"core\".\"customers\"");
            assertThat(customers.access()).isEqualTo("public");
            assertThat(customers.contractEnforced()).isTrue();
            assertThat(customers.owners()).containsExactly("platform-team@example.com", "transformer (warehouse)");
            assertThat(customers.relationType()).isEqualTo("BASE TABLE");
            assertThat(customers.stats())
                    .extracting(NodeDescription.Stat::statId, NodeDescription.Stat::label, NodeDescription.Stat::value)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("num_bytes", "Approximate Size", "98304"),
                            org.assertj.core.groups.Tuple.tuple("num_rows", "# Rows", "1200"));
            assertThat(dashboard.exposure())
                    .isEqualTo(new NodeDescription.Exposure(
                            "dashboard",
                            "high",
                            "https://bi.example.com/dashboards/42",
                            "Weekly marketing dashboard",
                            "Marketing Analytics",
                            "marketing-analytics@example.com"));
            assertThat(dashboard.owners()).containsExactly("Marketing Analytics <marketing-analytics@example.com>");
            assertThat(dashboard.parents()).extracting(NodeSummary::key).containsExactly(SEGMENTS);
            assertThat(customers.tags()).containsExactly("core", "pii");
            assertThat(customers.referencedBy()).containsExactly("marketing");
            assertThat(customers.homeProjectKey()).isNull();
            assertThat(customers.columns())
                    .extracting(NodeDescription.Column::name, NodeDescription.Column::dataType, c -> c.markers())
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(
                                    "customer_id", "integer", List.of("primary key", "unique", "not null")),
                            org.assertj.core.groups.Tuple.tuple("email", "text", List.of("not null")),
                            org.assertj.core.groups.Tuple.tuple(
                                    "first_order_at", "timestamp with time zone", List.of()));
            assertThat(customers.tests())
                    .extracting(NodeDescription.Test::testName, NodeDescription.Test::status)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("not_null", "pass"),
                            org.assertj.core.groups.Tuple.tuple("unique", "pass"),
                            org.assertj.core.groups.Tuple.tuple("not_null", "fail"));
            assertThat(customers.lastRun().status()).isEqualTo("success");
            assertThat(customers.lastRun().rowsAffected()).isEqualTo(1200L);
            assertThat(customers.parents())
                    .extracting(NodeSummary::key)
                    .containsExactly(new NodeKey("platform", "model.platform.stg_customers"));
            assertThat(customers.children()).extracting(NodeSummary::key).contains(SEGMENTS);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void searchMatchesNameDescriptionAndColumnsFilteredByTypeAndTag(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given
            MeshSample.publishBoth(db.dataSource());
            CatalogQueries queries = new CatalogQueries(db.dataSource());

            // when
            List<SearchHit> customers = queries.search("Customer", "model", null, 50);
            List<SearchHit> tagged = queries.search("", null, "pii", 50);
            List<SearchHit> byColumn = queries.search("segment", "model", null, 50);
            List<SearchHit> byDescription = queries.search("every monday", null, null, 50);

            // then
            assertThat(customers)
                    .extracting(h -> h.node().key().label(), SearchHit::matched)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("platform:model.platform.customers", "name"),
                            org.assertj.core.groups.Tuple.tuple("marketing:model.marketing.customer_segments", "name"),
                            org.assertj.core.groups.Tuple.tuple("platform:model.platform.stg_customers", "name"));
            assertThat(tagged).extracting(h -> h.node().key()).containsExactly(CUSTOMERS);
            assertThat(byColumn).extracting(h -> h.node().key()).containsExactly(SEGMENTS);
            assertThat(byDescription).extracting(h -> h.node().key()).containsExactly(DASHBOARD);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void unknownAndAmbiguousNodesAreErrorsThatListTheCandidatesAndNamesMeanModelsBeforeSources(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given
            MeshSample.publishBoth(db.dataSource());
            MeshSample.publish(db.dataSource(), "platform-staging", MeshSample.PLATFORM);
            CatalogQueries queries = new CatalogQueries(db.dataSource());

            // then
            assertThatThrownBy(() -> queries.resolve("customer"))
                    .isInstanceOf(NodeLookupException.class)
                    .hasMessageContaining("no node 'customer'")
                    .extracting(e -> ((NodeLookupException) e).candidates())
                    .asList()
                    .contains(SEGMENTS, CUSTOMERS);
            assertThatThrownBy(() -> queries.resolve("stg_customers"))
                    .isInstanceOf(NodeLookupException.class)
                    .hasMessageContaining("names 2 nodes")
                    .extracting(e -> ((NodeLookupException) e).candidates())
                    .asList()
                    .containsExactly(
                            new NodeKey("platform", "model.platform.stg_customers"),
                            new NodeKey("platform-staging", "model.platform.stg_customers"));
            assertThat(queries.resolve("platform:customers")).isEqualTo(CUSTOMERS);
            assertThat(queries.resolve("platform:crm.customers"))
                    .isEqualTo(new NodeKey("platform", "source.platform.crm.customers"));
            assertThat(queries.resolve("platform-staging:stg_customers"))
                    .isEqualTo(new NodeKey("platform-staging", "model.platform.stg_customers"));
            assertThat(queries.resolve("model.marketing.customer_segments")).isEqualTo(SEGMENTS);
            assertThat(queries.resolve("CUSTOMER_SEGMENTS")).isEqualTo(SEGMENTS);
        }
    }
}
