package io.dbtcatalog.ingest.lineage;

import io.dbtcatalog.ingest.support.SharedReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Minimal reading of a reference set's {@code manifest.json} and {@code catalog.json} into a {@link LineageInput}
 * (test use: whole-file trees). The pipeline builds the same input from its own model records.
 */
record ReferenceArtifacts(String set, String adapterType, LineageInput input) {

    private static final Set<String> RELATIONS = Set.of("model", "seed", "snapshot");

    static ReferenceArtifacts read(String set) {
        Path folder = SharedReference.set(set);
        JsonNode manifest = SharedReference.readJson(folder.resolve("manifest.json"));
        String adapterType = manifest.path("metadata").path("adapter_type").asString("");
        Dialect dialect = Dialect.fromAdapterType(adapterType);
        Map<String, RelationName> relations = new HashMap<>();
        Map<String, List<String>> declared = new HashMap<>();
        List<LineageModel> models = new ArrayList<>();
        for (JsonNode node : manifest.path("nodes").values()) {
            String type = node.path("resource_type").asString("");
            if (!RELATIONS.contains(type)) {
                continue;
            }
            String id = node.path("unique_id").asString();
            RelationName relation = relation(node, "alias");
            relations.put(id, relation);
            declared.put(id, declaredColumns(node));
            if (type.equals("model")) {
                models.add(model(node, id, relation));
            }
        }
        for (JsonNode source : manifest.path("sources").values()) {
            String id = source.path("unique_id").asString();
            relations.put(id, relation(source, "identifier"));
            declared.put(id, declaredColumns(source));
        }
        Map<String, List<String>> catalog = catalogColumns(folder.resolve("catalog.json"));
        LineageInput input = new LineageInput(
                dialect, models, RelationResolver.index(dialect, relations), SchemaProvider.of(catalog, declared));
        return new ReferenceArtifacts(set, adapterType, input);
    }

    private static LineageModel model(JsonNode node, String id, RelationName relation) {
        String compiled = text(node, "compiled_code");
        if (compiled == null) {
            compiled = text(node, "compiled_sql");
        }
        List<String> dependsOn = new ArrayList<>();
        node.path("depends_on").path("nodes").values().forEach(parent -> dependsOn.add(parent.asString()));
        return new LineageModel(
                id,
                node.path("name").asString(),
                relation,
                node.path("config").path("materialized").asString(null),
                text(node, "language"),
                compiled,
                dependsOn);
    }

    private static RelationName relation(JsonNode node, String identifierField) {
        String identifier = text(node, identifierField);
        return new RelationName(
                text(node, "database"),
                text(node, "schema"),
                identifier == null ? node.path("name").asString() : identifier);
    }

    private static List<String> declaredColumns(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.path("columns")
                .values()
                .forEach(column -> names.add(column.path("name").asString()));
        return names;
    }

    private static Map<String, List<String>> catalogColumns(Path catalogFile) {
        Map<String, List<String>> columns = new HashMap<>();
        if (!Files.isRegularFile(catalogFile)) {
            return columns;
        }
        JsonNode catalog = SharedReference.readJson(catalogFile);
        for (String section : List.of("nodes", "sources")) {
            for (Map.Entry<String, JsonNode> entry : catalog.path(section).properties()) {
                List<JsonNode> ordered =
                        new ArrayList<>(entry.getValue().path("columns").values());
                ordered.sort(
                        Comparator.comparingInt(column -> column.path("index").asInt(0)));
                columns.put(
                        entry.getKey(),
                        ordered.stream()
                                .map(column -> column.path("name").asString())
                                .toList());
            }
        }
        return columns;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asString();
    }
}
