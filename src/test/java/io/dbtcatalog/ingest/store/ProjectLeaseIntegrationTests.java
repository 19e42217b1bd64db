package io.dbtcatalog.ingest.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbtcatalog.ingest.model.RunRef;
import io.dbtcatalog.ingest.support.TestDatabases.Engine;
import io.dbtcatalog.ingest.support.TestDatabases.TestDatabase;
import io.dbtcatalog.ingest.support.TestRuns;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The project lease is exclusive while held and free again once closed; the ledger status reads its newest rows. */
class ProjectLeaseIntegrationTests {

    @ParameterizedTest
    @EnumSource(Engine.class)
    void leaseIsHeldByOneHolderAtATimeAndFreedWhenClosed(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given
            CatalogStore store = new CatalogStore(db.dataSource());

            // when / then
            try (ProjectLease first = store.tryLease("shop")) {
                assertThat(first.held()).isTrue();
                try (ProjectLease second = store.tryLease("shop");
                        ProjectLease other = store.tryLease("other")) {
                    assertThat(second.held()).isFalse();
                    assertThat(other.held()).isTrue();
                }
            }
            try (ProjectLease again = store.tryLease("shop")) {
                assertThat(again.held()).isTrue();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void statusTellsTheNewestSuccessAndFailureAndWhetherTheNewestAttemptFailed(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given
            CatalogStore store = new CatalogStore(db.dataSource());
            assertThat(store.status(ShopFixture.PROJECT.projectKey()).neverIngested())
                    .isTrue();
            store.publish(
                    ShopFixture.PROJECT,
                    ShopFixture.shop("run-1", ShopFixture.T1).build(),
                    Instant.now());
            RunRef failed = TestRuns.run(ShopFixture.PROJECT.projectKey(), "run-2", null, null, null, null);

            // when
            store.recordFailure(ShopFixture.PROJECT, failed, Instant.now(), "boom");
            IngestionStatus status = store.status(ShopFixture.PROJECT.projectKey());

            // then
            assertThat(status.failing()).isTrue();
            assertThat(status.lastSuccess().runKey()).isEqualTo("run-1");
            assertThat(status.lastSuccess().nodes().added()).isPositive();
            assertThat(status.lastFailure().message()).isEqualTo("boom");
            assertThat(status.lastAttempt()).isEqualTo(status.lastFailure());
        }
    }
}
