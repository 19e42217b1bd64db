package io.dbtcatalog.ingest.model;

import java.util.List;

/**
 * One enabled dbt resource of any type (model, seed, snapshot, source, test, unit test, analysis, exposure, metric,
 * semantic model, saved query, group…) as it stands in one snapshot. Absent values are {@code null};
 * {@code metaJson} is the resource's meta object serialized as compact JSON ({@code "{}"} when empty).
 */
public record CatalogNode(
        NodeId id,
        ResourceType resourceType,
        String packageName,
        String name,
        String database,
        String schema,
        String identifier,
        String relationName,
        String materialization,
        String language,
        String description,
        String owner,
        List<String> tags,
        String metaJson,
        String access,
        String group,
        String version,
        Boolean contractEnforced,
        String filePath,
        String rawCode,
        String compiledCode,
        String checksum) {

    public CatalogNode {
        require(id, "id");
        require(resourceType, "resourceType");
        tags = tags == null ? List.of() : List.copyOf(tags);
        metaJson = metaJson == null || metaJson.isBlank() ? "{}" : metaJson;
    }

    private static void require(Object value, String name) {
        if (value == null) {
            throw new IllegalArgumentException("CatalogNode." + name + " is required");
        }
    }
}
