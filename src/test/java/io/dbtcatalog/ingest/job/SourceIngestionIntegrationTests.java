package io.dbtcatalog.ingest.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbtcatalog.ingest.lineage.AnalysisContext;
import io.dbtcatalog.ingest.lineage.ColumnLineageEngine;
import io.dbtcatalog.ingest.lineage.SnapshotLineage;
import io.dbtcatalog.ingest.lineage.SqlLineageAnalyzer;
import io.dbtcatalog.ingest.lineage.StatementLineage;
import io.dbtcatalog.ingest.model.CatalogSnapshot;
import io.dbtcatalog.ingest.model.RunRef;
import io.dbtcatalog.ingest.model.SnapshotInfo;
import io.dbtcatalog.ingest.source.MetadataSource;
import io.dbtcatalog.ingest.source.RunInput;
import io.dbtcatalog.ingest.source.RunSelector;
import io.dbtcatalog.ingest.store.CatalogStore;
import io.dbtcatalog.ingest.store.ProjectRef;
import io.dbtcatalog.ingest.store.PublishRules;
import io.dbtcatalog.ingest.support.CatalogDump;
import io.dbtcatalog.ingest.support.FaultyDataSource;
import io.dbtcatalog.ingest.support.TestCatalog;
import io.dbtcatalog.ingest.support.TestDatabases.Engine;
import io.dbtcatalog.ingest.support.TestDatabases.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The pipeline of one source (list, ledger check, fetch, fingerprint check, read, publish) against a stand-in source
 * whose snapshots are built in the test: what it reads, what it skips, and what the ledger records.
 */
class SourceIngestionIntegrationTests {

    private static final ProjectRef PROJECT = ProjectRef.local("shop");
    private static final PublishRules RULES = new PublishRules(0.5, false, false, Duration.ofSeconds(5));
    private static final SnapshotLineage LINEAGE = new SnapshotLineage(new ColumnLineageEngine());
    private static final Instant T0 = Instant.parse("2026-03-01T06:00:00Z");

    @Test
    void databaseGoneMidPublishIsReportedAsSuchEvenThoughTheLedgerCannotRecordIt() {
        try (TestDatabase db = Engine.H2.create()) {
            // given: a database that takes three writes of the publish and then none at all
            StandInSource source = new StandInSource(List.of(snapshot("run-1", "sha256:1", 0)));
            FaultyDataSource dying = FaultyDataSource.downFrom(db.dataSource(), 3);
            SourceIngestion ingestion = new SourceIngestion(
                    source, PROJECT, new CatalogStore(dying.dataSource()), LINEAGE, RULES, IngestionProgress.NONE, 20);

            // when
            SourceIngestion.Result result = ingestion.run(new RunSelector.Latest(), false);

            // then
            assertThat(result.runs()).singleElement().satisfies(run -> {
                assertThat(run.status()).isEqualTo(RunOutcome.Status.FAILED);
                assertThat(run.message()).contains("project 'shop'").contains("injected failure at write 3");
            });
            assertThat(CatalogDump.of(db.dataSource()).tables().values())
                    .allSatisfy(t -> assertThat(t).isEmpty());
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void inputWhoseFingerprintMatchesTheStateIsAcknowledgedWithoutBeingRead(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given: run-1 published; run-2 is a later invocation with byte-identical files
            CatalogStore store = new CatalogStore(db.dataSource());
            StandInSource first = new StandInSource(List.of(snapshot("run-1", "sha256:same", 0)));
            new SourceIngestion(first, PROJECT, store, LINEAGE, RULES, IngestionProgress.NONE, 20)
                    .run(new RunSelector.Latest(), false);
            CatalogDump before = CatalogDump.of(db.dataSource());
            StandInSource second = new StandInSource(List.of(snapshot("run-2", "sha256:same", 1)));

            // when
            SourceIngestion.Result result = new SourceIngestion(
                            second, PROJECT, store, LINEAGE, RULES, IngestionProgress.NONE, 20)
                    .run(new RunSelector.Latest(), false);

            // then: a ledger row for run-2, no catalog row changed, and the input never read
            assertThat(result.runs()).singleElement().satisfies(run -> {
                assertThat(run.status()).isEqualTo(RunOutcome.Status.INGESTED);
                assertThat(run.message()).isEqualTo(RunOutcome.IDENTICAL);
            });
            assertThat(second.reads).isEmpty();
            assertThat(CatalogDump.of(db.dataSource()).differences(before)).isEmpty();
            assertThat(ledger(db)).extracting(row -> row.get("run_key")).containsExactly("run-1", "run-2");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aColumnLineageStepThatFailsLeavesItsTablesAloneAndTheRunSucceedsWithAWarning(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given: run-1 published with its lineage; the lineage step then fails outright
            CatalogStore store = new CatalogStore(db.dataSource());
            new SourceIngestion(
                            new StandInSource(List.of(snapshot("run-1", "sha256:1", 0))),
                            PROJECT,
                            store,
                            LINEAGE,
                            RULES,
                            IngestionProgress.NONE,
                            20)
                    .run(new RunSelector.Latest(), false);
            List<Map<String, Object>> before = coverage(db);
            SnapshotLineage failing = new SnapshotLineage(new ColumnLineageEngine(new SqlLineageAnalyzer() {
                @Override
                public StatementLineage analyse(String sql, AnalysisContext context) {
                    throw new IllegalStateException("not reached");
                }

                @Override
                public String version() {
                    throw new IllegalStateException("the lineage step broke");
                }
            }));

            // when
            SourceIngestion.Result result = new SourceIngestion(
                            new StandInSource(List.of(snapshot("run-2", "sha256:2", 1))),
                            PROJECT,
                            store,
                            failing,
                            RULES,
                            IngestionProgress.NONE,
                            20)
                    .run(new RunSelector.Latest(), false);

            // then
            assertThat(before).singleElement().satisfies(row -> assertThat(row.get("unique_id"))
                    .isEqualTo("model.shop.orders"));
            assertThat(result.runs()).singleElement().satisfies(run -> {
                assertThat(run.status()).isEqualTo(RunOutcome.Status.INGESTED);
                assertThat(run.warnings())
                        .containsExactly("column lineage not derived, its tables are left as they were:"
                                + " the lineage step broke");
            });
            assertThat(coverage(db)).isEqualTo(before);
        }
    }

    private static List<Map<String, Object>> coverage(TestDatabase db) {
        return CatalogDump.query(
                db.dataSource(),
                "SELECT unique_id, status, seen_at, last_changed_at, deleted_at FROM catalog_column_lineage_coverage");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aFailedRunStopsTheLaterOnesAndAnotherLaunchResumesThere(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given: three runs, the second of which cannot be read the first time
            CatalogStore store = new CatalogStore(db.dataSource());
            StandInSource source = new StandInSource(List.of(
                    snapshot("run-1", "sha256:1", 0),
                    snapshot("run-2", "sha256:2", 1),
                    snapshot("run-3", "sha256:3", 2)));
            source.failOnce.add("run-2");
            SourceIngestion ingestion =
                    new SourceIngestion(source, PROJECT, store, LINEAGE, RULES, IngestionProgress.NONE, 20);

            // when
            SourceIngestion.Result first = ingestion.run(new RunSelector.LastN(3), false);
            SourceIngestion.Result resumed = ingestion.run(new RunSelector.LastN(3), false);

            // then
            assertThat(first.runs())
                    .extracting(RunOutcome::status)
                    .containsExactly(RunOutcome.Status.INGESTED, RunOutcome.Status.FAILED);
            assertThat(resumed.runs())
                    .extracting(RunOutcome::status)
                    .containsExactly(RunOutcome.Status.SKIPPED, RunOutcome.Status.INGESTED, RunOutcome.Status.INGESTED);
            assertThat(source.reads).containsExactly("run-1", "run-2", "run-2", "run-3");
            assertThat(ledger(db))
                    .extracting(row -> row.get("run_key") + " " + row.get("status"))
                    .containsExactly("run-1 SUCCEEDED", "run-2 FAILED", "run-2 SUCCEEDED", "run-3 SUCCEEDED");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aSourceThatCannotListItsRunsIsRecordedOnceInTheLedger(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given
            StandInSource source = new StandInSource(List.of());
            source.listingFailure = new IllegalStateException("https://cloud.example/api: 503 Service Unavailable");

            // when
            SourceIngestion.Result result = new SourceIngestion(
                            source,
                            PROJECT,
                            new CatalogStore(db.dataSource()),
                            LINEAGE,
                            RULES,
                            IngestionProgress.NONE,
                            20)
                    .run(new RunSelector.Latest(), false);

            // then
            assertThat(result.runs()).isEmpty();
            assertThat(result.failure())
                    .isEqualTo("could not list runs: https://cloud.example/api: 503 Service" + " Unavailable");
            assertThat(ledger(db)).singleElement().satisfies(row -> {
                assertThat(row).containsEntry("run_key", "(run selection)").containsEntry("status", "FAILED");
                assertThat(row.get("location")).isNull();
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aPollAfterTheFirstAsksTheSourceForEveryRunFinishedSinceTheNewestOneTheLedgerHolds(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given: the first poll ingested run-1, which finished at T0 + 1 h
            CatalogStore store = new CatalogStore(db.dataSource());
            StandInSource source = new StandInSource(List.of(snapshot("run-1", "sha256:1", 1)));
            SourceIngestion ingestion =
                    new SourceIngestion(source, PROJECT, store, LINEAGE, RULES, IngestionProgress.NONE, 7);
            ingestion.run(new RunSelector.Latest(), false);

            // when
            ingestion.run(new RunSelector.Latest(), false);
            ingestion.run(new RunSelector.Latest(), true);

            // then: the source was asked for runs since run-1 (capped), and a forced poll for the latest run
            assertThat(source.selectors)
                    .containsExactly(
                            new RunSelector.Latest(),
                            new RunSelector.After(T0.plusSeconds(3600), 7),
                            new RunSelector.Latest());
            assertThat(store.newestIngestedRun(PROJECT.projectKey())).contains(T0.plusSeconds(3600));
        }
    }

    private static List<Map<String, Object>> ledger(TestDatabase db) {
        return CatalogDump.query(db.dataSource(), "SELECT run_key, status, location FROM ingestion_run ORDER BY id");
    }

    private static CatalogSnapshot snapshot(String runKey, String digest, int hoursLater) {
        return TestCatalog.snapshot(runKey)
                .generatedAt(T0.plusSeconds(3600L * hoursLater))
                .model("orders", m -> m.columns("id"))
                .build()
                .withArtifactDigest(digest);
    }

    /** Lists its snapshots' runs and hands them out as inputs fingerprinted by their artifact digest. */
    private static final class StandInSource implements MetadataSource {

        private final List<CatalogSnapshot> snapshots;
        private final List<String> reads = new ArrayList<>();
        private final List<String> failOnce = new ArrayList<>();
        private final List<RunSelector> selectors = new ArrayList<>();
        private RuntimeException listingFailure;

        StandInSource(List<CatalogSnapshot> snapshots) {
            this.snapshots = snapshots;
        }

        @Override
        public String name() {
            return PROJECT.projectKey();
        }

        @Override
        public List<RunRef> listRuns(RunSelector selector) {
            selectors.add(selector);
            if (listingFailure != null) {
                throw listingFailure;
            }
            return snapshots.stream().map(CatalogSnapshot::run).toList();
        }

        @Override
        public RunInput fetch(RunRef run) {
            CatalogSnapshot snapshot = snapshots.stream()
                    .filter(s -> s.run().equals(run))
                    .findFirst()
                    .orElseThrow();
            return new StandInInput(snapshot);
        }

        /** One snapshot as an input; reading it is recorded, and fails once for the runs in failOnce. */
        private final class StandInInput implements RunInput {

            private final CatalogSnapshot snapshot;

            StandInInput(CatalogSnapshot snapshot) {
                this.snapshot = snapshot;
            }

            @Override
            public RunRef run() {
                return snapshot.run();
            }

            @Override
            public Optional<String> fingerprint() {
                return Optional.of(snapshot.artifactDigest());
            }

            @Override
            public SnapshotInfo info() {
                return snapshot.info();
            }

            @Override
            public List<String> warnings() {
                return List.of();
            }

            @Override
            public CatalogSnapshot read() {
                String key = snapshot.run().runKey();
                reads.add(key);
                if (failOnce.remove(key)) {
                    throw new IllegalStateException("stand-in: cannot read " + key);
                }
                return snapshot;
            }

            @Override
            public void close() {
                // nothing to release
            }
        }
    }
}
