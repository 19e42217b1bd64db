package io.dbtcatalog.ingest.source.artifact;

import static io.dbtcatalog.ingest.source.normalize.JsonValues.firstText;
import static io.dbtcatalog.ingest.source.normalize.JsonValues.nonBlank;

import io.dbtcatalog.ingest.model.Exposure;
import io.dbtcatalog.ingest.model.Metric;
import io.dbtcatalog.ingest.model.NodeDetails;
import io.dbtcatalog.ingest.model.NodeId;
import io.dbtcatalog.ingest.model.SavedQuery;
import io.dbtcatalog.ingest.model.SemanticElement;
import io.dbtcatalog.ingest.model.SemanticElement.Kind;
import io.dbtcatalog.ingest.source.normalize.JsonValues;
import io.dbtcatalog.ingest.source.normalize.Timestamps;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maps the manifest's details beyond the node itself (any version v4–v12): a node's governance and config, and the
 * definitions of exposures, metrics (MetricFlow and legacy), semantic models and saved queries. Pure static
 * functions; the only place these manifest field names appear.
 */
final class DepthMapper {

    /** The parameters of a legacy (dbt 1.0–1.5) metric, kept in {@code type_params}. */
    private static final List<String> LEGACY_PARAMS =
            List.of("model", "timestamp", "time_grains", "dimensions", "window", "metrics");

    private DepthMapper() {}

    /** Latest version, deprecation date and the whole config of a node entry. */
    static NodeDetails details(JsonNode entry) {
        JsonNode config = JsonValues.object(entry.path("config"));
        return new NodeDetails(
                null,
                null,
                nonBlank(entry.path("latest_version")),
                Timestamps.parse(nonBlank(entry.path("deprecation_date"))),
                config == null ? null : config.toString());
    }

    static Exposure exposure(NodeId id, JsonNode entry) {
        JsonNode owner = entry.path("owner");
        return new Exposure(
                id,
                nonBlank(entry.path("type")),
                nonBlank(entry.path("maturity")),
                nonBlank(entry.path("url")),
                nonBlank(entry.path("label")),
                owner.isObject() ? nonBlank(owner.path("name")) : null,
                owner.isObject() ? nonBlank(owner.path("email")) : null);
    }

    /** A MetricFlow metric when the entry has {@code type_params}, else a legacy one. */
    static Metric metric(NodeId id, JsonNode entry) {
        JsonNode params = JsonValues.object(entry.path("type_params"));
        if (params == null) {
            return legacyMetric(id, entry);
        }
        return new Metric(
                id,
                nonBlank(entry.path("label")),
                nonBlank(entry.path("type")),
                false,
                measure(params),
                nonBlank(params.path("expr")),
                params.toString(),
                nonBlank(entry.path("filter")),
                firstText(entry, "time_granularity"));
    }

    private static Metric legacyMetric(NodeId id, JsonNode entry) {
        ObjectNode params = JsonNodeFactory.instance.objectNode();
        for (String name : LEGACY_PARAMS) {
            JsonNode value = entry.path(name);
            if (JsonValues.present(value)) {
                params.set(name, value);
            }
        }
        return new Metric(
                id,
                nonBlank(entry.path("label")),
                firstText(entry, "calculation_method", "type"),
                true,
                null,
                firstText(entry, "expression", "sql"),
                params.toString(),
                nonBlank(entry.path("filters")),
                null);
    }

    /** The measure a metric aggregates: {@code measure}, else a conversion metric's base measure. */
    private static String measure(JsonNode params) {
        JsonNode measure = params.path("measure");
        if (!JsonValues.present(measure)) {
            measure = params.path("conversion_type_params").path("base_measure");
        }
        return measure.isObject() ? nonBlank(measure.path("name")) : nonBlank(measure);
    }

    /** The entities, dimensions and measures of a semantic model entry, in that order. */
    static List<SemanticElement> semanticElements(NodeId id, JsonNode entry) {
        List<SemanticElement> elements = new ArrayList<>();
        for (JsonNode entity : entry.path("entities").values()) {
            add(elements, id, Kind.ENTITY, entity, nonBlank(entity.path("type")), null, null);
        }
        for (JsonNode dimension : entry.path("dimensions").values()) {
            String granularity = nonBlank(dimension.path("type_params").path("time_granularity"));
            add(elements, id, Kind.DIMENSION, dimension, nonBlank(dimension.path("type")), null, granularity);
        }
        for (JsonNode measure : entry.path("measures").values()) {
            add(elements, id, Kind.MEASURE, measure, null, nonBlank(measure.path("agg")), null);
        }
        return elements;
    }

    private static void add(
            List<SemanticElement> elements,
            NodeId id,
            Kind kind,
            JsonNode element,
            String type,
            String agg,
            String granularity) {
        String name = element.isObject() ? nonBlank(element.path("name")) : null;
        if (name == null) {
            return;
        }
        elements.add(new SemanticElement(
                id,
                kind,
                name,
                type,
                nonBlank(element.path("label")),
                nonBlank(element.path("expr")),
                agg,
                granularity,
                nonBlank(element.path("description"))));
    }

    static SavedQuery savedQuery(NodeId id, JsonNode entry) {
        JsonNode query = entry.path("query_params");
        return new SavedQuery(
                id,
                nonBlank(entry.path("label")),
                arrayJson(query.path("metrics")),
                arrayJson(query.path("group_by")),
                whereJson(query.path("where")),
                arrayJson(entry.path("exports")));
    }

    /** The where templates of a saved query: {@code {"where_filters":[{"where_sql_template":…}]}}, as a list. */
    private static String whereJson(JsonNode where) {
        JsonNode filters = where.path("where_filters");
        if (filters.isArray()) {
            List<String> templates = new ArrayList<>();
            for (JsonNode filter : filters.values()) {
                String template = nonBlank(filter.path("where_sql_template"));
                if (template != null) {
                    templates.add(template);
                }
            }
            return JsonNodeFactory.instance
                    .arrayNode()
                    .addAll(templates.stream()
                            .map(JsonNodeFactory.instance::stringNode)
                            .toList())
                    .toString();
        }
        return arrayJson(where);
    }

    private static String arrayJson(JsonNode node) {
        if (node.isArray()) {
            return node.toString();
        }
        String text = JsonValues.text(node);
        return text == null
                ? "[]"
                : JsonNodeFactory.instance.arrayNode().add(text).toString();
    }
}
