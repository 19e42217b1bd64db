package io.dbtcatalog.ingest.model;

import java.util.List;

/**
 * One enabled dbt resource of any type (model, seed, snapshot, source, test, unit test, analysis, exposure, metric,
 * semantic model, saved query, group…) as it stands in one snapshot. Absent values are {@code null};
 * {@code metaJson} is the resource's meta object serialized as compact JSON ({@code "{}"} when empty);
 * {@code details} are the warehouse's view of its relation, its governance and its config. The long texts
 * (description, raw and compiled code) are {@link TextValue}s, which a reader may keep off the heap; {@link
 * #description()}, {@link #rawCode()} and {@link #compiledCode()} give them as strings.
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
        String owner,
        List<String> tags,
        String metaJson,
        String access,
        String group,
        String version,
        Boolean contractEnforced,
        String filePath,
        String checksum,
        NodeDetails details,
        TextValue descriptionText,
        TextValue rawCodeText,
        TextValue compiledCodeText) {

    public CatalogNode {
        require(id, "id");
        require(resourceType, "resourceType");
        tags = tags == null ? List.of() : List.copyOf(tags);
        metaJson = metaJson == null || metaJson.isBlank() ? "{}" : metaJson;
        details = details == null ? NodeDetails.NONE : details;
    }

    /** A node whose texts are held in memory. */
    public CatalogNode(
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
            String checksum,
            NodeDetails details) {
        this(
                id,
                resourceType,
                packageName,
                name,
                database,
                schema,
                identifier,
                relationName,
                materialization,
                language,
                owner,
                tags,
                metaJson,
                access,
                group,
                version,
                contractEnforced,
                filePath,
                checksum,
                details,
                TextValue.of(description),
                TextValue.of(rawCode),
                TextValue.of(compiledCode));
    }

    /** A node without details ({@link NodeDetails#NONE}) whose texts are held in memory. */
    public CatalogNode(
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
        this(
                id,
                resourceType,
                packageName,
                name,
                database,
                schema,
                identifier,
                relationName,
                materialization,
                language,
                description,
                owner,
                tags,
                metaJson,
                access,
                group,
                version,
                contractEnforced,
                filePath,
                rawCode,
                compiledCode,
                checksum,
                NodeDetails.NONE);
    }

    public String description() {
        return TextValue.valueOf(descriptionText);
    }

    public String rawCode() {
        return TextValue.valueOf(rawCodeText);
    }

    public String compiledCode() {
        return TextValue.valueOf(compiledCodeText);
    }

    /** The same node with other compiled code (everything else, its details too, kept). */
    public CatalogNode withCompiledCode(String replaced) {
        return withTexts(descriptionText, rawCodeText, TextValue.of(replaced));
    }

    /** The same node with other texts (description, raw and compiled code), e.g. where a reader keeps them. */
    public CatalogNode withTexts(TextValue description, TextValue rawCode, TextValue compiledCode) {
        return new CatalogNode(
                id,
                resourceType,
                packageName,
                name,
                database,
                schema,
                identifier,
                relationName,
                materialization,
                language,
                owner,
                tags,
                metaJson,
                access,
                group,
                version,
                contractEnforced,
                filePath,
                checksum,
                details,
                description,
                rawCode,
                compiledCode);
    }

    /** The same node with other details. */
    public CatalogNode withDetails(NodeDetails replaced) {
        return new CatalogNode(
                id,
                resourceType,
                packageName,
                name,
                database,
                schema,
                identifier,
                relationName,
                materialization,
                language,
                owner,
                tags,
                metaJson,
                access,
                group,
                version,
                contractEnforced,
                filePath,
                checksum,
                replaced,
                descriptionText,
                rawCodeText,
                compiledCodeText);
    }

    private static void require(Object value, String name) {
        if (value == null) {
            throw new IllegalArgumentException("CatalogNode." + name + " is required");
        }
    }
}
