package io.dbtcatalog.ingest.depth;

import static io.dbtcatalog.ingest.depth.ReferenceDepth.json;
import static io.dbtcatalog.ingest.depth.ReferenceDepth.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbtcatalog.ingest.support.TestDatabases.Engine;
import io.dbtcatalog.ingest.support.TestDatabases.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * On every reference set that has them, every exposure, metric, semantic model element and saved query of the
 * manifest is in the catalog with the manifest's values, on H2 and PostgreSQL. The expected values are read from
 * the manifest here, independently of the reader.
 */
class ManifestDepthIntegrationTests {

    static Stream<Arguments> setsWithDepthOnBothEngines() {
        List<String> sets = new ArrayList<>(ReferenceDepth.setsWith("exposures"));
        for (String section : List.of("metrics", "semantic_models", "saved_queries")) {
            ReferenceDepth.setsWith(section).stream()
                    .filter(set -> !sets.contains(set))
                    .forEach(sets::add);
        }
        return Stream.of(Engine.values()).flatMap(engine -> sets.stream().map(set -> Arguments.of(set, engine)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("setsWithDepthOnBothEngines")
    void everyExposureMetricSemanticElementAndSavedQueryIsInTheCatalogWithTheManifestsValues(
            String set, Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given
            JsonNode manifest = ReferenceDepth.manifest(set);
            // when
            ReferenceDepth.ingest(db.dataSource(), set);
            // then
            checkExposures(db.dataSource(), set, manifest.path("exposures"));
            checkMetrics(db.dataSource(), set, manifest.path("metrics"));
            checkSemanticElements(db.dataSource(), set, manifest.path("semantic_models"));
            checkSavedQueries(db.dataSource(), set, manifest.path("saved_queries"));
        }
    }

    private static void checkExposures(DataSource dataSource, String set, JsonNode exposures) {
        Map<String, Map<String, Object>> rows = ReferenceDepth.rowsByKey(dataSource, """
                SELECT unique_id, exposure_type, maturity, url, label, owner_name, owner_email
                FROM catalog_exposure WHERE project_key = ? AND deleted_at IS NULL""", set, 1);
        assertThat(rows).hasSize(exposures.size());
        for (Map.Entry<String, JsonNode> entry : exposures.properties()) {
            JsonNode exposure = entry.getValue();
            Map<String, Object> row = rows.get(entry.getKey());
            assertThat(row).as(entry.getKey()).isNotNull();
            assertThat(row.get("exposure_type")).isEqualTo(text(exposure.path("type")));
            assertThat(row.get("maturity")).isEqualTo(text(exposure.path("maturity")));
            assertThat(row.get("url")).isEqualTo(text(exposure.path("url")));
            assertThat(row.get("label")).isEqualTo(text(exposure.path("label")));
            assertThat(row.get("owner_name"))
                    .isEqualTo(text(exposure.path("owner").path("name")));
            assertThat(row.get("owner_email"))
                    .isEqualTo(text(exposure.path("owner").path("email")));
        }
    }

    private static void checkMetrics(DataSource dataSource, String set, JsonNode metrics) {
        Map<String, Map<String, Object>> rows = ReferenceDepth.rowsByKey(dataSource, """
                SELECT unique_id, label, metric_type, legacy, measure, expression, type_params, metric_filter,
                       time_granularity
                FROM catalog_metric WHERE project_key = ? AND deleted_at IS NULL""", set, 1);
        assertThat(rows).hasSize(metrics.size());
        for (Map.Entry<String, JsonNode> entry : metrics.properties()) {
            JsonNode metric = entry.getValue();
            Map<String, Object> row = rows.get(entry.getKey());
            assertThat(row).as(entry.getKey()).isNotNull();
            assertThat(row.get("label")).as(entry.getKey()).isEqualTo(text(metric.path("label")));
            JsonNode params = metric.path("type_params");
            if (params.isObject()) {
                assertThat(row.get("legacy")).isEqualTo(false);
                assertThat(row.get("metric_type")).isEqualTo(text(metric.path("type")));
                assertThat(json(row.get("type_params"))).isEqualTo(params);
                assertThat(row.get("expression")).isEqualTo(text(params.path("expr")));
                assertThat(row.get("measure"))
                        .isEqualTo(text(params.path("measure").path("name")));
                assertThat(json(row.get("metric_filter"))).isEqualTo(json(text(metric.path("filter"))));
                assertThat(row.get("time_granularity")).isEqualTo(text(metric.path("time_granularity")));
            } else {
                String method = text(metric.path("calculation_method"));
                assertThat(row.get("legacy")).isEqualTo(true);
                assertThat(row.get("metric_type")).isEqualTo(method != null ? method : text(metric.path("type")));
                String expression = text(metric.path("expression"));
                assertThat(row.get("expression")).isEqualTo(expression != null ? expression : text(metric.path("sql")));
                assertThat(json(row.get("type_params")).path("timestamp")).isEqualTo(metric.path("timestamp"));
                assertThat(json(row.get("type_params")).path("dimensions")).isEqualTo(metric.path("dimensions"));
            }
        }
    }

    private static void checkSemanticElements(DataSource dataSource, String set, JsonNode models) {
        Map<String, Map<String, Object>> rows = ReferenceDepth.rowsByKey(dataSource, """
                SELECT semantic_model_unique_id, element_kind, element_name, element_type, label, expr, agg,
                       time_granularity, description
                FROM catalog_semantic_element WHERE project_key = ? AND deleted_at IS NULL""", set, 3);
        int expected = 0;
        for (Map.Entry<String, JsonNode> model : models.properties()) {
            for (String kind : List.of("entity", "dimension", "measure")) {
                String section = kind.equals("entity") ? "entities" : kind + "s";
                for (JsonNode element : model.getValue().path(section).values()) {
                    expected++;
                    String key = model.getKey() + "|" + kind + "|"
                            + element.path("name").asString();
                    Map<String, Object> row = rows.get(key);
                    assertThat(row).as(key).isNotNull();
                    assertThat(row.get("element_type")).as(key).isEqualTo(text(element.path("type")));
                    assertThat(row.get("expr")).as(key).isEqualTo(text(element.path("expr")));
                    assertThat(row.get("agg")).as(key).isEqualTo(text(element.path("agg")));
                    assertThat(row.get("label")).as(key).isEqualTo(text(element.path("label")));
                    assertThat(row.get("description")).as(key).isEqualTo(text(element.path("description")));
                    assertThat(row.get("time_granularity"))
                            .as(key)
                            .isEqualTo(text(element.path("type_params").path("time_granularity")));
                }
            }
        }
        assertThat(rows).hasSize(expected);
    }

    private static void checkSavedQueries(DataSource dataSource, String set, JsonNode queries) {
        Map<String, Map<String, Object>> rows = ReferenceDepth.rowsByKey(dataSource, """
                SELECT unique_id, label, query_metrics, group_by, where_filters, exports
                FROM catalog_saved_query WHERE project_key = ? AND deleted_at IS NULL""", set, 1);
        assertThat(rows).hasSize(queries.size());
        for (Map.Entry<String, JsonNode> entry : queries.properties()) {
            JsonNode query = entry.getValue();
            Map<String, Object> row = rows.get(entry.getKey());
            assertThat(row).as(entry.getKey()).isNotNull();
            assertThat(row.get("label")).isEqualTo(text(query.path("label")));
            assertThat(json(row.get("query_metrics")))
                    .isEqualTo(query.path("query_params").path("metrics"));
            assertThat(json(row.get("group_by")))
                    .isEqualTo(query.path("query_params").path("group_by"));
            assertThat(json(row.get("exports"))).isEqualTo(query.path("exports"));
            List<String> where = new ArrayList<>();
            query.path("query_params")
                    .path("where")
                    .path("where_filters")
                    .values()
                    .forEach(filter ->
                            where.add(filter.path("where_sql_template").asString()));
            assertThat(json(row.get("where_filters")).valueStream().map(JsonNode::asString))
                    .containsExactlyElementsOf(where);
        }
    }
}
