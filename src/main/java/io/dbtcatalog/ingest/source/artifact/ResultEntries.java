package io.dbtcatalog.ingest.source.artifact;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Wire shapes of the {@code results} arrays of {@code run_results.json} (v4–v6) and {@code sources.json}
 * (v1–v3). Values whose JSON type varies between dbt versions and adapters stay {@link JsonNode}.
 */
final class ResultEntries {

    private ResultEntries() {}

    /** One executed node of {@code run_results.json}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Execution(
            @JsonProperty("unique_id") String uniqueId,
            String status,
            List<Timing> timing,
            @JsonProperty("execution_time") Double executionTime,
            @JsonProperty("adapter_response") JsonNode adapterResponse,
            JsonNode message,
            JsonNode failures) {

        /** The {@code execute} step of the timing list, or {@code null}. */
        Timing execute() {
            if (timing == null) {
                return null;
            }
            return timing.stream()
                    .filter(step -> "execute".equals(step.name()))
                    .findFirst()
                    .orElse(null);
        }
    }

    /** One step ({@code compile}, {@code execute}) of a result's timing. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Timing(
            String name,
            @JsonProperty("started_at") String startedAt,
            @JsonProperty("completed_at") String completedAt) {}

    /** One checked source of {@code sources.json}; runtime errors carry only id, status and error. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Freshness(
            @JsonProperty("unique_id") String uniqueId,
            String status,
            @JsonProperty("max_loaded_at") String maxLoadedAt,
            @JsonProperty("snapshotted_at") String snapshottedAt,
            @JsonProperty("max_loaded_at_time_ago_in_s") JsonNode ageSeconds,
            JsonNode criteria,
            JsonNode error,
            JsonNode message,
            @JsonProperty("execution_time") JsonNode executionTime) {}
}
