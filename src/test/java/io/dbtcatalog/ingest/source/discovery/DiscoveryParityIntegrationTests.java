package io.dbtcatalog.ingest.source.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbtcatalog.ingest.lineage.ColumnLineageEngine;
import io.dbtcatalog.ingest.lineage.SnapshotLineage;
import io.dbtcatalog.ingest.model.CatalogNode;
import io.dbtcatalog.ingest.model.CatalogSnapshot;
import io.dbtcatalog.ingest.model.ColumnLineage;
import io.dbtcatalog.ingest.model.ColumnLineageCoverage;
import io.dbtcatalog.ingest.model.ColumnLineageEdge;
import io.dbtcatalog.ingest.model.NodeId;
import io.dbtcatalog.ingest.model.RunRef;
import io.dbtcatalog.ingest.source.RunSelector;
import io.dbtcatalog.ingest.source.artifact.ArtifactFiles;
import io.dbtcatalog.ingest.source.artifact.ArtifactSnapshotReader;
import io.dbtcatalog.ingest.source.http.FakeTime;
import io.dbtcatalog.ingest.support.SharedReference;
import io.dbtcatalog.ingest.support.TestRuns;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Ingests real reference sets twice, through the stand-in Discovery API (answering from the raw artifacts) and
 * through the artifact reader, and requires the same catalog for every resource type the API serves, except for the
 * differences listed, with their exact Discovery values, in {@link KnownDifferences}.
 */
class DiscoveryParityIntegrationTests {

    static final List<String> SETS = List.of(
            "parser-jaffle-dbt1.9",
            "parser-jaffle-dbt1.7",
            "hubspot-dbt1.8",
            "hubspot-dbt1.0",
            "bouncer-dbt1.10",
            "parser-jaffle-dbt1.12",
            "metaphor-bike-dbt1.8");
    private static final Map<String, Ingested> INGESTED = new ConcurrentHashMap<>();

    /** Both snapshots of one set and their differences. */
    record Ingested(CatalogSnapshot artifact, CatalogSnapshot discovery, List<SnapshotDiff.Difference> differences) {}

    static Ingested ingest(String set) {
        return INGESTED.computeIfAbsent(set, name -> {
            Path folder = SharedReference.set(name);
            try (DiscoveryStandIn standIn = new DiscoveryStandIn(
                    DiscoveryTestSupport.ENVIRONMENT, StandInState.fromArtifacts(folder, KnownDifferences.RUN_ID))) {
                DiscoverySource source =
                        DiscoveryTestSupport.source(DiscoveryTestSupport.settings(standIn, 40), new FakeTime());
                CatalogSnapshot discovery = TestRuns.read(
                        source, source.listRuns(new RunSelector.Latest()).get(0));
                RunRef run = TestRuns.run("artifacts", name, KnownDifferences.RUN_ID, null, null, folder.toString());
                CatalogSnapshot artifact = new ArtifactSnapshotReader().read(ArtifactFiles.inFolder(folder), run);
                return new Ingested(artifact, discovery, SnapshotDiff.between(artifact, discovery));
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("SETS")
    void bothPathsGiveTheSameCatalogExceptTheKnownDifferences(String set) {
        // given
        Ingested ingested = ingest(set);

        // when
        List<String> unexplained = ingested.differences().stream()
                .filter(difference -> KnownDifferences.explaining(difference) == null)
                .map(d -> d.table() + " " + d.type() + " " + d.field() + " of " + d.key() + ": artifacts "
                        + d.artifact() + " / discovery " + d.discovery())
                .toList();

        // then
        assertThat(unexplained).as("differences not in KnownDifferences").isEmpty();
        assertThat(ingested.discovery().nodes()).isNotEmpty();
        assertThat(ingested.discovery().complete()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("SETS")
    void artifactNodesTheDiscoverySnapshotLacksAreExactlyTheTypesTheApiDoesNotServe(String set) {
        // given
        Ingested ingested = ingest(set);
        Set<NodeId> discovered =
                ingested.discovery().nodes().stream().map(CatalogNode::id).collect(Collectors.toSet());

        // when
        Set<String> missingTypes = ingested.artifact().nodes().stream()
                .filter(node -> !discovered.contains(node.id()))
                .map(node -> node.resourceType().value())
                .collect(Collectors.toCollection(TreeSet::new));
        long served = ingested.artifact().nodes().stream()
                .filter(node -> SnapshotDiff.SERVED.contains(node.resourceType()))
                .count();

        // then
        assertThat(missingTypes)
                .doesNotContainAnyElementsOf(
                        SnapshotDiff.SERVED.stream().map(type -> type.value()).toList());
        assertThat(ingested.discovery().nodes()).hasSize((int) served);
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("SETS")
    void bothPathsNameTheSameProjectAndAdapter(String set) {
        // given
        Ingested ingested = ingest(set);

        // when / then
        assertThat(ingested.discovery().info().dbtProjectName())
                .isEqualTo(ingested.artifact().info().dbtProjectName());
        assertThat(ingested.discovery().info().dbtProjectId())
                .isEqualTo(ingested.artifact().info().dbtProjectId());
        assertThat(ingested.discovery().info().adapterType())
                .isEqualTo(ingested.artifact().info().adapterType());
        assertThat(ingested.discovery().info().generatedAt())
                .isEqualTo(ingested.artifact().info().generatedAt());
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("SETS")
    void bothPathsDeriveTheSameColumnLineage(String set) {
        // given
        Ingested ingested = ingest(set);
        SnapshotLineage lineage = new SnapshotLineage(new ColumnLineageEngine());

        // when
        ColumnLineage artifact = lineage.derive(ingested.artifact(), null);
        ColumnLineage discovery = lineage.derive(ingested.discovery(), null);

        // then: the fingerprints differ (they cover the YAML-declared columns, which the API does not serve), and a
        // column named in YAML in another case than the warehouse's is spelled as catalog_column spells it
        assertThat(caseFolded(discovery)).containsExactlyInAnyOrderElementsOf(caseFolded(artifact));
        assertThat(withoutFingerprintsCaseFolded(discovery))
                .containsExactlyInAnyOrderElementsOf(withoutFingerprintsCaseFolded(artifact));
        assertThat(artifact.edges()).isNotEmpty();
    }

    private static List<ColumnLineageEdge> caseFolded(ColumnLineage lineage) {
        return lineage.edges().stream()
                .map(edge -> new ColumnLineageEdge(
                        edge.child(),
                        edge.childColumn().toLowerCase(Locale.ROOT),
                        edge.parent(),
                        edge.parentColumn().toLowerCase(Locale.ROOT),
                        edge.flow()))
                .toList();
    }

    private static List<ColumnLineageCoverage> withoutFingerprintsCaseFolded(ColumnLineage lineage) {
        return lineage.coverage().stream()
                .map(row -> new ColumnLineageCoverage(
                        row.model(),
                        row.status(),
                        row.reasons(),
                        row.errorLine(),
                        row.errorColumn(),
                        row.outputColumns().stream()
                                .map(name -> name.toLowerCase(Locale.ROOT))
                                .toList(),
                        ""))
                .toList();
    }

    @Test
    void everyKnownDifferenceIsExhibitedBySomeReferenceSet() {
        // given
        Set<String> exhibited = new TreeSet<>();

        // when
        for (String set : SETS) {
            ingest(set).differences().stream()
                    .map(KnownDifferences::explaining)
                    .filter(entry -> entry != null)
                    .forEach(entry -> exhibited.add(entry.name()));
        }

        // then
        assertThat(exhibited)
                .containsExactlyInAnyOrderElementsOf(KnownDifferences.ENTRIES.stream()
                        .map(KnownDifferences.Entry::name)
                        .collect(Collectors.toSet()));
    }

    @Test
    void aDbtBuildGivesTheSameLatestResultsThroughBothPaths() {
        // given
        Ingested ingested = ingest("parser-jaffle-dbt1.9");

        // when
        CatalogSnapshot discovery = ingested.discovery();

        // then: 36 models and 3 seeds ran, 20 tests passed; the two on-run-start operations are not served
        assertThat(discovery.runResults())
                .hasSize(39)
                .allSatisfy(result -> assertThat(result.status()).isEqualTo("success"))
                .allSatisfy(result -> assertThat(result.dbtRunId()).isEqualTo(KnownDifferences.RUN_ID));
        assertThat(discovery.testResults())
                .hasSize(20)
                .allSatisfy(result -> assertThat(result.status()).isEqualTo("pass"))
                .allSatisfy(result -> assertThat(result.invocationId()).isEqualTo("dbt-cloud-run-9000205"));
        assertThat(ingested.artifact().runResults()).hasSize(41);
        assertThat(discovery.edges()).hasSameElementsAs(ingested.artifact().edges());
        assertThat(discovery.tests()).hasSameElementsAs(ingested.artifact().tests());
    }
}
