package io.dbtcatalog.ingest.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the artifacts dbt would write for the next invocation of an unchanged project: a copy of a folder where only
 * what is not catalog state changes — every file's {@code metadata} (a new invocation id, a later generation time),
 * every manifest entry's {@code created_at} (dbt Cloud parses from scratch each run) and, when asked, the values of
 * the catalog's relation statistics (warehouse history). Every copy is written by the same writer, so a test
 * compares invocation 1 with invocation 2 (dbt writes its files the same way each time, and the state digest reads
 * bytes).
 */
final class NextInvocation {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final List<String> SECTIONS = List.of(
            "nodes", "sources", "exposures", "metrics", "semantic_models", "saved_queries", "unit_tests", "groups");
    private static final List<String> FILES =
            List.of("manifest.json", "catalog.json", "run_results.json", "sources.json");

    private NextInvocation() {}

    /** Copies the artifacts of {@code from} into {@code to} as invocation number {@code n} after them. */
    static Path of(Path from, Path to, int n, boolean changeStats) {
        return of(from, to, n, changeStats, manifest -> {});
    }

    /** Like {@link #of(Path, Path, int, boolean)}, then lets {@code edit} change the manifest tree. */
    static Path of(Path from, Path to, int n, boolean changeStats, Consumer<ObjectNode> edit) {
        try {
            Files.createDirectories(to);
            for (String name : FILES) {
                Path file = from.resolve(name);
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                ObjectNode root = (ObjectNode) JSON.readTree(file.toFile());
                nextMetadata(root, n);
                if (name.equals("manifest.json")) {
                    laterCreatedAt(root, n);
                    edit.accept(root);
                } else if (name.equals("catalog.json") && changeStats) {
                    otherStats(root, n);
                }
                JSON.writeValue(to.resolve(name).toFile(), root);
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void nextMetadata(ObjectNode root, int n) {
        if (root.get("metadata") instanceof ObjectNode metadata) {
            metadata.put("invocation_id", "00000000-0000-4000-8000-00000000000" + n);
            metadata.put("generated_at", "2030-01-0" + n + "T10:00:00.000000Z");
            if (metadata.get("env") instanceof ObjectNode env) {
                env.put("DBT_CLOUD_RUN_ID", String.valueOf(1000 + n));
            }
        }
    }

    private static void laterCreatedAt(ObjectNode root, int n) {
        for (String section : SECTIONS) {
            for (Map.Entry<String, JsonNode> entry : root.path(section).properties()) {
                if (entry.getValue() instanceof ObjectNode node && node.has("created_at")) {
                    node.put("created_at", node.path("created_at").asDouble() + 86_400.0 * n);
                }
            }
        }
    }

    private static void otherStats(ObjectNode root, int n) {
        for (String section : List.of("nodes", "sources")) {
            for (Map.Entry<String, JsonNode> table : root.path(section).properties()) {
                for (Map.Entry<String, JsonNode> stat :
                        table.getValue().path("stats").properties()) {
                    if (stat.getValue() instanceof ObjectNode value
                            && value.path("value").isNumber()) {
                        value.put("value", value.path("value").asDouble() + n);
                    }
                }
            }
        }
    }
}
