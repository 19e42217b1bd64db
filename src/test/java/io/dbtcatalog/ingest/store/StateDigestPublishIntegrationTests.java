package io.dbtcatalog.ingest.store;

import static io.dbtcatalog.ingest.store.ShopFixture.PROJECT;
import static io.dbtcatalog.ingest.store.ShopFixture.T1;
import static io.dbtcatalog.ingest.store.ShopFixture.T2;
import static io.dbtcatalog.ingest.store.ShopFixture.row;
import static io.dbtcatalog.ingest.store.ShopFixture.shop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbtcatalog.ingest.model.CatalogSnapshot;
import io.dbtcatalog.ingest.support.CatalogDump;
import io.dbtcatalog.ingest.support.TestDatabases.Engine;
import io.dbtcatalog.ingest.support.TestDatabases.TestDatabase;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The store's part of the unchanged-state shortcut (decision 0014): the state digest is remembered with the state, a
 * history-only publish writes history, the project row and the ledger and no state row, and one whose state changed
 * meanwhile fails writing nothing; on H2 and PostgreSQL.
 */
class StateDigestPublishIntegrationTests {

    private static final Instant STARTED = Instant.parse("2024-03-05T10:00:00Z");
    private static final String STATE_1 = "sha256:" + "a".repeat(64);
    private static final String STATE_2 = "sha256:" + "b".repeat(64);

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theStateRemembersItsDigestAndADigestlessStateForgetsIt(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given
            CatalogStore store = new CatalogStore(db.dataSource());
            // when
            store.publish(PROJECT, shop("run-1", T1).build(), STATE_1, false, STARTED, PublishRules.unguarded());
            // then
            assertThat(store.isCurrentStateContent(PROJECT.projectKey(), STATE_1))
                    .isTrue();
            assertThat(store.isCurrentStateContent(PROJECT.projectKey(), STATE_2))
                    .isFalse();
            assertThat(row(
                            db.dataSource(),
                            "SELECT state_content_digest FROM catalog_project WHERE project_key = ?",
                            PROJECT.projectKey()))
                    .containsEntry("state_content_digest", STATE_1);
            // when: a newer state from a source without a state digest (the Discovery API)
            store.publish(PROJECT, shop("run-2", T2).build(), STARTED);
            // then
            assertThat(store.isCurrentStateContent(PROJECT.projectKey(), STATE_1))
                    .isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aHistoryOnlyPublishWritesTheHistoryAndCountsTheStateAsUnchanged(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given
            CatalogStore store = new CatalogStore(db.dataSource());
            PublishResult first = store.publish(
                    PROJECT, shop("run-1", T1).build(), STATE_1, false, STARTED, PublishRules.unguarded());
            CatalogDump state = CatalogDump.of(db.dataSource(), name -> isState(name));
            // when
            PublishResult next = store.publish(
                    PROJECT, historyOnly(shop("run-2", T2).build()), STATE_1, true, STARTED, PublishRules.unguarded());
            // then
            assertThat(next.nodes().unchanged()).isEqualTo(first.nodes().added());
            assertThat(next.columns().unchanged()).isEqualTo(first.columns().added());
            assertThat(next.nodes().changedNothing()).isTrue();
            assertThat(next.testResultsAdded())
                    .isEqualTo(first.testResultsAdded())
                    .isPositive();
            assertThat(state.differences(CatalogDump.of(db.dataSource(), name -> isState(name))))
                    .isEmpty();
            assertThat(row(
                            db.dataSource(),
                            "SELECT state_as_of, complete_as_of, last_ingestion_run_id FROM catalog_project"
                                    + " WHERE project_key = ?",
                            PROJECT.projectKey()))
                    .containsEntry("state_as_of", T2)
                    .containsEntry("complete_as_of", T2)
                    .containsEntry("last_ingestion_run_id", next.ingestionRunId());
            assertThat(row(db.dataSource(), "SELECT message FROM ingestion_run WHERE id = ?", next.ingestionRunId())
                            .get("message"))
                    .asString()
                    .startsWith("state unchanged (state digest " + STATE_1 + ")");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aHistoryOnlyPublishWhoseStateChangedMeanwhileFailsWritingNothing(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given: the pipeline compared STATE_1, then another ingestion published STATE_2
            CatalogStore store = new CatalogStore(db.dataSource());
            store.publish(PROJECT, shop("run-1", T1).build(), STATE_2, false, STARTED, PublishRules.unguarded());
            CatalogDump before = CatalogDump.of(db.dataSource());
            long ledger = ShopFixture.count(db.dataSource(), "ingestion_run");
            // when / then
            assertThatThrownBy(() -> store.publish(
                            PROJECT,
                            historyOnly(shop("run-2", T2).build()),
                            STATE_1,
                            true,
                            STARTED,
                            PublishRules.unguarded()))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("catalog_project")
                    .hasMessageContaining("another ingestion changed that state meanwhile; ingest the run again");
            assertThat(before.differences(CatalogDump.of(db.dataSource()))).isEmpty();
            assertThat(ShopFixture.count(db.dataSource(), "ingestion_run")).isEqualTo(ledger);
        }
    }

    /** The state tables: every catalog table but the project row and the history. */
    private static boolean isState(String table) {
        return table.startsWith("catalog_")
                && !table.equals("catalog_project")
                && !table.endsWith("_result")
                && !table.endsWith("_freshness")
                && !table.endsWith("_stats");
    }

    private static CatalogSnapshot historyOnly(CatalogSnapshot full) {
        return new CatalogSnapshot(
                full.run(),
                full.info(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                full.testResults(),
                full.runResults(),
                full.freshness(),
                true,
                List.of(),
                null);
    }
}
