package io.dbtcatalog.ingest.source.discovery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Test code: the applied state one stand-in environment serves, built from the raw manifest, catalog and run results
 * of a reference set (as if one dbt Cloud run {@code runId} had produced them), or given node by node.
 */
final class StandInState {

    static final List<String> CONNECTIONS = List.of("models", "sources", "seeds", "snapshots", "tests", "exposures");
    private static final Set<String> EXECUTING = Set.of("build", "run", "test", "seed", "snapshot");
    private static final Set<String> FAILED = Set.of("error", "fail", "warn", "runtime error");
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final Map<String, List<ObjectNode>> connections = new LinkedHashMap<>();
    private final ObjectNode environment = F.objectNode();

    private StandInState() {
        CONNECTIONS.forEach(name -> connections.put(name, new ArrayList<>()));
    }

    /** An environment with no node yet; add some with {@link #add(String, ObjectNode)}. */
    static StandInState empty(String projectName, String adapterType, String lastUpdatedAt) {
        StandInState state = new StandInState();
        state.environment.put("dbtProjectName", projectName);
        state.environment.put("adapterType", adapterType);
        state.environment
                .putObject("applied")
                .put("lastUpdatedAt", lastUpdatedAt)
                .putNull("latestGitSha");
        return state;
    }

    /** The applied state the set's artifacts describe, every execution attributed to dbt Cloud run {@code runId}. */
    static StandInState fromArtifacts(Path folder, long runId) {
        JsonNode manifest = read(folder.resolve("manifest.json"));
        JsonNode metadata = manifest.path("metadata");
        StandInState state = empty(
                projectName(manifest),
                metadata.path("adapter_type").asString(null),
                metadata.path("generated_at").asString(null));
        JsonNode catalog = read(folder.resolve("catalog.json"));
        Map<String, ObjectNode> executions = executions(read(folder.resolve("run_results.json")), runId);
        for (String section : List.of("nodes", "sources", "exposures", "unit_tests")) {
            for (Map.Entry<String, JsonNode> property : manifest.path(section).properties()) {
                JsonNode entry = property.getValue();
                String id = entry.path("unique_id").asString(property.getKey());
                String type = entry.path("resource_type").asString(section.replaceFirst("s$", ""));
                String connection = StandInNodes.connectionOf(type);
                if (connection != null) {
                    ObjectNode node = StandInNodes.node(connection, id, type, entry);
                    decorate(node, connection, entry, catalog, executions.get(id));
                    state.add(connection, node);
                }
            }
        }
        return state;
    }

    StandInState add(String connection, ObjectNode node) {
        connections.get(connection).add(node);
        return this;
    }

    List<ObjectNode> connection(String name) {
        return connections.get(name);
    }

    ObjectNode environment() {
        return environment;
    }

    void setLastUpdatedAt(String lastUpdatedAt) {
        ((ObjectNode) environment.path("applied")).put("lastUpdatedAt", lastUpdatedAt);
    }

    private static void decorate(
            ObjectNode node, String connection, JsonNode entry, JsonNode catalog, ObjectNode execution) {
        if (!"tests".equals(connection) && !"exposures".equals(connection)) {
            JsonNode table = catalog.path("sources".equals(connection) ? "sources" : "nodes")
                    .path(node.path("uniqueId").asString());
            node.set("catalog", table.isObject() ? catalogOf(table, entry.path("columns")) : F.nullNode());
        }
        if (!"sources".equals(connection) && !"exposures".equals(connection)) {
            node.set("executionInfo", execution);
        }
    }

    /** Warehouse columns with the dbt docs of the manifest column of the same name (exact, else ignoring case). */
    private static ObjectNode catalogOf(JsonNode table, JsonNode documented) {
        ObjectNode catalog = F.objectNode();
        catalog.set("type", table.path("metadata").path("type"));
        catalog.set("owner", table.path("metadata").path("owner"));
        ArrayNode columns = catalog.putArray("columns");
        for (Map.Entry<String, JsonNode> property : table.path("columns").properties()) {
            JsonNode warehouse = property.getValue();
            String name = warehouse.path("name").asString(property.getKey());
            JsonNode docs = documentation(name, documented);
            ObjectNode column = columns.addObject().put("name", name);
            column.set("type", warehouse.path("type"));
            column.set("index", warehouse.path("index"));
            column.set("comment", warehouse.path("comment"));
            column.set("description", docs.path("description"));
            column.set("tags", docs.path("tags").isArray() ? docs.path("tags") : F.arrayNode());
            column.set("meta", docs.path("meta").isObject() ? docs.path("meta") : F.objectNode());
            StandInNodes.clean(column);
        }
        return StandInNodes.clean(catalog);
    }

    private static JsonNode documentation(String name, JsonNode documented) {
        for (JsonNode column : documented.values()) {
            if (name.equals(column.path("name").asString(null))) {
                return column;
            }
        }
        for (JsonNode column : documented.values()) {
            if (name.equalsIgnoreCase(column.path("name").asString(null))) {
                return column;
            }
        }
        return F.missingNode();
    }

    /** The latest execution of every node of an executing run_results.json, keyed by unique id. */
    private static Map<String, ObjectNode> executions(JsonNode runResults, long runId) {
        Map<String, ObjectNode> executions = new LinkedHashMap<>();
        if (!EXECUTING.contains(runResults.path("args").path("which").asString(""))) {
            return executions;
        }
        for (JsonNode result : runResults.path("results").values()) {
            String status = result.path("status").asString();
            ObjectNode info = F.objectNode().put("lastRunId", runId).put("lastRunStatus", status);
            info.set("lastRunError", FAILED.contains(status.toLowerCase(Locale.ROOT)) ? result.path("message") : null);
            info.set("lastRunFailures", result.path("failures"));
            info.set("executionTime", result.path("execution_time"));
            for (JsonNode step : result.path("timing").values()) {
                if ("execute".equals(step.path("name").asString())) {
                    info.set("executeStartedAt", step.path("started_at"));
                    info.set("executeCompletedAt", step.path("completed_at"));
                }
            }
            executions.put(result.path("unique_id").asString(), StandInNodes.clean(info));
        }
        return executions;
    }

    /** The API knows the project's name; manifests before v5 only carry its MD5 as {@code project_id}. */
    private static String projectName(JsonNode manifest) {
        String name = manifest.path("metadata").path("project_name").asString(null);
        String projectId = manifest.path("metadata").path("project_id").asString(null);
        if (name != null || projectId == null) {
            return name;
        }
        for (JsonNode entry : manifest.path("nodes").values()) {
            String candidate = entry.path("package_name").asString("");
            if (projectId.equals(SnapshotAssembler.projectId(candidate))) {
                return candidate;
            }
        }
        return null;
    }

    private static JsonNode read(Path file) {
        return Files.isRegularFile(file) ? JsonMapper.shared().readTree(file) : F.objectNode();
    }
}
