package io.dbtcatalog.ingest.model;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * One dbt run a source listed and can fetch. {@code runKey} is what the ingestion ledger recognises a run by (a dbt
 * Cloud run id, the invocation id of a folder of artifacts, an environment's state), {@code finishedAt} orders runs
 * (null when unknown), {@code location} says where the input is in words (for messages and the ledger), and
 * {@code locator} is the typed handle the source's {@code fetch} consumes.
 */
public record RunRef(String sourceName, String runKey, Instant finishedAt, String location, RunLocator locator) {

    public RunRef {
        if (sourceName == null || sourceName.isBlank() || runKey == null || runKey.isBlank()) {
            throw new IllegalArgumentException("a run reference needs its source name and run key");
        }
        Objects.requireNonNull(locator, "locator");
    }

    /** A run read from a folder of artifact files, described by the folder's path. */
    public static RunRef inFolder(String sourceName, String runKey, Instant finishedAt, Path folder) {
        return new RunRef(sourceName, runKey, finishedAt, folder.toString(), new RunLocator.Folder(folder));
    }

    /** The dbt Cloud run id, for a dbt Cloud run; null otherwise. */
    public Long dbtRunId() {
        return locator instanceof RunLocator.CloudRun cloud ? cloud.runId() : null;
    }

    /** The dbt Cloud job id, for a dbt Cloud run whose job is known; null otherwise. */
    public Long dbtJobId() {
        return locator instanceof RunLocator.CloudRun cloud ? cloud.jobId() : null;
    }
}
