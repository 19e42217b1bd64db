package io.dbtcatalog.ingest.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SyntheticDbtProjectTests {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @TempDir
    Path folder;

    @Test
    void shouldWriteManifestWithExpectedResourcesEdgesAndColumns() {
        // given
        SyntheticDbtProject project = SyntheticDbtProject.generate(folder, 50, 42);

        // when
        JsonNode manifest = read(project.manifest());

        // then
        ExpectedCounts expected = project.expected();
        assertThat(manifest.at("/metadata/dbt_schema_version").asString())
                .isEqualTo("https://schemas.getdbt.com/dbt/manifest/v12.json");
        Map<String, Long> types = values(manifest.get("nodes")).stream()
                .collect(Collectors.groupingBy(n -> n.get("resource_type").asString(), Collectors.counting()));
        assertThat(types)
                .containsEntry("model", 50L)
                .containsEntry("test", (long) expected.tests())
                .containsEntry("seed", (long) expected.seeds());
        assertThat(expected.tests()).isBetween(150, 200);
        assertThat(manifest.get("sources").size()).isEqualTo(expected.sources()).isEqualTo(2);
        assertThat(manifest.get("exposures").size()).isEqualTo(expected.exposures());
        assertThat(countEdges(manifest)).isEqualTo(expected.edges());
        assertThat(values(manifest.get("nodes")).stream()
                        .filter(n -> n.get("resource_type").asString().equals("model")))
                .allSatisfy(model -> assertThat(model.get("columns").size()).isEqualTo(20));
        assertThat(manifest.get("parent_map").size())
                .isEqualTo(manifest.get("child_map").size())
                .isEqualTo((int) expected.nodes());
    }

    @Test
    void shouldWriteGenericTestsWithMetadataAttachedNodeAndColumn() {
        // given
        SyntheticDbtProject project = SyntheticDbtProject.generate(folder, 50, 42);

        // when
        List<JsonNode> tests = values(read(project.manifest()).get("nodes")).stream()
                .filter(n -> n.get("resource_type").asString().equals("test"))
                .toList();

        // then
        assertThat(tests).allSatisfy(test -> {
            assertThat(test.at("/test_metadata/name").asString()).isIn("unique", "not_null", "relationships");
            assertThat(test.get("attached_node").asString()).startsWith("model.bench_shop.");
            assertThat(test.get("column_name").asString()).isNotEmpty();
        });
        assertThat(tests)
                .filteredOn(t -> t.at("/test_metadata/name").asString().equals("relationships"))
                .isNotEmpty()
                .allSatisfy(t -> assertThat(t.at("/depends_on/nodes").size()).isEqualTo(2));
    }

    @Test
    void shouldWriteCatalogWithUndocumentedAndUpperCasedColumns() {
        // given
        SyntheticDbtProject project = SyntheticDbtProject.generate(folder, 50, 42);
        JsonNode manifestNodes = read(project.manifest()).get("nodes");

        // when
        JsonNode catalog = read(project.catalog());

        // then
        List<JsonNode> models = values(catalog.get("nodes")).stream()
                .filter(n -> n.get("unique_id").asString().startsWith("model."))
                .toList();
        assertThat(models).isNotEmpty().allSatisfy(table -> {
            Set<String> documented = new HashSet<>();
            manifestNodes
                    .get(table.get("unique_id").asString())
                    .get("columns")
                    .propertyNames()
                    .forEach(name -> documented.add(name.toLowerCase(Locale.ROOT)));
            Set<String> inWarehouse = new HashSet<>();
            table.get("columns").propertyNames().forEach(name -> inWarehouse.add(name.toLowerCase(Locale.ROOT)));
            assertThat(inWarehouse)
                    .containsAll(documented)
                    .hasSize(documented.size() + 1)
                    .contains(BenchNames.UNDOCUMENTED_COLUMN);
        });
        long upperCased = models.stream()
                .filter(t -> t.get("columns").propertyNames().stream()
                        .allMatch(name -> name.equals(name.toUpperCase(Locale.ROOT))))
                .count();
        assertThat(upperCased).isBetween(models.size() / 3L, models.size() * 2L / 3);
        long catalogColumns = values(catalog.get("nodes")).stream()
                        .mapToLong(t -> t.get("columns").size())
                        .sum()
                + values(catalog.get("sources")).stream()
                        .mapToLong(t -> t.get("columns").size())
                        .sum();
        assertThat(catalogColumns).isEqualTo(project.expected().catalogColumns());
    }

    @Test
    void shouldWriteBuildRunResultsForModelsTestsAndSeedsWithMixedStatuses() {
        // given
        SyntheticDbtProject project = SyntheticDbtProject.generate(folder, 400, 7);

        // when
        JsonNode runResults = read(project.runResults());

        // then
        assertThat(runResults.at("/args/which").asString()).isEqualTo("build");
        assertThat(runResults.at("/metadata/invocation_id").asString())
                .isEqualTo(
                        read(project.manifest()).at("/metadata/invocation_id").asString());
        List<JsonNode> results = values(runResults.get("results"));
        assertThat((long) results.size())
                .isEqualTo(project.expected().runResults() + project.expected().testResults());
        Map<String, Long> statuses = results.stream()
                .collect(Collectors.groupingBy(r -> r.get("status").asString(), Collectors.counting()));
        assertThat(statuses.keySet()).contains("success", "pass", "fail", "warn", "error", "skipped");
        assertThat(statuses.get("success") + statuses.get("pass")).isGreaterThan(results.size() * 9L / 10);
    }

    @Test
    void shouldWriteIdenticalArtifactsForTheSameSizeAndSeed() throws IOException {
        // given
        SyntheticDbtProject first = SyntheticDbtProject.generate(folder.resolve("a"), 30, 3);

        // when
        SyntheticDbtProject second = SyntheticDbtProject.generate(folder.resolve("b"), 30, 3);

        // then
        assertThat(Files.mismatch(first.manifest(), second.manifest())).isEqualTo(-1L);
        assertThat(Files.mismatch(first.catalog(), second.catalog())).isEqualTo(-1L);
        assertThat(Files.mismatch(first.runResults(), second.runResults())).isEqualTo(-1L);
    }

    private static long countEdges(JsonNode manifest) {
        Set<String> edges = new HashSet<>();
        for (String section : List.of("nodes", "exposures")) {
            for (JsonNode child : values(manifest.get(section))) {
                for (JsonNode parent : child.at("/depends_on/nodes")) {
                    edges.add(
                            parent.asString() + " -> " + child.get("unique_id").asString());
                }
            }
        }
        return edges.size();
    }

    private static List<JsonNode> values(JsonNode container) {
        return StreamSupport.stream(container.values().spliterator(), false).toList();
    }

    private static JsonNode read(Path file) {
        return MAPPER.readTree(file.toFile());
    }
}
