package io.dbtcatalog.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbtcatalog.ingest.lineage.ColumnLineageEngine;
import io.dbtcatalog.ingest.lineage.SnapshotLineage;
import io.dbtcatalog.ingest.model.CatalogSnapshot;
import io.dbtcatalog.ingest.model.ColumnLineage;
import io.dbtcatalog.ingest.model.ColumnLineageCoverage;
import io.dbtcatalog.ingest.model.RunRef;
import io.dbtcatalog.ingest.source.artifact.ArtifactFiles;
import io.dbtcatalog.ingest.source.artifact.ArtifactSnapshotReader;
import io.dbtcatalog.ingest.store.CatalogStore;
import io.dbtcatalog.ingest.store.ProjectRef;
import io.dbtcatalog.ingest.store.PublishResult;
import io.dbtcatalog.ingest.support.CatalogDump;
import io.dbtcatalog.ingest.support.SharedReference;
import io.dbtcatalog.ingest.support.TestDatabases.Engine;
import io.dbtcatalog.ingest.support.TestDatabases.TestDatabase;
import io.dbtcatalog.ingest.support.TestRuns;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Column lineage across runs, through the store on both engines: an unchanged next run analyses no model and
 * publishes the same lineage; a changed model is the only one analysed again; an unparseable statement in a real
 * reference set becomes that model's coverage, never a failed publish.
 */
class ColumnLineageIncrementalIntegrationTests {

    private static final ProjectRef PROJECT = ProjectRef.local("lineage_lab");
    private static final SnapshotLineage LINEAGE = new SnapshotLineage(new ColumnLineageEngine());

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anUnchangedNextRunAnalysesNoModelAndChangesNoLineageRow(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given
            CatalogStore store = new CatalogStore(db.dataSource());
            CatalogSnapshot snapshot = sample("run-1");
            ColumnLineage first = LINEAGE.derive(snapshot, store.storedColumnLineage(PROJECT.projectKey()));
            store.publish(PROJECT, snapshot.withColumnLineage(first), Instant.now());
            CatalogDump before = CatalogDump.of(db.dataSource(), table -> table.startsWith("catalog_column_lineage"));

            // when
            ColumnLineage second = LINEAGE.derive(sample("run-2"), store.storedColumnLineage(PROJECT.projectKey()));
            store.publish(PROJECT, sample("run-2").withColumnLineage(second), Instant.now());

            // then
            assertThat(first.analysed()).isEqualTo(10);
            assertThat(second.analysed()).isZero();
            assertThat(second.reused()).isEqualTo(10);
            assertThat(second.edges()).containsExactlyInAnyOrderElementsOf(first.edges());
            assertThat(second.coverage()).containsExactlyInAnyOrderElementsOf(first.coverage());
            assertThat(CatalogDump.of(db.dataSource(), table -> table.startsWith("catalog_column_lineage"))
                            .differences(before))
                    .isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aModelWhoseSqlChangedIsTheOnlyOneAnalysedAgainAndItsDroppedEdgeIsSoftDeleted(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given
            CatalogStore store = new CatalogStore(db.dataSource());
            CatalogSnapshot snapshot = sample("run-1");
            store.publish(
                    PROJECT,
                    snapshot.withColumnLineage(
                            LINEAGE.derive(snapshot, store.storedColumnLineage(PROJECT.projectKey()))),
                    Instant.now());
            CatalogSnapshot changed = withCompiledCode(sample("run-2"), "model.lineage_lab.stg_payments", """
                            select id as payment_id, order_id, 'card' as payment_method, amount_cents / 100.0 as amount
                            from "lab"."shop"."payments"
                            """);

            // when
            ColumnLineage lineage = LINEAGE.derive(changed, store.storedColumnLineage(PROJECT.projectKey()));
            store.publish(PROJECT, changed.withColumnLineage(lineage), Instant.now());

            // then
            assertThat(lineage.analysed()).isEqualTo(1);
            assertThat(CatalogDump.query(db.dataSource(), """
                            SELECT child_column, parent_column FROM catalog_column_lineage
                            WHERE child_unique_id = 'model.lineage_lab.stg_payments' AND deleted_at IS NOT NULL"""))
                    .extracting(row -> row.get("child_column") + " <- " + row.get("parent_column"))
                    .containsExactly("payment_method <- method");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anUnparseableStatementInARealSetBecomesThatModelsCoverageAndThePublishSucceeds(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given
            Path folder = SharedReference.set("hubspot-dbt1.8");
            RunRef run = TestRuns.run("hubspot", "hubspot-run", null, null, null, folder.toString());
            CatalogSnapshot read = new ArtifactSnapshotReader().read(ArtifactFiles.inFolder(folder), run);
            String broken = read.nodes().stream()
                    .filter(node -> node.resourceType().value().equals("model") && node.compiledCode() != null)
                    .map(node -> node.id().value())
                    .sorted()
                    .findFirst()
                    .orElseThrow();
            CatalogSnapshot snapshot = withCompiledCode(read, broken, "select a,, from (((\nwhere");
            CatalogStore store = new CatalogStore(db.dataSource());

            // when
            ColumnLineage lineage = LINEAGE.derive(snapshot, store.storedColumnLineage("hubspot"));
            PublishResult result =
                    store.publish(ProjectRef.local("hubspot"), snapshot.withColumnLineage(lineage), Instant.now());

            // then
            assertThat(result.nodes().added()).isPositive();
            ColumnLineageCoverage coverage = lineage.coverage().stream()
                    .filter(row -> row.model().value().equals(broken))
                    .findFirst()
                    .orElseThrow();
            assertThat(coverage.status()).isEqualTo("none");
            assertThat(coverage.reasonKind()).isEqualTo("parse_error");
            assertThat(coverage.errorLine()).isEqualTo(1);
            assertThat(CatalogDump.query(db.dataSource(), """
                            SELECT status, reason_kind, error_line FROM catalog_column_lineage_coverage
                            WHERE project_key = 'hubspot' AND unique_id = ?""", broken))
                    .extracting(row -> row.get("status") + " " + row.get("reason_kind") + " " + row.get("error_line"))
                    .containsExactly("none parse_error 1");
            assertThat(lineage.coverage().stream().filter(row -> row.status().equals("full")))
                    .hasSizeGreaterThan(lineage.coverage().size() * 9 / 10);
        }
    }

    private static CatalogSnapshot sample(String runKey) {
        Path folder = ColumnLineageSampleIntegrationTests.SAMPLE;
        RunRef run = TestRuns.run("lineage_lab", runKey, null, null, null, folder.toString());
        return new ArtifactSnapshotReader().read(ArtifactFiles.inFolder(folder), run);
    }

    /** The snapshot with one node's compiled code replaced. */
    private static CatalogSnapshot withCompiledCode(CatalogSnapshot snapshot, String uniqueId, String code) {
        return snapshot.withNodes(snapshot.nodes().stream()
                .map(n -> n.id().value().equals(uniqueId) ? n.withCompiledCode(code) : n)
                .toList());
    }
}
