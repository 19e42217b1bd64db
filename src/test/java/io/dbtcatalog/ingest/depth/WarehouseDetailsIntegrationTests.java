package io.dbtcatalog.ingest.depth;

import static io.dbtcatalog.ingest.depth.ReferenceDepth.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbtcatalog.ingest.support.CatalogDump;
import io.dbtcatalog.ingest.support.TestDatabases.Engine;
import io.dbtcatalog.ingest.support.TestDatabases.TestDatabase;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * On every reference set with a {@code catalog.json}, each relation's type and warehouse owner are on its node and
 * every statistic the adapter marks {@code include} is a history row of the catalog's invocation with the file's
 * value, on H2 and PostgreSQL; statistics not included ({@code has_stats}) are not stored.
 */
class WarehouseDetailsIntegrationTests {

    static Stream<Arguments> setsWithCatalogOnBothEngines() {
        List<String> sets = ReferenceDepth.setsWithCatalog();
        return Stream.of(Engine.values()).flatMap(engine -> sets.stream().map(set -> Arguments.of(set, engine)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("setsWithCatalogOnBothEngines")
    void relationTypeOwnerAndIncludedStatisticsAreThoseOfTheCatalogFile(String set, Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given
            JsonNode catalog = ReferenceDepth.catalog(set);
            String invocation = text(catalog.path("metadata").path("invocation_id"));
            // when
            ReferenceDepth.ingest(db.dataSource(), set);
            // then
            Map<String, Map<String, Object>> nodes = ReferenceDepth.rowsByKey(db.dataSource(), """
                    SELECT unique_id, relation_type, warehouse_owner FROM catalog_node
                    WHERE project_key = ? AND deleted_at IS NULL""", set, 1);
            Map<String, Map<String, Object>> stats = ReferenceDepth.rowsByKey(db.dataSource(), """
                    SELECT node_unique_id, stat_id, invocation_id, label, stat_value, description
                    FROM catalog_relation_stats WHERE project_key = ?""", set, 3);
            int expectedStats = 0;
            for (String section : List.of("nodes", "sources")) {
                for (Map.Entry<String, JsonNode> table : catalog.path(section).properties()) {
                    Map<String, Object> node = nodes.get(table.getKey());
                    if (node == null) {
                        continue; // a catalog entry of no manifest node is not ingested
                    }
                    JsonNode metadata = table.getValue().path("metadata");
                    assertThat(node.get("relation_type")).as(table.getKey()).isEqualTo(text(metadata.path("type")));
                    assertThat(node.get("warehouse_owner")).as(table.getKey()).isEqualTo(text(metadata.path("owner")));
                    for (Map.Entry<String, JsonNode> stat :
                            table.getValue().path("stats").properties()) {
                        String key = table.getKey() + "|" + stat.getKey() + "|" + invocation;
                        if (!included(stat.getValue().path("include"))) {
                            assertThat(stats).as(key).doesNotContainKey(key);
                            continue;
                        }
                        expectedStats++;
                        Map<String, Object> row = stats.get(key);
                        assertThat(row).as(key).isNotNull();
                        assertThat(row.get("stat_value"))
                                .as(key)
                                .isEqualTo(text(stat.getValue().path("value")));
                        assertThat(row.get("label"))
                                .as(key)
                                .isEqualTo(text(stat.getValue().path("label")));
                        assertThat(row.get("description"))
                                .as(key)
                                .isEqualTo(text(stat.getValue().path("description")));
                    }
                }
            }
            assertThat(stats).hasSize(expectedStats);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void statisticsOfOneInvocationAreAppendedOnce(Engine engine) {
        String set = "hubspot-dbt1.0";
        try (TestDatabase db = engine.create()) {
            // given
            ReferenceDepth.ingest(db.dataSource(), set);
            Map<String, Object> before = new HashMap<>(count(db, set));
            // when the same run is read and published again (a forced re-ingestion)
            ReferenceDepth.ingest(db.dataSource(), set);
            // then
            assertThat(count(db, set)).isEqualTo(before);
            assertThat(((Number) before.get("n")).longValue()).isPositive();
        }
    }

    private static Map<String, Object> count(TestDatabase db, String set) {
        return CatalogDump.query(
                        db.dataSource(), "SELECT COUNT(*) AS n FROM catalog_relation_stats WHERE project_key = ?", set)
                .get(0);
    }

    /** {@code include: true}, or a non-zero number as older BigQuery catalogs write it. */
    private static boolean included(JsonNode include) {
        return include.isBoolean() ? include.asBoolean() : include.isNumber() && include.asDouble() != 0;
    }
}
