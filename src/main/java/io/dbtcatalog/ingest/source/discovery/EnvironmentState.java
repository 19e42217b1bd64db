package io.dbtcatalog.ingest.source.discovery;

import static io.dbtcatalog.ingest.source.normalize.JsonValues.nonBlank;

import io.dbtcatalog.ingest.source.normalize.Timestamps;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * What the environment header query says: the dbt project name, the adapter and when the applied state last changed
 * ({@code null} when nothing was ever applied). {@link #runKey(long)} names the state as a run key.
 */
record EnvironmentState(String projectName, String adapterType, Instant lastUpdatedAt, String latestGitSha) {

    static EnvironmentState of(JsonNode environment) {
        JsonNode applied = environment.path("applied");
        return new EnvironmentState(
                nonBlank(environment.path("dbtProjectName")),
                nonBlank(environment.path("adapterType")),
                Timestamps.parseUnlessNever(nonBlank(applied.path("lastUpdatedAt"))),
                nonBlank(applied.path("latestGitSha")));
    }

    boolean applied() {
        return lastUpdatedAt != null;
    }

    /** {@code env-<environment id>@<lastUpdatedAt>}: changes whenever a job run changes the applied state. */
    String runKey(long environmentId) {
        return "env-" + environmentId + "@" + lastUpdatedAt;
    }
}
