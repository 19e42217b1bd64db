package io.dbtcatalog.ingest.source.artifact;

import static io.dbtcatalog.ingest.source.normalize.JsonValues.firstText;
import static io.dbtcatalog.ingest.source.normalize.JsonValues.nonBlank;

import io.dbtcatalog.ingest.model.CatalogColumn;
import io.dbtcatalog.ingest.model.CatalogNode;
import io.dbtcatalog.ingest.model.NodeId;
import io.dbtcatalog.ingest.model.ResourceType;
import io.dbtcatalog.ingest.source.normalize.JsonValues;
import io.dbtcatalog.ingest.source.normalize.KeyMarkers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Maps one manifest entry (of any resource section, any manifest version v4–v12) to the normalized node and its
 * documented columns: the only place the manifest's node field names appear. Pure static functions.
 */
final class ManifestEntryMapper {

    /** The resource sections that hold catalog nodes, with the resource type of an entry that names none. */
    static final Map<String, String> RESOURCE_SECTIONS = Map.of(
            "nodes", "node",
            "sources", "source",
            "exposures", "exposure",
            "metrics", "metric",
            "semantic_models", "semantic_model",
            "saved_queries", "saved_query",
            "unit_tests", "unit_test",
            "groups", "group");

    private ManifestEntryMapper() {}

    /** The entry's unique id: its {@code unique_id}, else the key it is stored under. */
    static NodeId id(String key, JsonNode entry) {
        String uniqueId = nonBlank(entry.path("unique_id"));
        return NodeId.of(uniqueId != null ? uniqueId : key);
    }

    static CatalogNode node(String section, NodeId id, JsonNode entry) {
        JsonNode config = entry.path("config");
        return new CatalogNode(
                id,
                resourceType(section, entry),
                nonBlank(entry.path("package_name")),
                nonBlank(entry.path("name")),
                nonBlank(entry.path("database")),
                nonBlank(entry.path("schema")),
                firstText(entry, "alias", "identifier"),
                nonBlank(entry.path("relation_name")),
                nonBlank(config.path("materialized")),
                nonBlank(entry.path("language")),
                nonBlank(entry.path("description")),
                owner(entry),
                tags(entry),
                JsonValues.mergedObjectJson(entry.path("meta"), config.path("meta")),
                firstNonBlank(entry.path("access"), config.path("access")),
                firstNonBlank(entry.path("group"), config.path("group")),
                nonBlank(entry.path("version")),
                contractEnforced(entry),
                nonBlank(entry.path("original_file_path")),
                firstText(entry, "raw_code", "raw_sql"),
                firstText(entry, "compiled_code", "compiled_sql"),
                checksum(entry.path("checksum")),
                DepthMapper.details(entry));
    }

    static ResourceType resourceType(String section, JsonNode entry) {
        String declared = nonBlank(entry.path("resource_type"));
        return ResourceType.of(declared != null ? declared : RESOURCE_SECTIONS.getOrDefault(section, section));
    }

    /**
     * The columns the manifest declares for the entry (documented, not yet seen in the warehouse): an object keyed
     * by column name as dbt writes it, or, tolerated, a list of column objects that each carry their {@code name}
     * (the shape of a schema.yml). Unnamed list elements are left out; {@link #columnsProblem} reports them.
     */
    static List<CatalogColumn> documentedColumns(NodeId id, JsonNode entry) {
        List<CatalogColumn> columns = new ArrayList<>();
        JsonNode declared = entry.path("columns");
        if (declared.isObject()) {
            for (Map.Entry<String, JsonNode> property : declared.properties()) {
                JsonNode column = property.getValue();
                String name = column.isObject() ? nonBlank(column.path("name")) : null;
                addColumn(columns, id, name != null ? name : property.getKey(), column, entry);
            }
        } else if (declared.isArray()) {
            for (JsonNode column : declared.values()) {
                addColumn(columns, id, column.isObject() ? nonBlank(column.path("name")) : null, column, entry);
            }
        }
        return columns;
    }

    /** Why some of the entry's declared columns cannot be read, or null when all can. */
    static String columnsProblem(JsonNode entry) {
        JsonNode declared = entry.path("columns");
        if (!JsonValues.present(declared) || declared.isObject()) {
            return null;
        }
        if (!declared.isArray()) {
            return "columns is " + JsonProblems.describe(declared.asToken());
        }
        for (JsonNode column : declared.values()) {
            if (!column.isObject() || nonBlank(column.path("name")) == null) {
                return "columns is a list with an element that is not a named column object";
            }
        }
        return null;
    }

    private static void addColumn(
            List<CatalogColumn> columns, NodeId id, String name, JsonNode column, JsonNode entry) {
        if (name == null || name.isBlank()) {
            return;
        }
        columns.add(new CatalogColumn(
                id,
                name,
                nonBlank(column.path("data_type")),
                null,
                nonBlank(column.path("description")),
                tags(column),
                JsonValues.mergedObjectJson(
                        column.path("meta"), column.path("config").path("meta")),
                true,
                false,
                KeyMarkers.ofConstraints(column.path("constraints"), entry.path("constraints"), name)));
    }

    /** The ids in the entry's {@code depends_on.nodes} (macros excluded), in file order. */
    static List<String> parents(JsonNode entry) {
        List<String> parents = new ArrayList<>();
        for (String parent : JsonValues.strings(entry.path("depends_on").path("nodes"))) {
            if (!parent.startsWith("macro.")) {
                parents.add(parent);
            }
        }
        return parents;
    }

    private static String owner(JsonNode entry) {
        JsonNode owner = entry.path("owner");
        String declared = owner.isObject() ? firstText(owner, "name", "email") : nonBlank(owner);
        if (declared != null) {
            return declared;
        }
        return firstNonBlank(
                entry.path("meta").path("owner"),
                entry.path("config").path("meta").path("owner"));
    }

    private static List<String> tags(JsonNode entry) {
        List<String> tags = JsonValues.strings(entry.path("tags"));
        return tags.isEmpty() ? JsonValues.strings(entry.path("config").path("tags")) : tags;
    }

    private static Boolean contractEnforced(JsonNode entry) {
        Boolean configured =
                JsonValues.bool(entry.path("config").path("contract").path("enforced"));
        return configured != null
                ? configured
                : JsonValues.bool(entry.path("contract").path("enforced"));
    }

    private static String checksum(JsonNode checksum) {
        return checksum.isObject() ? nonBlank(checksum.path("checksum")) : nonBlank(checksum);
    }

    private static String firstNonBlank(JsonNode first, JsonNode second) {
        String value = nonBlank(first);
        return value != null ? value : nonBlank(second);
    }
}
