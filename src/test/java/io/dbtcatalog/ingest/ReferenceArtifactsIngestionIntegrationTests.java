package io.dbtcatalog.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbtcatalog.ingest.model.CatalogSnapshot;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Ingests EVERY real artifact set of {@code ../shared/reference/artifacts} into H2 and into PostgreSQL and checks
 * the catalog against the set's independently computed {@code expected.json}; then re-ingests it and checks that
 * no row changed.
 */
class ReferenceArtifactsIngestionIntegrationTests {

    private static final Set<String> EXECUTING_COMMANDS = Set.of("build", "run", "test", "seed", "snapshot");

    private final ArtifactSnapshotReader reader = new ArtifactSnapshotReader();

    static Stream<Arguments> everySetOnBothEngines() {
        return Stream.of(Engine.values())
                .flatMap(engine -> SharedReference.setNames().stream().map(set -> Arguments.of(set, engine)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("everySetOnBothEngines")
    void ingestedSetMatchesItsExpectedCountsAndReingestingChangesNoRow(String set, Engine engine) {
        try (TestDatabase db = engine.create()) {
            ingestAndCheck(set, db.dataSource());
        }
    }

    private void ingestAndCheck(String set, DataSource dataSource) {
        // given
        CatalogStore store = new CatalogStore(dataSource);
        ProjectRef project = new ProjectRef(set, "local", null, null, null, null);
        CatalogSnapshot snapshot = read(set);
        JsonNode expected = SharedReference.expected(set);

        // when
        store.publish(project, snapshot, Instant.now());

        // then
        assertThat(activeNodesByType(dataSource, set))
                .isEqualTo(expectedCounts(expected.at("/manifest/resource_type_counts")));
        assertThat(count(
                        dataSource,
                        "SELECT COUNT(*) FROM catalog_lineage WHERE project_key = ? AND deleted_at IS NULL",
                        set))
                .isEqualTo(expected.at("/manifest/lineage_edges_all_sections").asLong());
        assertThat(count(dataSource, "SELECT COUNT(*) FROM catalog_test WHERE project_key = ?", set))
                .isEqualTo(expected.at("/manifest/tests/count").asLong()
                        + expected.at("/manifest/section_counts/unit_tests").asLong(0));
        assertThat(count(dataSource, "SELECT COUNT(*) FROM catalog_column WHERE project_key = ? AND in_warehouse", set))
                .isEqualTo(expected.at("/catalog/catalog_columns").asLong(0));
        long results = count(dataSource, "SELECT COUNT(*) FROM catalog_test_result WHERE project_key = ?", set)
                + count(dataSource, "SELECT COUNT(*) FROM catalog_run_result WHERE project_key = ?", set);
        assertThat(results)
                .isEqualTo(
                        executingRunResults(set)
                                ? expected.at("/run_results/count").asLong()
                                : 0L);

        // and when the same run is published again
        CatalogDump before = CatalogDump.of(dataSource);
        PublishResult again = store.publish(project, read(set), Instant.now());

        // then nothing changed
        assertThat(again.changedNothing()).as("re-ingestion result %s", again).isTrue();
        assertThat(before.differences(CatalogDump.of(dataSource))).isEmpty();
    }

    private CatalogSnapshot read(String set) {
        RunRef run = TestRuns.run(
                set,
                "reference-" + set,
                null,
                null,
                null,
                SharedReference.set(set).toString());
        return reader.read(ArtifactFiles.inFolder(SharedReference.set(set)), run);
    }

    /** Whether the set's run_results.json was written by a command that executes nodes (read independently). */
    private static boolean executingRunResults(String set) {
        Path file = SharedReference.set(set).resolve("run_results.json");
        if (!Files.exists(file)) {
            return false;
        }
        JsonNode args = SharedReference.readJson(file).path("args");
        return EXECUTING_COMMANDS.contains(args.path("which").asString(""));
    }

    private static Map<String, Long> expectedCounts(JsonNode counts) {
        Map<String, Long> result = new TreeMap<>();
        counts.properties().forEach(e -> result.put(e.getKey(), e.getValue().asLong()));
        return result;
    }

    private static Map<String, Long> activeNodesByType(DataSource dataSource, String project) {
        Map<String, Long> result = new TreeMap<>();
        List<Map<String, Object>> rows = CatalogDump.query(dataSource, """
                SELECT resource_type, COUNT(*) AS n FROM catalog_node
                WHERE project_key = ? AND deleted_at IS NULL GROUP BY resource_type""", project);
        rows.forEach(
                row -> result.put(String.valueOf(value(row, "resource_type")), ((Number) value(row, "n")).longValue()));
        return result;
    }

    private static long count(DataSource dataSource, String sql, String project) {
        Map<String, Object> row = CatalogDump.query(dataSource, sql, project).get(0);
        return ((Number) row.values().iterator().next()).longValue();
    }

    private static Object value(Map<String, Object> row, String column) {
        return row.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(column))
                .findFirst()
                .map(Map.Entry::getValue)
                .orElseThrow();
    }
}
