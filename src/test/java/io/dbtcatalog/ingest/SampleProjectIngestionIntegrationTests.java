package io.dbtcatalog.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbtcatalog.ingest.model.RunRef;
import io.dbtcatalog.ingest.source.artifact.ArtifactFiles;
import io.dbtcatalog.ingest.source.artifact.ArtifactSnapshotReader;
import io.dbtcatalog.ingest.store.CatalogStore;
import io.dbtcatalog.ingest.store.ProjectRef;
import io.dbtcatalog.ingest.support.CatalogDump;
import io.dbtcatalog.ingest.support.SharedReference;
import io.dbtcatalog.ingest.support.TestDatabases.Engine;
import io.dbtcatalog.ingest.support.TestDatabases.TestDatabase;
import io.dbtcatalog.ingest.support.TestRuns;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * Our own sample project ({@code samples/jaffle-shop}) ingested on both engines: every count of its
 * {@code expected.json}, dbt's statuses kept verbatim (pass, fail, warn, error, skipped, runtime error), and the
 * documented-but-missing and undocumented warehouse columns flagged as such.
 */
class SampleProjectIngestionIntegrationTests {

    private static final Path SAMPLE = Path.of("samples/jaffle-shop");

    @ParameterizedTest
    @EnumSource(Engine.class)
    void sampleIngestsWithEveryStatusVerbatimAndColumnFlags(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given
            DataSource ds = db.dataSource();
            JsonNode expected = SharedReference.readJson(SAMPLE.resolve("expected.json"));
            RunRef run = TestRuns.run("sample", "sample-run", null, null, null, SAMPLE.toString());

            // when
            new CatalogStore(ds)
                    .publish(
                            ProjectRef.local("sample"),
                            new ArtifactSnapshotReader().read(ArtifactFiles.inFolder(SAMPLE), run),
                            Instant.now());

            // then
            assertThat(counts(ds, "SELECT resource_type AS k, COUNT(*) AS n FROM catalog_node GROUP BY resource_type"))
                    .isEqualTo(asMap(expected.at("/manifest/resource_type_counts")));
            assertThat(single(ds, "SELECT COUNT(*) FROM catalog_lineage"))
                    .isEqualTo(
                            expected.at("/manifest/lineage_edges_all_sections").asLong());
            assertThat(counts(ds, """
                    SELECT status AS k, COUNT(*) AS n FROM (
                      SELECT status FROM catalog_test_result UNION ALL SELECT status FROM catalog_run_result) r
                    GROUP BY status""")).isEqualTo(asMap(expected.at("/run_results/by_status")));
            assertThat(counts(ds, "SELECT status AS k, COUNT(*) AS n FROM catalog_source_freshness GROUP BY status"))
                    .isEqualTo(asMap(expected.at("/sources/by_status")));
            assertThat(single(ds, "SELECT COUNT(*) FROM catalog_column WHERE documented"))
                    .isEqualTo(64);
            assertThat(single(ds, "SELECT COUNT(*) FROM catalog_column WHERE in_warehouse"))
                    .isEqualTo(83);
            assertThat(single(ds, "SELECT COUNT(*) FROM catalog_column WHERE documented AND in_warehouse"))
                    .isEqualTo(61);
            assertThat(single(ds, "SELECT COUNT(*) FROM catalog_column WHERE NOT in_warehouse"))
                    .isEqualTo(3);
            assertThat(CatalogDump.query(ds, """
                    SELECT in_warehouse, documented FROM catalog_column
                    WHERE node_unique_id = 'model.jaffle_shop.orders' AND LOWER(column_name) = 'discount_amount'""")).containsExactly(Map.of("in_warehouse", false, "documented", true));
        }
    }

    private static Map<String, Long> asMap(JsonNode node) {
        Map<String, Long> map = new TreeMap<>();
        node.properties().forEach(e -> map.put(e.getKey(), e.getValue().asLong()));
        return map;
    }

    private static Map<String, Long> counts(DataSource ds, String sql) {
        Map<String, Long> map = new TreeMap<>();
        List<Map<String, Object>> rows = CatalogDump.query(ds, sql);
        rows.forEach(r -> map.put((String) r.get("k"), ((Number) r.get("n")).longValue()));
        return map;
    }

    private static long single(DataSource ds, String sql) {
        return ((Number) CatalogDump.query(ds, sql).get(0).values().iterator().next()).longValue();
    }
}
