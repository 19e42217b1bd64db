package io.dbtcatalog.ingest.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbtcatalog.ingest.model.CatalogSnapshot;
import io.dbtcatalog.ingest.store.CatalogStore;
import io.dbtcatalog.ingest.store.ProjectRef;
import io.dbtcatalog.ingest.store.PublishRules;
import io.dbtcatalog.ingest.store.StoreException;
import io.dbtcatalog.ingest.support.CatalogDump;
import io.dbtcatalog.ingest.support.FaultyDataSource;
import io.dbtcatalog.ingest.support.TestCatalog;
import io.dbtcatalog.ingest.support.TestDatabases.Engine;
import io.dbtcatalog.ingest.support.TestDatabases.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.Chunk;

/** The publish step reports the real reason of a failure even when the ledger cannot record it. */
class SnapshotPublisherIntegrationTests {

    private static final ProjectRef PROJECT = ProjectRef.local("shop");
    private static final PublishRules RULES = new PublishRules(0.5, false, false, Duration.ofSeconds(5));

    @Test
    void databaseGoneMidPublishIsReportedAsSuchEvenThoughTheLedgerCannotRecordIt() {
        try (TestDatabase db = Engine.H2.create()) {
            // given: a database that takes three writes of the publish and then none at all
            CatalogSnapshot snapshot = TestCatalog.snapshot("run-1").model("orders", m -> m.columns("id")).build();
            FaultyDataSource dying = FaultyDataSource.downFrom(db.dataSource(), 3);
            OutcomeCollector collector = new OutcomeCollector();
            SnapshotPublisher publisher = new SnapshotPublisher(PROJECT, new CatalogStore(dying.dataSource()), RULES,
                    collector, 7L);
            FetchedRun fetched = new FetchedRun(snapshot, Instant.now());

            // when / then
            assertThatThrownBy(() -> publisher.write(Chunk.of(fetched)))
                    .isInstanceOf(StoreException.class).hasMessageContaining("injected failure at write 3");
            assertThat(collector.takeRuns(7L)).singleElement().satisfies(run -> {
                assertThat(run.status()).isEqualTo(RunOutcome.Status.FAILED);
                assertThat(run.message()).contains("project 'shop'").contains("injected failure at write 3");
            });
            assertThat(CatalogDump.of(db.dataSource()).tables().values()).allSatisfy(t -> assertThat(t).isEmpty());
        }
    }
}
