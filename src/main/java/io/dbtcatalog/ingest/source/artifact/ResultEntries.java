package io.dbtcatalog.ingest.source.artifact;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.JsonNode;

/**
 * Wire shapes of the {@code results} arrays of {@code sources.json} (v1–v3) and of a {@code run_results.json} entry's
 * {@code timing} steps (v4–v6; the entry itself is read by {@link ResultEntryScan}, which binds a step of an unusual
 * JSON type to this shape). Values whose JSON type varies between dbt versions and adapters stay {@link JsonNode}.
 */
final class ResultEntries {

    private ResultEntries() {}

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
