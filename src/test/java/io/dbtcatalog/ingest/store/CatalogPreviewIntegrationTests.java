package io.dbtcatalog.ingest.store;

import static io.dbtcatalog.ingest.store.ShopFixture.PROJECT;
import static io.dbtcatalog.ingest.store.ShopFixture.T1;
import static io.dbtcatalog.ingest.store.ShopFixture.T2;
import static io.dbtcatalog.ingest.store.ShopFixture.shop;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbtcatalog.ingest.model.CatalogSnapshot;
import io.dbtcatalog.ingest.support.CatalogDump;
import io.dbtcatalog.ingest.support.FaultyDataSource;
import io.dbtcatalog.ingest.support.TestCatalog;
import io.dbtcatalog.ingest.support.TestDatabases.Engine;
import io.dbtcatalog.ingest.support.TestDatabases.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link CatalogStore#preview} predicts a publish exactly and writes nothing; on both engines. */
class CatalogPreviewIntegrationTests {

    private static final Instant STARTED = Instant.parse("2024-03-05T10:00:00Z");
    private static final PublishRules RULES = new PublishRules(0.5, false, false, Duration.ofSeconds(30));

    @ParameterizedTest
    @EnumSource(Engine.class)
    void previewPredictsExactlyWhatThePublishThenDoes(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given: a successor that changes orders, adds returns and drops customers
            CatalogStore store = new CatalogStore(db.dataSource());
            store.publish(PROJECT, shop("run-1", T1).build(), STARTED, RULES);
            CatalogSnapshot successor = shop("run-2", T2, false)
                    .model("orders", m -> m.columns("id", "total").description("changed"))
                    .model("returns", m -> m.columns("id"))
                    .build();

            // when
            PublishPreview preview = store.preview(PROJECT, successor, RULES);
            PublishResult published = store.publish(PROJECT, successor, STARTED, RULES);

            // then
            assertThat(preview.alreadyIngested()).isFalse();
            assertThat(preview.refusal()).isNull();
            assertThat(preview.addedNodes()).containsExactly("model.shop.returns");
            assertThat(preview.changedNodes()).containsExactly("model.shop.orders");
            assertThat(preview.deletedNodes()).containsExactly("model.shop.customers");
            assertThat(preview.nodes()).isEqualTo(published.nodes());
            assertThat(preview.columns()).isEqualTo(published.columns());
            assertThat(preview.edges()).isEqualTo(published.edges());
            assertThat(preview.tests()).isEqualTo(published.tests());
            assertThat(preview.testResultsAdded())
                    .isEqualTo(published.testResultsAdded())
                    .isEqualTo(2);
            assertThat(preview.runResultsAdded()).isEqualTo(published.runResultsAdded());
            assertThat(preview.freshnessAdded()).isEqualTo(published.freshnessAdded());
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void previewWritesNothingAndTakesNoLock(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given
            new CatalogStore(db.dataSource()).publish(PROJECT, shop("run-1", T1).build(), STARTED, RULES);
            CatalogDump before = CatalogDump.of(db.dataSource());
            FaultyDataSource counting = FaultyDataSource.failingAt(db.dataSource(), 0);
            CatalogStore store = new CatalogStore(counting.dataSource());

            // when
            PublishPreview preview =
                    store.preview(PROJECT, shop("run-2", T2, false).build(), RULES);

            // then
            assertThat(preview.deletedNodes()).containsExactly("model.shop.customers");
            assertThat(counting.writes()).isZero();
            assertThat(before.differences(CatalogDump.of(db.dataSource()))).isEmpty();
            assertThat(ShopFixture.count(db.dataSource(), "ingestion_run")).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void previewOfAnEmptyCatalogAddsEverythingAndOfAnIngestedRunChangesNothing(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given
            CatalogStore store = new CatalogStore(db.dataSource());
            CatalogSnapshot first = shop("run-1", T1).build();

            // when
            PublishPreview empty = store.preview(PROJECT, first, RULES);
            store.publish(PROJECT, first, STARTED, RULES);
            PublishPreview again = store.preview(PROJECT, first, RULES);

            // then
            assertThat(empty.nodes()).isEqualTo(new ChangeCounts(6, 0, 0, 0));
            assertThat(empty.alreadyIngested()).isFalse();
            assertThat(again.alreadyIngested()).isTrue();
            assertThat(again.changesNothing()).isTrue();
            assertThat(again.nodes()).isEqualTo(new ChangeCounts(0, 0, 0, 6));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void previewExplainsWhyAPublishWouldRefuseAMassDeletion(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given
            CatalogStore store = new CatalogStore(db.dataSource());
            store.publish(PROJECT, shop("run-1", T1).build(), STARTED, RULES);
            CatalogSnapshot shrunk = TestCatalog.snapshot("run-2")
                    .generatedAt(T2)
                    .model("orders", m -> m.columns("id"))
                    .build();

            // when
            PublishPreview preview = store.preview(PROJECT, shrunk, RULES);

            // then
            assertThat(preview.refusal())
                    .contains("would soft-delete 5 of the project's 6 active nodes")
                    .contains("--allow-mass-delete");
            assertThat(preview.deletedNodes()).hasSize(5);
            assertThat(store.preview(PROJECT, shrunk, new PublishRules(0.5, true, false, null))
                            .refusal())
                    .isNull();
        }
    }
}
