package io.dbtcatalog.ingest.source.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Test code: turns one raw manifest entry into the node the Discovery API's applied state serves for it, field by
 * field as the reconstructed schema names them. Reads the raw JSON trees itself (never our artifact reader), so the
 * parity tests compare two independent paths.
 */
final class StandInNodes {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private StandInNodes() {}

    /** The applied connection a manifest resource type is served by, or null when the API serves none. */
    static String connectionOf(String resourceType) {
        return switch (resourceType) {
            case "model" -> "models";
            case "source" -> "sources";
            case "seed" -> "seeds";
            case "snapshot" -> "snapshots";
            case "test", "unit_test" -> "tests";
            case "exposure" -> "exposures";
            default -> null;
        };
    }

    static ObjectNode node(String connection, String uniqueId, String resourceType, JsonNode entry) {
        ObjectNode node = F.objectNode();
        node.put("uniqueId", uniqueId);
        node.set("name", entry.path("name"));
        node.set("description", entry.path("description"));
        node.put("resourceType", resourceType);
        node.set("filePath", entry.path("original_file_path"));
        node.set("tags", tags(entry.path("tags")));
        node.set("meta", entry.path("meta").isObject() ? entry.path("meta") : F.objectNode());
        switch (connection) {
            case "models" -> model(node, entry);
            case "sources" -> source(node, entry);
            case "seeds" -> relation(node, entry).set("packageName", entry.path("package_name"));
            case "snapshots" -> snapshot(node, entry);
            case "tests" -> test(node, resourceType, entry);
            case "exposures" -> exposure(node, entry);
            default -> throw new IllegalArgumentException("no applied connection " + connection);
        }
        return clean(node);
    }

    private static void model(ObjectNode node, JsonNode entry) {
        relation(node, entry);
        JsonNode config = entry.path("config");
        node.set("packageName", entry.path("package_name"));
        node.set("materializedType", config.path("materialized"));
        node.set("language", entry.path("language"));
        node.set("access", entry.path("access").isMissingNode() ? config.path("access") : entry.path("access"));
        node.set("group", entry.path("group").isMissingNode() ? config.path("group") : entry.path("group"));
        JsonNode version = entry.path("version");
        node.put("version", version.isNull() || version.isMissingNode() ? null : version.asString());
        JsonNode enforced = config.path("contract").path("enforced");
        node.set(
                "contractEnforced",
                enforced.isBoolean() ? enforced : entry.path("contract").path("enforced"));
        node.set("latestVersion", entry.path("latest_version"));
        node.set("deprecationDate", entry.path("deprecation_date"));
        node.set("config", config);
        code(node, entry);
        node.set("parents", parents(entry));
    }

    private static void source(ObjectNode node, JsonNode entry) {
        node.set("database", entry.path("database"));
        node.set("schema", entry.path("schema"));
        node.set("identifier", entry.path("identifier"));
        node.set("sourceName", entry.path("source_name"));
        node.set("loader", entry.path("loader"));
        ObjectNode freshness = F.objectNode();
        freshness.put("freshnessChecked", false);
        ObjectNode criteria = freshness.putObject("criteria");
        JsonNode declared = entry.path("freshness");
        criteria.set("warnAfter", declared.path("warn_after"));
        criteria.set("errorAfter", declared.path("error_after"));
        node.set("freshness", clean(freshness));
    }

    private static void snapshot(ObjectNode node, JsonNode entry) {
        relation(node, entry);
        node.set("packageName", entry.path("package_name"));
        code(node, entry);
        node.set("config", entry.path("config"));
        node.set("parents", parents(entry));
    }

    private static void test(ObjectNode node, String resourceType, JsonNode entry) {
        JsonNode metadata = entry.path("test_metadata");
        boolean unit = "unit_test".equals(resourceType);
        node.put("testType", unit ? "UNIT_TEST" : metadata.isObject() ? "GENERIC_DATA_TEST" : "SINGULAR_DATA_TEST");
        node.set("columnName", entry.path("column_name"));
        ObjectNode testMetadata = node.putObject("testMetadata");
        testMetadata.set("name", metadata.path("name"));
        testMetadata.set("namespace", metadata.path("namespace"));
        testMetadata.set("kwargs", metadata.path("kwargs"));
        clean(testMetadata);
        JsonNode dependsOn = entry.path("depends_on").path("nodes");
        node.set("testedNodeUniqueId", unit ? dependsOn.path(0) : entry.path("attached_node"));
        node.set("model", entry.path("model"));
        code(node, entry);
        node.set("config", entry.path("config"));
        node.set("parents", parents(entry));
    }

    private static void exposure(ObjectNode node, JsonNode entry) {
        node.set("packageName", entry.path("package_name"));
        node.set("exposureType", entry.path("type"));
        node.set("label", entry.path("label"));
        node.set("maturity", entry.path("maturity"));
        node.set("url", entry.path("url"));
        node.set("ownerName", entry.path("owner").path("name"));
        node.set("ownerEmail", entry.path("owner").path("email"));
        node.set("parents", parents(entry));
    }

    private static ObjectNode relation(ObjectNode node, JsonNode entry) {
        node.set("database", entry.path("database"));
        node.set("schema", entry.path("schema"));
        node.set("alias", entry.path("alias"));
        return node;
    }

    private static void code(ObjectNode node, JsonNode entry) {
        node.set("rawCode", entry.has("raw_code") ? entry.path("raw_code") : entry.path("raw_sql"));
        node.set("compiledCode", entry.has("compiled_code") ? entry.path("compiled_code") : entry.path("compiled_sql"));
    }

    /** {@code depends_on.nodes} as nested nodes; the type is the id's first segment, as dbt builds ids. */
    private static ArrayNode parents(JsonNode entry) {
        ArrayNode parents = F.arrayNode();
        for (JsonNode parent : entry.path("depends_on").path("nodes").values()) {
            String id = parent.asString();
            parents.addObject().put("uniqueId", id).put("resourceType", id.substring(0, id.indexOf('.')));
        }
        return parents;
    }

    private static ArrayNode tags(JsonNode tags) {
        ArrayNode array = F.arrayNode();
        if (tags.isArray()) {
            tags.values().forEach(array::add);
        } else if (tags.isString()) {
            array.add(tags);
        }
        return array;
    }

    /** Absent values become JSON null (at every depth), as a GraphQL server answers unset nullable fields. */
    static ObjectNode clean(ObjectNode node) {
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (field.getValue() == null || field.getValue().isMissingNode()) {
                missing.add(field.getKey());
            } else if (field.getValue() instanceof ObjectNode child) {
                clean(child);
            }
        }
        missing.forEach(node::putNull);
        return node;
    }
}
