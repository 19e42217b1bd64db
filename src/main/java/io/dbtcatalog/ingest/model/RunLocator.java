package io.dbtcatalog.ingest.model;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Where a listed run's input is, exactly as the source found it, so that fetching it repeats no lookup: a folder of
 * artifact files, a dbt Cloud run with the steps it ran, or a Discovery API environment's applied state.
 */
public sealed interface RunLocator {

    /** A folder holding one dbt invocation's artifact files (a dbt {@code target/} or one of its history copies). */
    record Folder(Path path) implements RunLocator {
        public Folder {
            Objects.requireNonNull(path, "path");
        }
    }

    /**
     * A finished dbt Cloud run: its id, its job's id (null when the API did not say), the steps it ran in the order
     * the API listed them (empty when the API returned none: then the run's default artifacts are used), and whether
     * the run says it generated docs and source freshness (null when it does not say).
     */
    record CloudRun(
            long runId, Long jobId, List<CloudStep> steps, Boolean hasDocsGenerated, Boolean hasSourcesGenerated)
            implements RunLocator {
        public CloudRun {
            steps = List.copyOf(steps);
        }
    }

    /** One step of a dbt Cloud run as the API describes it: 1-based index, status code and name (the command). */
    record CloudStep(Integer index, Integer status, String name) {}

    /** The applied state of a dbt Cloud environment as the Discovery API last reported it. */
    record EnvironmentState(long environmentId, Instant lastUpdatedAt) implements RunLocator {
        public EnvironmentState {
            Objects.requireNonNull(lastUpdatedAt, "lastUpdatedAt");
        }
    }
}
