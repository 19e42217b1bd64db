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
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The digest of the artifact files the catalog state was published from: recorded with the state, recognized
 * before parsing, and a snapshot left unread for it only acknowledged, on H2 and PostgreSQL.
 */
class ArtifactDigestIntegrationTests {

    private static final Instant STARTED = Instant.parse("2024-03-05T10:00:00Z");
    private static final String DIGEST_1 = "sha256:" + "1".repeat(64);
    private static final String DIGEST_2 = "sha256:" + "2".repeat(64);

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theStateRemembersTheDigestOfTheFilesItWasPublishedFrom(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given
            CatalogStore store = new CatalogStore(db.dataSource());
            assertThat(store.isCurrentState(PROJECT.projectKey(), DIGEST_1)).isFalse();
            // when
            PublishResult result =
                    store.publish(PROJECT, shop("run-1", T1).build().withArtifactDigest(DIGEST_1), STARTED);
            // then
            assertThat(row(
                            db.dataSource(),
                            "SELECT artifact_digest FROM ingestion_run WHERE id = ?",
                            result.ingestionRunId()))
                    .containsEntry("artifact_digest", DIGEST_1);
            assertThat(store.isCurrentState(PROJECT.projectKey(), DIGEST_1)).isTrue();
            assertThat(store.isCurrentState(PROJECT.projectKey(), DIGEST_2)).isFalse();
            assertThat(store.isCurrentState("another-project", DIGEST_1)).isFalse();
            assertThat(row(
                            db.dataSource(),
                            "SELECT state_artifact_digest FROM catalog_project WHERE project_key = ?",
                            PROJECT.projectKey()))
                    .containsEntry("state_artifact_digest", DIGEST_1);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aNewerStateReplacesTheDigestAndAnOlderRunOrADigestlessSourceDoNotLeaveAStaleOne(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given
            CatalogStore store = new CatalogStore(db.dataSource());
            store.publish(PROJECT, shop("run-2", T2).build().withArtifactDigest(DIGEST_2), STARTED);
            // when: an older run only adds history, so the state (and its digest) stay those of run-2
            store.publish(PROJECT, shop("run-1", T1).build().withArtifactDigest(DIGEST_1), STARTED);
            // then
            assertThat(store.isCurrentState(PROJECT.projectKey(), DIGEST_2)).isTrue();
            assertThat(store.isCurrentState(PROJECT.projectKey(), DIGEST_1)).isFalse();
            // when: a newer state from a source without files (the Discovery API)
            store.publish(PROJECT, shop("run-3", T2.plusSeconds(60)).build(), STARTED);
            // then
            assertThat(store.isCurrentState(PROJECT.projectKey(), DIGEST_2)).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aRunIdenticalToTheStateIsAcknowledgedInTheLedgerWithoutWritingACatalogRow(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given
            DataSource ds = db.dataSource();
            CatalogStore store = new CatalogStore(ds);
            CatalogSnapshot full = shop("run-1", T1).build().withArtifactDigest(DIGEST_1);
            store.publish(PROJECT, full, STARTED);
            CatalogDump before = CatalogDump.of(ds);
            // when
            PublishResult result = store.acknowledgeUnchanged(
                    PROJECT, full.run(), full.info(), DIGEST_1, STARTED, PublishRules.unguarded());
            // then
            assertThat(result.rowsWritten()).isZero();
            assertThat(result.changedNothing()).isTrue();
            assertThat(CatalogDump.of(ds).differences(before)).isEmpty();
            assertThat(row(
                            ds,
                            "SELECT status, state_applied, snapshot_complete, rows_written, message,"
                                    + " artifact_digest FROM ingestion_run WHERE id = ?",
                            result.ingestionRunId()))
                    .containsEntry("status", "SUCCEEDED")
                    .containsEntry("state_applied", true)
                    .containsEntry("artifact_digest", DIGEST_1)
                    .containsEntry("snapshot_complete", true)
                    .containsEntry("rows_written", 0L)
                    .hasEntrySatisfying("message", m -> assertThat((String) m)
                            .contains("artifacts identical to those the current state was published from")
                            .contains(DIGEST_1));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anUnreadRunWhoseStateChangedMeanwhileFailsWithoutWritingAnything(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given: run-1 was found identical to the state, then run-2 was published before it
            DataSource ds = db.dataSource();
            CatalogStore store = new CatalogStore(ds);
            CatalogSnapshot first = shop("run-1", T1).build().withArtifactDigest(DIGEST_1);
            store.publish(PROJECT, first, STARTED);
            store.publish(PROJECT, shop("run-2", T2).build().withArtifactDigest(DIGEST_2), STARTED);
            CatalogDump before = CatalogDump.of(ds);
            long ledgerRows = ShopFixture.count(ds, "ingestion_run");
            // when / then
            assertThatThrownBy(() -> store.acknowledgeUnchanged(
                            PROJECT, first.run(), first.info(), DIGEST_1, STARTED, PublishRules.unguarded()))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("catalog_project")
                    .hasMessageContaining("another ingestion changed that state meanwhile; ingest the run again");
            assertThat(CatalogDump.of(ds).differences(before)).isEmpty();
            assertThat(ShopFixture.count(ds, "ingestion_run")).isEqualTo(ledgerRows);
        }
    }
}
