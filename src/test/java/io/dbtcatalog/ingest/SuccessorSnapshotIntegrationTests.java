package io.dbtcatalog.ingest;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * A project ingested at one dbt version and then at its successor (real artifacts of the same project): what
 * disappeared is soft-deleted, what appeared is added, and ingesting the older run's successor twice changes nothing.
 * The expected id sets are read straight from the manifests, independently of our reader.
 */
class SuccessorSnapshotIntegrationTests {

    private static final List<String> SECTIONS = List.of(
            "nodes", "sources", "exposures", "metrics", "semantic_models", "saved_queries", "unit_tests", "groups");

    static Stream<Arguments> successorsOnBothEngines() {
        return Stream.of(Engine.values())
                .flatMap(engine -> Stream.of(
                        Arguments.of("bouncer-dbt1.9", "bouncer-dbt1.10", engine),
                        Arguments.of("hubspot-dbt1.0", "hubspot-dbt1.2", engine)));
    }

    @ParameterizedTest(name = "{0} then {1} on {2}")
    @MethodSource("successorsOnBothEngines")
    void successorSnapshotSoftDeletesWhatDisappearedAndAddsWhatAppeared(String older, String newer, Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given
            DataSource dataSource = db.dataSource();
            CatalogStore store = new CatalogStore(dataSource);
            ProjectRef project = ProjectRef.local("upgraded-project");
            Set<String> before = manifestIds(older);
            Set<String> after = manifestIds(newer);
            store.publish(project, read(older), Instant.now());

            // when
            PublishResult result = store.publish(project, read(newer), Instant.now());

            // then
            Set<String> gone = new HashSet<>(before);
            gone.removeAll(after);
            Set<String> appeared = new HashSet<>(after);
            appeared.removeAll(before);
            assertThat(gone).isNotEmpty();
            assertThat(result.nodes().deleted()).isEqualTo(gone.size());
            assertThat(result.nodes().added()).isEqualTo(appeared.size());
            assertThat(ids(dataSource, "deleted_at IS NULL")).isEqualTo(after);
            assertThat(ids(dataSource, "deleted_at IS NOT NULL")).isEqualTo(gone);

            // and the successor again changes no row
            CatalogDump dump = CatalogDump.of(dataSource);
            assertThat(store.publish(project, read(newer), Instant.now()).changedNothing())
                    .isTrue();
            assertThat(dump.differences(CatalogDump.of(dataSource))).isEmpty();
        }
    }

    private static Set<String> ids(DataSource dataSource, String condition) {
        return CatalogDump.query(
                        dataSource,
                        "SELECT unique_id FROM catalog_node WHERE project_key = ? AND " + condition,
                        "upgraded-project")
                .stream()
                .map(row -> (String) row.get("unique_id"))
                .collect(Collectors.toSet());
    }

    private static Set<String> manifestIds(String set) {
        JsonNode manifest = SharedReference.readJson(SharedReference.set(set).resolve("manifest.json"));
        Set<String> ids = new HashSet<>();
        for (String section : SECTIONS) {
            manifest.path(section).propertyNames().forEach(ids::add);
        }
        return ids;
    }

    private static io.dbtcatalog.ingest.model.CatalogSnapshot read(String set) {
        RunRef run = TestRuns.run("upgraded-project", set, null, null, null, set);
        return new ArtifactSnapshotReader().read(ArtifactFiles.inFolder(SharedReference.set(set)), run);
    }
}
