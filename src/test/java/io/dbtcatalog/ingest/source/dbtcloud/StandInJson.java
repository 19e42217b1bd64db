package io.dbtcatalog.ingest.source.dbtcloud;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON the stand-in answers with, built from the contract's own examples (the recorded run with related
 * objects, the recorded and maintainer error envelopes) so field names, nulls and timestamp formats match the real
 * API: only ids, statuses, timestamps and steps are replaced.
 */
final class StandInJson {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final DateTimeFormatter RUN_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC);
    private static final List<String> HUMANIZED = List.of("Queued", "Starting", "Running");

    private final ObjectNode runTemplate;
    private final ObjectNode stepTemplate;

    StandInJson() {
        runTemplate = (ObjectNode)
                responseBody("admin-v2-get-run-include-related.json").path("data");
        stepTemplate = (ObjectNode) runTemplate.path("run_steps").path(0);
    }

    static JsonNode responseBody(String example) {
        return JSON.readTree(CloudReference.example(example).toFile())
                .path("response")
                .path("body");
    }

    static String errorBody(String example) {
        return JSON.writeValueAsString(responseBody(example));
    }

    static String errorBody(int code, String userMessage) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("status")
                .put("code", code)
                .put("is_success", false)
                .put("user_message", userMessage)
                .put("developer_message", "");
        body.putNull("data");
        return JSON.writeValueAsString(body);
    }

    static ObjectNode envelope(JsonNode data) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("status")
                .put("code", 200)
                .put("is_success", true)
                .put("user_message", "Success!")
                .put("developer_message", "");
        body.set("data", data);
        return body;
    }

    static String write(JsonNode node) {
        return JSON.writeValueAsString(node);
    }

    static ArrayNode array() {
        return JSON.createArrayNode();
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** One run as the API writes it; related objects only when {@code include} names them. */
    ObjectNode run(StandInRun run, long accountId, Set<String> include) {
        ObjectNode node = runTemplate.deepCopy();
        node.put("id", run.id())
                .put("trigger_id", run.id() + 500_000)
                .put("account_id", accountId)
                .put("project_id", run.projectId())
                .put("environment_id", run.environmentId())
                .put("job_definition_id", run.jobId())
                .put("job_id", run.jobId())
                .put("status", run.status())
                .put("status_humanized", humanized(run.status()))
                .put("in_progress", !run.isComplete())
                .put("is_complete", run.isComplete())
                .put("is_success", run.status() == 10)
                .put("is_error", run.status() == 20)
                .put("is_cancelled", run.status() == 30)
                .put("artifacts_saved", run.artifactsSaved())
                .put("has_docs_generated", run.producedFile("catalog.json"))
                .put("has_sources_generated", run.producedFile("sources.json"))
                .put(
                        "href",
                        "https://cloud.getdbt.com/deploy/" + accountId + "/projects/" + run.projectId() + "/runs/"
                                + run.id() + "/");
        time(node, "created_at", run.createdAt());
        time(node, "updated_at", run.finishedAt() == null ? run.createdAt() : run.finishedAt());
        time(node, "started_at", run.createdAt().plusSeconds(10));
        time(node, "finished_at", run.finishedAt());
        time(node, "last_checked_at", run.finishedAt());
        time(node, "last_heartbeat_at", run.finishedAt());
        related(node, run, accountId, include);
        return node;
    }

    private void related(ObjectNode node, StandInRun run, long accountId, Set<String> include) {
        if (include.contains("job")) {
            ((ObjectNode) node.path("job"))
                    .put("id", run.jobId())
                    .put("project_id", run.projectId())
                    .put("environment_id", run.environmentId())
                    .put("account_id", accountId);
        } else {
            node.putNull("job");
        }
        if (include.contains("trigger")) {
            ((ObjectNode) node.path("trigger")).put("id", run.id() + 500_000).put("job_definition_id", run.jobId());
        } else {
            node.putNull("trigger");
        }
        ArrayNode steps = node.putArray("run_steps");
        if (include.contains("run_steps") && !run.stepsHidden()) {
            run.steps().forEach(step -> steps.add(step(run, step, accountId)));
        }
    }

    private ObjectNode step(StandInRun run, StandInRun.Step step, long accountId) {
        ObjectNode node = stepTemplate.deepCopy();
        node.put("id", run.id() * 10 + step.index())
                .put("run_id", run.id())
                .put("account_id", accountId)
                .put("index", step.index())
                .put("status", step.status())
                .put("name", step.name())
                .put("status_humanized", humanized(step.status()))
                .put("logs", step.name() + " finished");
        return node;
    }

    private static void time(ObjectNode node, String field, Instant value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, RUN_TIME.format(value));
        }
    }

    private static String humanized(int status) {
        return switch (status) {
            case 10 -> "Success";
            case 20 -> "Error";
            case 30 -> "Cancelled";
            default -> status >= 1 && status <= 3 ? HUMANIZED.get(status - 1) : "Unknown";
        };
    }
}
