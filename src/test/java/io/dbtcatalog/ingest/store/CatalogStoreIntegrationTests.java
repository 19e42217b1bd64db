package io.dbtcatalog.ingest.store;

import static io.dbtcatalog.ingest.store.ShopFixture.PROJECT;
import static io.dbtcatalog.ingest.store.ShopFixture.T1;
import static io.dbtcatalog.ingest.store.ShopFixture.T2;
import static io.dbtcatalog.ingest.store.ShopFixture.T3;
import static io.dbtcatalog.ingest.store.ShopFixture.count;
import static io.dbtcatalog.ingest.store.ShopFixture.row;
import static io.dbtcatalog.ingest.store.ShopFixture.rows;
import static io.dbtcatalog.ingest.store.ShopFixture.shop;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbtcatalog.ingest.model.CatalogSnapshot;
import io.dbtcatalog.ingest.support.CatalogDump;
import io.dbtcatalog.ingest.support.TestDatabases.Engine;
import io.dbtcatalog.ingest.support.TestDatabases.TestDatabase;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Publishing snapshots: inserts, idempotence, soft deletes, revival, history and the ledger, on H2 and PostgreSQL. */
class CatalogStoreIntegrationTests {

    private static final Instant STARTED = Instant.parse("2024-03-05T10:00:00Z");

    @ParameterizedTest
    @EnumSource(Engine.class)
    void publishingFirstSnapshotInsertsEveryRow(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given
            CatalogStore store = new CatalogStore(db.dataSource());
            // when
            PublishResult result = store.publish(PROJECT, shop("run-1", T1).build(), STARTED);
            // then
            DataSource ds = db.dataSource();
            assertThat(result.nodes()).isEqualTo(new ChangeCounts(6, 0, 0, 0));
            assertThat(result.columns()).isEqualTo(new ChangeCounts(10, 0, 0, 0));
            assertThat(result.edges()).isEqualTo(new ChangeCounts(5, 0, 0, 0));
            assertThat(result.tests()).isEqualTo(new ChangeCounts(2, 0, 0, 0));
            assertThat(result.testResultsAdded()).isEqualTo(2);
            assertThat(result.runResultsAdded()).isEqualTo(3);
            assertThat(result.freshnessAdded()).isEqualTo(1);
            assertThat(result.rowsWritten()).isEqualTo(6 + 10 + 5 + 2 + 2 + 3 + 1 + 1);
            assertThat(result.stateApplied()).isTrue();
            assertThat(result.changedNothing()).isFalse();

            Map<String, Object> orders =
                    row(ds, "SELECT * FROM catalog_node_seen WHERE unique_id = ?", "model.shop.orders");
            assertThat(orders)
                    .containsEntry("project_key", "shop")
                    .containsEntry("resource_type", "model")
                    .containsEntry("name", "orders")
                    .containsEntry("materialization", "table")
                    .containsEntry("tags", "[\"finance\",\"daily\"]")
                    .containsEntry("meta", "{\"owner\":\"ana\"}")
                    .containsEntry("first_seen_at", T1)
                    .containsEntry("last_seen_at", T1)
                    .containsEntry("last_changed_at", T1)
                    .containsEntry("deleted_at", null)
                    .containsEntry("last_ingestion_run_id", result.ingestionRunId());
            assertThat((String) orders.get("content_hash")).hasSize(64);
            assertThat(rows(
                            ds,
                            "SELECT column_name, ordinal, documented, in_warehouse FROM catalog_column"
                                    + " WHERE node_unique_id = ? ORDER BY ordinal",
                            "model.shop.orders"))
                    .extracting(r -> r.get("column_name"))
                    .containsExactly("id", "amount", "status");
            assertThat(row(ds, "SELECT * FROM catalog_test WHERE unique_id = ?", "test.shop.unique_orders_id"))
                    .containsEntry("test_name", "unique")
                    .containsEntry("kind", "generic")
                    .containsEntry("attached_node_unique_id", "model.shop.orders")
                    .containsEntry("column_name", "id")
                    .containsEntry("kwargs", "{\"column_name\":\"id\"}");
            assertThat(row(
                            ds,
                            "SELECT * FROM catalog_test_result WHERE test_unique_id = ?",
                            "test.shop.unique_orders_id"))
                    .containsEntry("status", "fail")
                    .containsEntry("failures", 3L)
                    .containsEntry("invocation_id", "inv-run-1")
                    .containsEntry("generated_at", T1)
                    .containsEntry("ingestion_run_id", result.ingestionRunId());
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void publishWritesLedgerRowAndProjectRow(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given
            CatalogStore store = new CatalogStore(db.dataSource());
            CatalogSnapshot snapshot =
                    shop("run-1", T1).warning("sources.json missing").build();
            // when
            PublishResult result = store.publish(PROJECT, snapshot, STARTED);
            // then
            assertThat(row(db.dataSource(), "SELECT * FROM ingestion_run WHERE id = ?", result.ingestionRunId()))
                    .containsEntry("project_key", "shop")
                    .containsEntry("source_kind", "local")
                    .containsEntry("run_key", "run-1")
                    .containsEntry("status", "SUCCEEDED")
                    .containsEntry("invocation_id", "inv-run-1")
                    .containsEntry("generated_at", T1)
                    .containsEntry("dbt_version", "1.9.1")
                    .containsEntry("results_command", "build")
                    .containsEntry("location", "/projects/shop/target")
                    .containsEntry("started_at", STARTED)
                    .containsEntry("snapshot_complete", true)
                    .containsEntry("state_applied", true)
                    .containsEntry("nodes_added", 6L)
                    .containsEntry("columns_added", 10L)
                    .containsEntry("edges_added", 5L)
                    .containsEntry("tests_added", 2L)
                    .containsEntry("test_results_added", 2L)
                    .containsEntry("run_results_added", 3L)
                    .containsEntry("freshness_added", 1L)
                    .containsEntry("rows_written", result.rowsWritten())
                    .containsEntry("message", "sources.json missing");
            assertThat(row(db.dataSource(), "SELECT * FROM catalog_project WHERE project_key = 'shop'"))
                    .containsEntry("dbt_project_name", "shop")
                    .containsEntry("adapter_type", "postgres")
                    .containsEntry("dbt_version", "1.9.1")
                    .containsEntry("state_as_of", T1)
                    .containsEntry("last_ingestion_run_id", result.ingestionRunId());
            assertThat(store.isIngested("shop", "run-1")).isTrue();
            assertThat(store.isIngested("shop", "run-2")).isFalse();
            assertThat(store.isIngested("other", "run-1")).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void ingestingSameRunTwiceChangesNoRow(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given
            CatalogStore store = new CatalogStore(db.dataSource());
            store.publish(PROJECT, shop("run-1", T1).build(), STARTED);
            CatalogDump before = CatalogDump.of(db.dataSource());
            // when
            PublishResult again = store.publish(PROJECT, shop("run-1", T1).build(), STARTED.plusSeconds(60));
            // then
            assertThat(before.differences(CatalogDump.of(db.dataSource()))).isEmpty();
            assertThat(again.nodes()).isEqualTo(new ChangeCounts(0, 0, 0, 6));
            assertThat(again.columns()).isEqualTo(new ChangeCounts(0, 0, 0, 10));
            assertThat(again.edges()).isEqualTo(new ChangeCounts(0, 0, 0, 5));
            assertThat(again.tests()).isEqualTo(new ChangeCounts(0, 0, 0, 2));
            assertThat(again.testResultsAdded() + again.runResultsAdded() + again.freshnessAdded())
                    .isZero();
            assertThat(again.rowsWritten()).isZero();
            assertThat(again.changedNothing()).isTrue();
            assertThat(count(db.dataSource(), "ingestion_run")).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void newerRunWithSameContentOnlyRefreshesLastSeenAndAddsHistory(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given
            CatalogStore store = new CatalogStore(db.dataSource());
            store.publish(PROJECT, shop("run-1", T1).build(), STARTED);
            // when
            PublishResult result = store.publish(PROJECT, shop("run-2", T2).build(), STARTED);
            // then
            assertThat(result.nodes()).isEqualTo(new ChangeCounts(0, 0, 0, 6));
            assertThat(result.runResultsAdded()).isEqualTo(3);
            assertThat(result.changedNothing()).isFalse();
            assertThat(row(db.dataSource(), "SELECT * FROM catalog_node_seen WHERE unique_id = 'model.shop.orders'"))
                    .containsEntry("first_seen_at", T1)
                    .containsEntry("last_changed_at", T1)
                    .containsEntry("last_seen_at", T2);
            assertThat(rows(db.dataSource(), "SELECT DISTINCT last_seen_at FROM catalog_column_seen"))
                    .containsExactly(Map.of("last_seen_at", T2));
            assertThat(count(db.dataSource(), "catalog_run_result")).isEqualTo(6);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void shouldSoftDeleteNodesMissingFromNextCompleteSnapshot(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given
            CatalogStore store = new CatalogStore(db.dataSource());
            store.publish(PROJECT, shop("run-1", T1).build(), STARTED);
            // when
            PublishResult result =
                    store.publish(PROJECT, shop("run-2", T2, false).build(), STARTED);
            // then
            assertThat(result.nodes()).isEqualTo(new ChangeCounts(0, 0, 1, 5));
            assertThat(result.columns()).isEqualTo(new ChangeCounts(0, 0, 2, 8));
            assertThat(result.edges()).isEqualTo(new ChangeCounts(0, 0, 1, 4));
            DataSource ds = db.dataSource();
            assertThat(row(ds, "SELECT * FROM catalog_node_seen WHERE unique_id = 'model.shop.customers'"))
                    .containsEntry("deleted_at", T2)
                    .containsEntry("last_changed_at", T2)
                    .containsEntry("last_seen_at", T1)
                    .containsEntry("last_ingestion_run_id", result.ingestionRunId());
            assertThat(rows(ds, "SELECT deleted_at FROM catalog_column WHERE node_unique_id = 'model.shop.customers'"))
                    .extracting(r -> r.get("deleted_at"))
                    .containsOnly(T2);
            assertThat(row(ds, "SELECT deleted_at FROM catalog_lineage WHERE child_unique_id = 'model.shop.customers'"))
                    .containsEntry("deleted_at", T2);
            assertThat(rows(ds, "SELECT * FROM catalog_run_result WHERE node_unique_id = 'model.shop.customers'"))
                    .hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void shouldReviveNodeThatComesBack(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given
            CatalogStore store = new CatalogStore(db.dataSource());
            store.publish(PROJECT, shop("run-1", T1).build(), STARTED);
            store.publish(PROJECT, shop("run-2", T2, false).build(), STARTED);
            // when
            PublishResult result = store.publish(PROJECT, shop("run-3", T3).build(), STARTED);
            // then
            assertThat(result.nodes()).isEqualTo(new ChangeCounts(0, 1, 0, 5));
            assertThat(result.columns()).isEqualTo(new ChangeCounts(0, 2, 0, 8));
            assertThat(result.edges()).isEqualTo(new ChangeCounts(0, 1, 0, 4));
            assertThat(row(db.dataSource(), "SELECT * FROM catalog_node_seen WHERE unique_id = 'model.shop.customers'"))
                    .containsEntry("deleted_at", null)
                    .containsEntry("first_seen_at", T1)
                    .containsEntry("last_seen_at", T3)
                    .containsEntry("last_changed_at", T3);
            assertThat(rows(db.dataSource(), "SELECT * FROM catalog_column WHERE deleted_at IS NOT NULL"))
                    .isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void changedContentUpdatesOnlyThatRow(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given
            CatalogStore store = new CatalogStore(db.dataSource());
            store.publish(PROJECT, shop("run-1", T1).build(), STARTED);
            CatalogSnapshot changed = shop("run-2", T2)
                    .model("returns", m -> m.columns("id").description("new model"))
                    .build();
            // when
            PublishResult result = store.publish(PROJECT, changed, STARTED);
            // then
            assertThat(result.nodes()).isEqualTo(new ChangeCounts(1, 0, 0, 6));
            assertThat(result.columns()).isEqualTo(new ChangeCounts(1, 0, 0, 10));
            CatalogSnapshot described = shop("run-3", T3)
                    .model("returns", m -> m.columns("id").description("now documented"))
                    .build();
            PublishResult next = store.publish(PROJECT, described, STARTED);
            assertThat(next.nodes()).isEqualTo(new ChangeCounts(0, 1, 0, 6));
            assertThat(row(db.dataSource(), "SELECT * FROM catalog_node WHERE unique_id = 'model.shop.returns'"))
                    .containsEntry("description", "now documented")
                    .containsEntry("first_seen_at", T2)
                    .containsEntry("last_changed_at", T3);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void incompleteSnapshotDeletesNothing(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given
            CatalogStore store = new CatalogStore(db.dataSource());
            store.publish(PROJECT, shop("run-1", T1).build(), STARTED);
            // when
            PublishResult result =
                    store.publish(PROJECT, shop("run-2", T2, false).incomplete().build(), STARTED);
            // then
            assertThat(result.nodes()).isEqualTo(new ChangeCounts(0, 0, 0, 5));
            assertThat(row(db.dataSource(), "SELECT * FROM catalog_node_seen WHERE unique_id = 'model.shop.customers'"))
                    .containsEntry("deleted_at", null)
                    .containsEntry("last_seen_at", T1);
            assertThat(row(db.dataSource(), "SELECT * FROM catalog_node_seen WHERE unique_id = 'model.shop.orders'"))
                    .containsEntry("last_seen_at", T2);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void olderSnapshotKeepsTheStateAndAddsOnlyItsHistory(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given
            CatalogStore store = new CatalogStore(db.dataSource());
            store.publish(PROJECT, shop("run-2", T2, false).build(), STARTED);
            CatalogDump before = CatalogDump.of(db.dataSource());
            // when
            PublishResult result = store.publish(PROJECT, shop("run-1", T1).build(), STARTED);
            // then
            assertThat(result.stateApplied()).isFalse();
            assertThat(result.nodes()).isEqualTo(ChangeCounts.NONE);
            assertThat(result.runResultsAdded()).isEqualTo(3);
            CatalogDump after = CatalogDump.of(db.dataSource());
            assertThat(after.rows("catalog_node")).isEqualTo(before.rows("catalog_node"));
            assertThat(after.rows("catalog_column")).isEqualTo(before.rows("catalog_column"));
            assertThat(row(
                                    db.dataSource(),
                                    "SELECT state_applied, message FROM ingestion_run WHERE id = ?",
                                    result.ingestionRunId())
                            .get("message")
                            .toString())
                    .startsWith("state not applied");
            PublishResult replay = store.publish(PROJECT, shop("run-1", T1).build(), STARTED);
            assertThat(replay.changedNothing()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void recordFailureWritesFailedRowAndLeavesCatalogAlone(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given
            CatalogStore store = new CatalogStore(db.dataSource());
            CatalogSnapshot snapshot = shop("run-1", T1).build();
            CatalogDump before = CatalogDump.of(db.dataSource());
            // when
            long id = store.recordFailure(PROJECT, snapshot.run(), STARTED, "manifest.json: unexpected end of input");
            // then
            assertThat(row(db.dataSource(), "SELECT * FROM ingestion_run WHERE id = ?", id))
                    .containsEntry("status", "FAILED")
                    .containsEntry("run_key", "run-1")
                    .containsEntry("message", "manifest.json: unexpected end of input")
                    .containsEntry("started_at", STARTED)
                    .containsEntry("state_applied", false);
            assertThat(before.differences(CatalogDump.of(db.dataSource()))).isEmpty();
            assertThat(store.isIngested("shop", "run-1")).isFalse();
        }
    }
}
