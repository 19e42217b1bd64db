package io.dbtcatalog.ingest.source.discovery;

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
                Json.text(environment.path("dbtProjectName")),
                Json.text(environment.path("adapterType")),
                Json.instant(Json.text(applied.path("lastUpdatedAt"))),
                Json.text(applied.path("latestGitSha")));
    }

    boolean applied() {
        return lastUpdatedAt != null;
    }

    /** {@code env-<environment id>@<lastUpdatedAt>}: changes whenever a job run changes the applied state. */
    String runKey(long environmentId) {
        return "env-" + environmentId + "@" + lastUpdatedAt;
    }
}
