package io.dbtcatalog.ingest.store;

import static io.dbtcatalog.ingest.store.ShopFixture.PROJECT;
import static io.dbtcatalog.ingest.store.ShopFixture.T1;
import static io.dbtcatalog.ingest.store.ShopFixture.T2;
import static io.dbtcatalog.ingest.store.ShopFixture.count;
import static io.dbtcatalog.ingest.store.ShopFixture.rows;
import static io.dbtcatalog.ingest.store.ShopFixture.shop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbtcatalog.ingest.model.CatalogSnapshot;
import io.dbtcatalog.ingest.support.CatalogDump;
import io.dbtcatalog.ingest.support.FaultyDataSource;
import io.dbtcatalog.ingest.support.TestDatabases.Engine;
import io.dbtcatalog.ingest.support.TestDatabases.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A publish is all or nothing, and publishes of one project serialize; on H2 and PostgreSQL. */
class CatalogStoreAtomicityIntegrationTests {

    private static final Instant STARTED = Instant.parse("2024-03-05T10:00:00Z");
    private static final int MAX_WRITES = 200;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void failureAtAnyWriteLeavesEveryCatalogTableAsBefore(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given: a published run, and a successor that inserts, updates, deletes and appends history
            new CatalogStore(db.dataSource()).publish(PROJECT, shop("run-1", T1).build(), STARTED);
            CatalogSnapshot successor = shop("run-2", T2, false)
                    .model("orders", m -> m.columns("id", "total").description("changed"))
                    .model("returns", m -> m.columns("id"))
                    .build();
            CatalogDump before = CatalogDump.of(db.dataSource());
            String lastFailure = null;
            int failAt = 1;
            for (; failAt <= MAX_WRITES; failAt++) {
                FaultyDataSource faulty = FaultyDataSource.failingAt(db.dataSource(), failAt);
                CatalogStore store = new CatalogStore(faulty.dataSource());
                // when
                try {
                    store.publish(PROJECT, successor, STARTED);
                    break;
                } catch (StoreException e) {
                    // then
                    assertThat(e).hasMessageContaining("injected failure").hasMessageContaining("project 'shop'");
                    assertThat(before.differences(CatalogDump.of(db.dataSource())))
                            .as("catalog after a failure at write %d", failAt)
                            .isEmpty();
                    assertThat(count(db.dataSource(), "ingestion_run")).isEqualTo(1);
                    lastFailure = e.getMessage();
                }
            }
            assertThat(lastFailure)
                    .as("the last write of a publish is its commit")
                    .contains("(commit)");
            assertThat(failAt).as("writes of a publish before it succeeded").isBetween(5, MAX_WRITES - 1);
            assertThat(count(db.dataSource(), "ingestion_run")).isEqualTo(2);
            assertThat(rows(db.dataSource(), "SELECT * FROM catalog_node WHERE unique_id = 'model.shop.returns'"))
                    .hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void failedFirstPublishLeavesNoProjectRow(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given
            FaultyDataSource faulty = FaultyDataSource.failingAt(db.dataSource(), 4);
            CatalogStore store = new CatalogStore(faulty.dataSource());
            // when
            assertThatThrownBy(() -> store.publish(PROJECT, shop("run-1", T1).build(), STARTED))
                    .isInstanceOf(StoreException.class);
            // then
            assertThat(CatalogDump.of(db.dataSource()).tables().values())
                    .allSatisfy(t -> assertThat(t).isEmpty());
            assertThat(new CatalogStore(db.dataSource()).isIngested("shop", "run-1"))
                    .isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void concurrentPublishesOfOneProjectSerializeAndBothSucceed(Engine engine) throws Exception {
        try (TestDatabase db = engine.create()) {
            // given: two different runs of a project that does not exist yet, published at the same moment
            CatalogStore store = new CatalogStore(db.dataSource());
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                for (int round = 0; round < 3; round++) {
                    ProjectRef project = new ProjectRef("race-" + round, "local", null, null, null, null);
                    CountDownLatch start = new CountDownLatch(1);
                    List<Future<PublishResult>> results = new ArrayList<>();
                    for (CatalogSnapshot snapshot :
                            List.of(shop("run-a", T1).build(), shop("run-b", T2).build())) {
                        results.add(pool.submit(() -> {
                            start.await();
                            return store.publish(project, snapshot, STARTED);
                        }));
                    }
                    // when
                    start.countDown();
                    // then
                    for (Future<PublishResult> result : results) {
                        assertThat(result.get(60, TimeUnit.SECONDS).ingestionRunId())
                                .isPositive();
                    }
                    assertThat(rows(
                                    db.dataSource(),
                                    "SELECT state_as_of FROM catalog_project WHERE project_key = ?",
                                    project.projectKey()))
                            .extracting(r -> r.get("state_as_of"))
                            .containsExactly(T2);
                    assertThat(rows(
                                    db.dataSource(),
                                    "SELECT COUNT(*) AS n FROM catalog_run_result" + " WHERE project_key = ?",
                                    project.projectKey()))
                            .extracting(r -> r.get("n"))
                            .containsExactly(6L);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
