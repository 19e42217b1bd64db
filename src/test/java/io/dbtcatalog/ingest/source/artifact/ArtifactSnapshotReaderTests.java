package io.dbtcatalog.ingest.source.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbtcatalog.ingest.model.CatalogColumn;
import io.dbtcatalog.ingest.model.CatalogNode;
import io.dbtcatalog.ingest.model.CatalogSnapshot;
import io.dbtcatalog.ingest.model.ResourceType;
import io.dbtcatalog.ingest.model.RunRef;
import io.dbtcatalog.ingest.support.SharedReference;
import io.dbtcatalog.ingest.support.TestRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Reads every real artifact set of {@code ../shared/reference/artifacts} and compares the snapshot with the facts
 * computed independently into each set's {@code expected.json}.
 */
class ArtifactSnapshotReaderTests {

    private static final Set<String> EXECUTING = Set.of("build", "run", "test", "seed", "snapshot");
    private static final ArtifactSnapshotReader READER = new ArtifactSnapshotReader();

    static Stream<String> sets() {
        return SharedReference.setNames().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void snapshotOfEveryReferenceSetMatchesItsExpectedFacts(String set) {
        // given
        JsonNode expected = SharedReference.expected(set);
        JsonNode manifest = expected.path("manifest");
        Path folder = SharedReference.set(set);

        // when
        CatalogSnapshot snapshot = READER.read(ArtifactFiles.inFolder(folder), run(set));

        // then
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(countByType(snapshot))
                .as("nodes per resource type")
                .isEqualTo(expectedCounts(manifest.path("resource_type_counts")));
        softly.assertThat(snapshot.edges())
                .as("lineage edges")
                .hasSize(manifest.path("lineage_edges_all_sections").asInt());
        softly.assertThat(snapshot.tests())
                .as("test definitions")
                .hasSize(manifest.path("tests").path("count").asInt()
                        + manifest.path("section_counts").path("unit_tests").asInt(0));
        softly.assertThat(snapshot.columns().stream()
                        .filter(CatalogColumn::inWarehouse)
                        .count())
                .as("warehouse columns")
                .isEqualTo(expected.path("catalog").path("catalog_columns").asLong(0));
        softly.assertThat(snapshot.testResults().size() + snapshot.runResults().size())
                .as("results")
                .isEqualTo(
                        executing(folder)
                                ? expected.path("run_results").path("count").asInt()
                                : 0);
        softly.assertThat(snapshot.info().dbtVersion())
                .isEqualTo(manifest.path("metadata").path("dbt_version").asString());
        softly.assertThat(snapshot.info().invocationId())
                .isEqualTo(manifest.path("metadata").path("invocation_id").asString());
        softly.assertThat(snapshot.info().generatedAt()).isNotNull();
        softly.assertThat(snapshot.complete()).isTrue();
        assertModelExtras(softly, snapshot, manifest.path("extras"));
        softly.assertAll();
    }

    @Test
    void onlyTheTwoReferenceRunResultsWrittenByDbtBuildYieldOutcomes() {
        // given
        Map<String, Integer> outcomesBySet = new TreeMap<>();

        // when
        for (String set : SharedReference.setNames()) {
            Path folder = SharedReference.set(set);
            if (Files.isRegularFile(folder.resolve(ArtifactFiles.RUN_RESULTS))) {
                CatalogSnapshot snapshot = READER.read(ArtifactFiles.inFolder(folder), run(set));
                outcomesBySet.put(
                        set,
                        snapshot.testResults().size() + snapshot.runResults().size());
            }
        }

        // then
        assertThat(outcomesBySet).hasSize(19);
        assertThat(outcomesBySet.entrySet().stream()
                        .filter(entry -> entry.getValue() > 0)
                        .map(Map.Entry::getKey))
                .containsExactly("parser-jaffle-dbt1.7", "parser-jaffle-dbt1.9");
    }

    @Test
    void testResultsAndRunResultsAreSplitByNodeTypeWithStatusesVerbatim() {
        // given
        Path folder = SharedReference.set("parser-jaffle-dbt1.9");
        JsonNode byStatus = SharedReference.expected("parser-jaffle-dbt1.9")
                .path("run_results")
                .path("by_status");

        // when
        CatalogSnapshot snapshot = READER.read(ArtifactFiles.inFolder(folder), run("parser-jaffle-dbt1.9"));

        // then
        assertThat(snapshot.testResults())
                .hasSize(byStatus.path("pass").asInt())
                .allSatisfy(result -> assertThat(result.status()).isEqualTo("pass"));
        assertThat(snapshot.runResults())
                .hasSize(byStatus.path("success").asInt())
                .allSatisfy(result -> assertThat(result.status()).isEqualTo("success"));
        assertThat(snapshot.runResults()).allSatisfy(result -> {
            assertThat(result.invocationId()).isEqualTo("cfbc1db9-66c1-46c2-a94b-8c0cef32314f");
            assertThat(result.startedAt()).isNotNull();
            assertThat(result.dbtRunId()).isEqualTo(7L);
        });
        assertThat(snapshot.info().resultsCommand()).isEqualTo("build");
    }

    @Test
    void projectNameIsDerivedFromTheProjectIdWhenOlderManifestsOmitIt() {
        // given
        Path folder = SharedReference.set("hubspot-dbt1.0");

        // when
        CatalogSnapshot snapshot = READER.read(ArtifactFiles.inFolder(folder), run("hubspot-dbt1.0"));

        // then
        assertThat(snapshot.info().dbtProjectName()).isEqualTo("hubspot_integration_tests");
        assertThat(snapshot.info().resultsCommand()).isEqualTo("generate");
        assertThat(snapshot.warnings()).anySatisfy(warning -> assertThat(warning)
                .contains("run_results.json was written by `dbt docs generate`, which records no outcome; skipped"));
    }

    private static void assertModelExtras(SoftAssertions softly, CatalogSnapshot snapshot, JsonNode extras) {
        Map<String, Long> materialized = models(snapshot)
                .filter(node -> node.materialization() != null)
                .collect(Collectors.groupingBy(CatalogNode::materialization, TreeMap::new, Collectors.counting()));
        softly.assertThat(materialized)
                .as("models by materialization")
                .isEqualTo(expectedCounts(extras.path("models_materialized")));
        softly.assertThat(models(snapshot)
                        .filter(node -> Boolean.TRUE.equals(node.contractEnforced()))
                        .count())
                .as("contract-enforced models")
                .isEqualTo(extras.path("models_contract_enforced").asLong(0));
        softly.assertThat(
                        models(snapshot).filter(node -> node.version() != null).count())
                .as("versioned models")
                .isEqualTo(extras.path("models_versioned").asLong(0));
        softly.assertThat(models(snapshot).filter(node -> node.group() != null).count())
                .as("models with group")
                .isEqualTo(extras.path("models_with_group").asLong(0));
    }

    private static Stream<CatalogNode> models(CatalogSnapshot snapshot) {
        return snapshot.nodes().stream().filter(node -> node.resourceType().equals(ResourceType.MODEL));
    }

    private static Map<String, Long> countByType(CatalogSnapshot snapshot) {
        return snapshot.nodes().stream()
                .collect(Collectors.groupingBy(
                        node -> node.resourceType().value(), TreeMap::new, Collectors.counting()));
    }

    private static Map<String, Long> expectedCounts(JsonNode counts) {
        Map<String, Long> map = new TreeMap<>();
        counts.properties()
                .forEach(entry -> map.put(entry.getKey(), entry.getValue().asLong()));
        return map;
    }

    private static boolean executing(Path folder) {
        Path runResults = folder.resolve(ArtifactFiles.RUN_RESULTS);
        return Files.isRegularFile(runResults)
                && EXECUTING.contains(SharedReference.readJson(runResults)
                        .path("args")
                        .path("which")
                        .asString(""));
    }

    private static RunRef run(String set) {
        return TestRuns.run("reference-" + set, "run-of-" + set, 7L, null, null, set);
    }
}
