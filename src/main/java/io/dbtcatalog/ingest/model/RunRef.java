package io.dbtcatalog.ingest.model;

import java.time.Instant;

/**
 * A pointer to one dbt run a source can fetch, cheap to list: {@code runKey} is what the ingestion ledger uses to
 * recognise a run already ingested (a dbt Cloud run id, or the invocation id of a local target folder).
 * {@code location} says where the artifacts are (folder, or run and steps) for messages and the ledger.
 */
public record RunRef(
        String sourceName,
        String runKey,
        Long dbtRunId,
        Long dbtJobId,
        Instant finishedAt,
        String location) {

    public RunRef {
        if (sourceName == null || sourceName.isBlank() || runKey == null || runKey.isBlank()) {
            throw new IllegalArgumentException("a run reference needs its source name and run key");
        }
    }
}
