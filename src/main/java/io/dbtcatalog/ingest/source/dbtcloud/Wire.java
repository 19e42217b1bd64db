package io.dbtcatalog.ingest.source.dbtcloud;

import java.util.List;

/**
 * The JSON shapes of the dbt Cloud Admin API v2 that this source reads, as records named in camelCase and bound
 * with snake_case naming ({@link AdminApi#MAPPER}). Unknown fields are ignored; almost everything is nullable
 * because real responses carry nulls where the spec promises values.
 */
final class Wire {

    private Wire() {}

    /** {@code status} block of every envelope. */
    record Status(Integer code, Boolean isSuccess, String userMessage, String developerMessage) {}

    /** {@code extra.pagination}: items in this page and all matches. */
    record Pagination(Integer count, Integer totalCount) {}

    /** {@code extra} of list responses (filters are echoed but not needed here). */
    record Extra(String orderBy, Pagination pagination) {}

    /** {@code GET /runs/} response. */
    record RunList(Status status, List<Run> data, Extra extra) {}

    /** {@code GET /runs/{id}/} response. */
    record RunEnvelope(Status status, Run data) {}

    /** One run (timestamps as dbt Cloud writes them: {@code 2026-08-01 06:07:41.987654+00:00}). */
    record Run(
            Long id,
            Long accountId,
            Long projectId,
            Long environmentId,
            Long jobDefinitionId,
            Integer status,
            String statusHumanized,
            Boolean isComplete,
            Boolean artifactsSaved,
            Boolean hasDocsGenerated,
            Boolean hasSourcesGenerated,
            String createdAt,
            String finishedAt,
            List<RunStep> runSteps) {

        Run {
            runSteps = runSteps == null ? List.of() : List.copyOf(runSteps);
        }
    }

    /** One step of a run ({@code include_related=run_steps}); {@code index} is the artifact {@code step}. */
    record RunStep(Integer index, Integer status, String name) {}
}
