package io.dbtcatalog.ingest.source.dbtcloud;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Real artifact files of one reference set split the way the steps of a dbt Cloud job write them. Each step is a dbt
 * invocation of its own: its manifest is the set's relabelled with the step's invocation id and time, and its
 * run_results hold the set's results of the resource types the command runs ({@code seed} the seeds, {@code run} the
 * models, {@code snapshot} the snapshots, {@code test} the tests with status {@code pass} unless told otherwise,
 * {@code build} all of them), with the step's invocation id, {@code generated_at} and {@code args.which}. A docs step
 * writes the set's manifest, catalog and real {@code generate} run_results, a freshness step a sources.json checking
 * every source of the manifest.
 */
final class StepArtifacts {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final Map<String, Set<String>> RUNS = Map.of(
            "seed",
            Set.of("seed"),
            "run",
            Set.of("model"),
            "snapshot",
            Set.of("snapshot"),
            "test",
            Set.of("test", "unit_test"),
            "build",
            Set.of("seed", "model", "snapshot", "test", "unit_test"));

    private final Path folder;
    private final String set;

    StepArtifacts(Path scratch, String set) {
        this.folder = scratch;
        this.set = set;
    }

    /** The invocation id of a step: {@code 00000000-0000-4000-8000-<run><step>}, readable in failures. */
    static String invocation(long runId, int step) {
        return String.format("00000000-0000-4000-8000-%08d%04d", runId % 100_000_000, step);
    }

    /** What {@code dbt <command>} wrote as invocation {@code invocation} at {@code time}, all tests passing. */
    Map<String, Path> step(String command, String invocation, Instant time) {
        return step(command, invocation, time, Map.of());
    }

    /** As {@link #step(String, String, Instant)}, with the given tests failing (test id to failing row count). */
    Map<String, Path> step(String command, String invocation, Instant time, Map<String, Integer> failing) {
        Map<String, Path> files = new LinkedHashMap<>();
        files.put("manifest.json", manifest(invocation, time));
        ObjectNode results = read("run_results.json");
        relabel(results, invocation, time);
        ((ObjectNode) results.path("args")).put("which", command);
        ArrayNode kept = JSON.createArrayNode();
        for (JsonNode result : results.path("results")) {
            String id = result.path("unique_id").asString();
            if (RUNS.get(command).contains(id.substring(0, id.indexOf('.')))) {
                kept.add(outcome((ObjectNode) result.deepCopy(), id, failing));
            }
        }
        results.set("results", kept);
        files.put("run_results.json", write(results, invocation + "-run_results.json"));
        return files;
    }

    /** What {@code dbt docs generate} wrote as invocation {@code invocation} at {@code time}. */
    Map<String, Path> docs(String invocation, Instant time) {
        Map<String, Path> files = new LinkedHashMap<>();
        files.put("manifest.json", manifest(invocation, time));
        ObjectNode catalog = read("catalog.json");
        relabel(catalog, invocation, time);
        files.put("catalog.json", write(catalog, invocation + "-catalog.json"));
        ObjectNode generate = read("run_results.json");
        relabel(generate, invocation, time);
        files.put("run_results.json", write(generate, invocation + "-generate-run_results.json"));
        return files;
    }

    /** What {@code dbt source freshness} wrote: the manifest and a sources.json passing every source. */
    Map<String, Path> freshness(String invocation, Instant time) {
        Map<String, Path> files = new LinkedHashMap<>();
        files.put("manifest.json", manifest(invocation, time));
        ObjectNode sources = JSON.createObjectNode();
        sources.putObject("metadata")
                .put("dbt_schema_version", "https://schemas.getdbt.com/dbt/sources/v3.json")
                .put("dbt_version", "1.11.0")
                .put("generated_at", time.toString())
                .put("invocation_id", invocation);
        ArrayNode results = sources.putArray("results");
        for (String id : read("manifest.json").path("sources").propertyNames()) {
            results.addObject()
                    .put("unique_id", id)
                    .put("status", "pass")
                    .put("max_loaded_at", time.toString())
                    .put("snapshotted_at", time.toString())
                    .put("max_loaded_at_time_ago_in_s", 0.0)
                    .put("execution_time", 0.1)
                    .putArray("timing");
        }
        sources.put("elapsed_time", 1.0);
        files.put("sources.json", write(sources, invocation + "-sources.json"));
        return files;
    }

    /** The unique ids of the set's results of {@code resourceType} ({@code seed}, {@code model}…). */
    List<String> resultIds(String resourceType) {
        return read("run_results.json")
                .path("results")
                .valueStream()
                .map(r -> r.path("unique_id").asString())
                .filter(id -> id.startsWith(resourceType + "."))
                .toList();
    }

    private static ObjectNode outcome(ObjectNode result, String id, Map<String, Integer> failing) {
        if (id.startsWith("test.") || id.startsWith("unit_test.")) {
            Integer failures = failing.get(id);
            result.put("status", failures == null ? "pass" : "fail")
                    .put("failures", failures == null ? 0 : failures)
                    .put(
                            "message",
                            failures == null ? null : "Got " + failures + " results, configured to fail if" + " != 0");
        }
        return result;
    }

    private Path manifest(String invocation, Instant time) {
        Path target = folder.resolve(invocation + "-manifest.json");
        if (!Files.exists(target)) {
            ObjectNode manifest = read("manifest.json");
            relabel(manifest, invocation, time);
            write(manifest, target.getFileName().toString());
        }
        return target;
    }

    private static void relabel(ObjectNode artifact, String invocation, Instant time) {
        ((ObjectNode) artifact.path("metadata"))
                .put("invocation_id", invocation)
                .put("generated_at", time.toString());
    }

    private ObjectNode read(String name) {
        return (ObjectNode) JSON.readTree(CloudReference.artifact(set, name).toFile());
    }

    private Path write(JsonNode artifact, String name) {
        Path target = folder.resolve(name);
        JSON.writeValue(target.toFile(), artifact);
        return target;
    }
}
