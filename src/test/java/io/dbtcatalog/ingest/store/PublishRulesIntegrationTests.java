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
import io.dbtcatalog.ingest.support.TestCatalog;
import io.dbtcatalog.ingest.support.TestDatabases.Engine;
import io.dbtcatalog.ingest.support.TestDatabases.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The deletion guard, the re-check of the ledger under the project lock and the lock timeout; on both engines. */
class PublishRulesIntegrationTests {

    private static final Instant STARTED = Instant.parse("2024-03-05T10:00:00Z");
    private static final PublishRules GUARDED = new PublishRules(0.5, false, false, Duration.ofSeconds(30));

    @ParameterizedTest
    @EnumSource(Engine.class)
    void snapshotDeletingMoreThanTheAllowedShareIsRefusedAndWritesNothing(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given: 6 active nodes, and a complete successor that keeps only the source (5 of 6 gone)
            CatalogStore store = new CatalogStore(db.dataSource());
            store.publish(PROJECT, shop("run-1", T1).build(), STARTED, GUARDED);
            CatalogDump before = CatalogDump.of(db.dataSource());
            CatalogSnapshot shrunk = TestCatalog.snapshot("run-2")
                    .generatedAt(T2)
                    .source("raw", "orders", s -> s.columns("id", "amount", "loaded_at"))
                    .build();

            // when / then
            assertThatThrownBy(() -> store.publish(PROJECT, shrunk, STARTED, GUARDED))
                    .isInstanceOf(MassDeleteException.class)
                    .hasMessageContaining("project 'shop'")
                    .hasMessageContaining("would soft-delete 5 of the project's 6 active nodes (83%)")
                    .hasMessageContaining("ingestion.max-delete-share allows (50%)")
                    .hasMessageContaining("--allow-mass-delete");
            assertThat(before.differences(CatalogDump.of(db.dataSource()))).isEmpty();
            assertThat(count(db.dataSource(), "ingestion_run")).isEqualTo(1);
            PublishResult allowed =
                    store.publish(PROJECT, shrunk, STARTED, new PublishRules(0.5, true, false, Duration.ofSeconds(30)));
            assertThat(allowed.nodes().deleted()).isEqualTo(5);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void deletingUpToTheAllowedShareGoesAhead(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given: 6 active nodes; the successor drops customers and both tests (3 of 6 = exactly 50%)
            CatalogStore store = new CatalogStore(db.dataSource());
            store.publish(PROJECT, shop("run-1", T1).build(), STARTED, GUARDED);
            CatalogSnapshot half = TestCatalog.snapshot("run-2")
                    .generatedAt(T2)
                    .source("raw", "orders", s -> s.columns("id", "amount", "loaded_at"))
                    .model("stg_orders", m -> m.columns("id", "amount")
                            .dependsOn(TestCatalog.sourceId("raw", "orders")))
                    .model("orders", m -> m.columns("id"))
                    .build();

            // when
            PublishResult result = store.publish(PROJECT, half, STARTED, GUARDED);

            // then
            assertThat(result.nodes().deleted()).isEqualTo(3);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void incompleteSnapshotsNeverTripTheGuard(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given
            CatalogStore store = new CatalogStore(db.dataSource());
            store.publish(PROJECT, shop("run-1", T1).build(), STARTED, GUARDED);
            CatalogSnapshot partial = TestCatalog.snapshot("run-2")
                    .generatedAt(T2)
                    .incomplete()
                    .model("orders", m -> m.columns("id"))
                    .build();

            // when
            PublishResult result = store.publish(PROJECT, partial, STARTED, GUARDED);

            // then
            assertThat(result.nodes().deleted()).isZero();
            assertThat(rows(db.dataSource(), "SELECT unique_id FROM catalog_node WHERE deleted_at IS NULL"))
                    .hasSize(6);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void runIngestedMeanwhileIsNotPublishedTwiceUnlessRepublishing(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given: the run is in the ledger (as if another process published it while this one waited)
            CatalogStore store = new CatalogStore(db.dataSource());
            store.publish(PROJECT, shop("run-1", T1).build(), STARTED, GUARDED);
            CatalogDump before = CatalogDump.of(db.dataSource());

            // when / then
            assertThatThrownBy(() -> store.publish(PROJECT, shop("run-1", T1).build(), STARTED, GUARDED))
                    .isInstanceOf(RunAlreadyIngestedException.class)
                    .hasMessageContaining("run run-1 was ingested by another ingestion in the meantime");
            assertThat(before.differences(CatalogDump.of(db.dataSource()))).isEmpty();
            assertThat(count(db.dataSource(), "ingestion_run")).isEqualTo(1);
            store.publish(
                    PROJECT,
                    shop("run-1", T1).build(),
                    STARTED,
                    new PublishRules(0.5, false, true, Duration.ofSeconds(30)));
            assertThat(count(db.dataSource(), "ingestion_run")).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void publishWaitingLongerThanTheLockTimeoutReportsTheProjectBusy(Engine engine) throws Exception {
        try (TestDatabase db = engine.create()) {
            // given: another transaction holds the project's lock
            CatalogStore store = new CatalogStore(db.dataSource());
            store.publish(PROJECT, shop("run-1", T1).build(), STARTED, GUARDED);
            CatalogDump before = CatalogDump.of(db.dataSource());
            PublishRules impatient = new PublishRules(0.5, false, false, Duration.ofMillis(300));
            try (Connection holder = db.dataSource().getConnection()) {
                holder.setAutoCommit(false);
                try (PreparedStatement lock = holder.prepareStatement(
                        "SELECT project_key FROM catalog_project WHERE project_key = ? FOR UPDATE")) {
                    lock.setString(1, PROJECT.projectKey());
                    lock.executeQuery().close();
                }

                // when / then
                assertThatThrownBy(
                                () -> store.publish(PROJECT, shop("run-2", T2).build(), STARTED, impatient))
                        .isInstanceOf(ProjectBusyException.class)
                        .hasMessageContaining("project 'shop'")
                        .hasMessageContaining("the project is busy")
                        .hasMessageContaining("within 300 ms (ingestion.lock-timeout)");
                holder.rollback();
            }
            assertThat(before.differences(CatalogDump.of(db.dataSource()))).isEmpty();
            assertThat(store.publish(PROJECT, shop("run-2", T2).build(), STARTED, impatient)
                            .nodes()
                            .unchanged())
                    .isEqualTo(6);
        }
    }
}
