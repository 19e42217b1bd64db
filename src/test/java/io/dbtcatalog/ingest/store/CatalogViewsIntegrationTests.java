package io.dbtcatalog.ingest.store;

import static io.dbtcatalog.ingest.store.ShopFixture.PROJECT;
import static io.dbtcatalog.ingest.store.ShopFixture.T1;
import static io.dbtcatalog.ingest.store.ShopFixture.T2;
import static io.dbtcatalog.ingest.store.ShopFixture.T3;
import static io.dbtcatalog.ingest.store.ShopFixture.row;
import static io.dbtcatalog.ingest.store.ShopFixture.rows;
import static io.dbtcatalog.ingest.support.TestCatalog.modelId;
import static io.dbtcatalog.ingest.support.TestCatalog.sourceId;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbtcatalog.ingest.support.TestCatalog;
import io.dbtcatalog.ingest.support.TestDatabases.Engine;
import io.dbtcatalog.ingest.support.TestDatabases.TestDatabase;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The views of V3 answer their questions on H2 and PostgreSQL alike. */
class CatalogViewsIntegrationTests {

    private static final Instant STARTED = Instant.parse("2024-03-05T10:00:00Z");

    @ParameterizedTest
    @EnumSource(Engine.class)
    void nodeHealthShowsLatestRunTestVerdictsAndFreshness(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given
            CatalogStore store = new CatalogStore(db.dataSource());
            store.publish(
                    PROJECT,
                    health("run-1", T1, true)
                            .runResult("orders", "success")
                            .runResult("customers", "error")
                            .testResult("t_pass", "pass")
                            .testResult("t_fail", "fail")
                            .testResult("t_warn", "pass")
                            .freshness("raw", "orders", "warn", T1.minusSeconds(7200))
                            .build(),
                    STARTED);
            // when
            store.publish(
                    PROJECT,
                    health("run-2", T2, true)
                            .runResult("customers", "success")
                            .testResult("t_warn", "warn")
                            .testResult("t_fail", "error")
                            .freshness("raw", "orders", "pass", T2.minusSeconds(3600))
                            .build(),
                    STARTED);
            // then
            DataSource ds = db.dataSource();
            assertThat(row(
                            ds,
                            "SELECT * FROM catalog_node_health WHERE unique_id = ?",
                            modelId("orders").value()))
                    .containsEntry("project_key", "shop")
                    .containsEntry("resource_type", "model")
                    .containsEntry("last_run_status", "success")
                    .containsEntry("last_run_completed_at", T1.minusSeconds(58))
                    .containsEntry("last_run_execution_time_s", 1.5)
                    .containsEntry("last_run_invocation_id", "inv-run-1")
                    .containsEntry("tests_total", 4L)
                    .containsEntry("tests_failing", 1L)
                    .containsEntry("tests_warning", 1L)
                    .containsEntry("tests_passing", 1L)
                    .containsEntry("tests_other", 0L)
                    .containsEntry("tests_without_result", 1L)
                    .containsEntry("freshness_status", null);
            assertThat(row(
                            ds,
                            "SELECT * FROM catalog_node_health WHERE unique_id = ?",
                            modelId("customers").value()))
                    .containsEntry("last_run_status", "success")
                    .containsEntry("last_run_invocation_id", "inv-run-2")
                    .containsEntry("tests_total", 0L);
            assertThat(row(
                            ds,
                            "SELECT * FROM catalog_node_health WHERE unique_id = ?",
                            sourceId("raw", "orders").value()))
                    .containsEntry("freshness_status", "pass")
                    .containsEntry("freshness_max_loaded_at", T2.minusSeconds(3600))
                    .containsEntry("last_run_status", null);
            assertThat(rows(ds, "SELECT * FROM catalog_node_health")).hasSize(7);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void nodeHealthLeavesOutDeletedNodes(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given
            CatalogStore store = new CatalogStore(db.dataSource());
            store.publish(PROJECT, health("run-1", T1, true).build(), STARTED);
            // when
            store.publish(PROJECT, health("run-2", T2, false).build(), STARTED);
            // then
            assertThat(rows(db.dataSource(), "SELECT unique_id FROM catalog_node_health"))
                    .extracting(r -> r.get("unique_id"))
                    .hasSize(6)
                    .doesNotContain(modelId("customers").value());
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void latestTestResultHoldsOneRowPerTestFromTheNewestRun(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given
            CatalogStore store = new CatalogStore(db.dataSource());
            store.publish(
                    PROJECT,
                    health("run-1", T1, true)
                            .testResult("t_pass", "pass")
                            .testResult("t_fail", "pass")
                            .build(),
                    STARTED);
            // when
            store.publish(
                    PROJECT,
                    health("run-2", T2, true).testResult("t_fail", "fail").build(),
                    STARTED);
            // then
            assertThat(rows(
                            db.dataSource(),
                            "SELECT test_unique_id, status, invocation_id"
                                    + " FROM catalog_latest_test_result ORDER BY test_unique_id"))
                    .extracting(r -> r.get("test_unique_id") + " " + r.get("status") + " " + r.get("invocation_id"))
                    .containsExactly("test.shop.t_fail fail inv-run-2", "test.shop.t_pass pass inv-run-1");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void lineageClosureGivesShortestDistancesOnADiamond(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given: a -> b -> d, a -> c -> d, d -> e, and a shortcut a -> d
            CatalogStore store = new CatalogStore(db.dataSource());
            store.publish(PROJECT, diamond("run-1", T1, true).build(), STARTED);
            // when
            List<String> closure = closure(db.dataSource());
            // then
            assertThat(closure)
                    .containsExactlyInAnyOrder(
                            "a>b:1", "a>c:1", "a>d:1", "a>e:2", "b>d:1", "b>e:2", "c>d:1", "c>e:2", "d>e:1");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void lineageClosureIgnoresDeletedEdges(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given
            CatalogStore store = new CatalogStore(db.dataSource());
            store.publish(PROJECT, diamond("run-1", T1, true).build(), STARTED);
            // when: the shortcut a -> d disappears
            store.publish(PROJECT, diamond("run-2", T2, false).build(), STARTED);
            // then
            assertThat(closure(db.dataSource())).contains("a>d:2", "a>e:3").doesNotContain("a>d:1");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void lineageClosureTerminatesOnACycle(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given
            CatalogStore store = new CatalogStore(db.dataSource());
            store.publish(
                    PROJECT,
                    TestCatalog.snapshot("run-1")
                            .generatedAt(T3)
                            .model("x")
                            .model("y")
                            .edge(modelId("x"), modelId("y"))
                            .edge(modelId("y"), modelId("x"))
                            .build(),
                    STARTED);
            // when
            List<String> closure = closure(db.dataSource());
            // then
            assertThat(closure).containsExactlyInAnyOrder("x>y:1", "y>x:1", "x>x:2", "y>y:2");
        }
    }

    private static TestCatalog health(String runKey, Instant at, boolean withCustomers) {
        TestCatalog catalog = TestCatalog.snapshot(runKey)
                .generatedAt(at)
                .source("raw", "orders", s -> s.columns("id"))
                .model("orders", m -> m.columns("id").dependsOn(sourceId("raw", "orders")));
        for (String test : List.of("t_pass", "t_fail", "t_warn", "t_new")) {
            catalog.test(test, t -> t.on(modelId("orders")).column("id"));
        }
        return withCustomers ? catalog.model("customers", m -> m.dependsOn(modelId("orders"))) : catalog;
    }

    private static TestCatalog diamond(String runKey, Instant at, boolean withShortcut) {
        return TestCatalog.snapshot(runKey)
                .generatedAt(at)
                .model("a")
                .model("b", m -> m.dependsOn(modelId("a")))
                .model("c", m -> m.dependsOn(modelId("a")))
                .model(
                        "d",
                        m -> m.dependsOn(
                                withShortcut
                                        ? new io.dbtcatalog.ingest.model.NodeId[] {
                                            modelId("b"), modelId("c"), modelId("a")
                                        }
                                        : new io.dbtcatalog.ingest.model.NodeId[] {modelId("b"), modelId("c")}))
                .model("e", m -> m.dependsOn(modelId("d")));
    }

    private static List<String> closure(DataSource dataSource) {
        return rows(
                        dataSource,
                        "SELECT ancestor_unique_id, descendant_unique_id, distance"
                                + " FROM catalog_lineage_closure WHERE project_key = ?",
                        "shop")
                .stream()
                .map(r -> name(r.get("ancestor_unique_id")) + ">" + name(r.get("descendant_unique_id")) + ":"
                        + r.get("distance"))
                .toList();
    }

    private static String name(Object uniqueId) {
        String id = (String) uniqueId;
        return id.substring(id.lastIndexOf('.') + 1);
    }
}
