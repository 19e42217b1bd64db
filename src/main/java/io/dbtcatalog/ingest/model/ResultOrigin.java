package io.dbtcatalog.ingest.model;

import java.time.Instant;

/**
 * Where a history row (test result, run result, freshness check) comes from: the {@code generated_at} of the file
 * it was read from, the 1-based index of the dbt Cloud run step that wrote the file (null outside dbt Cloud or when
 * the run's steps are unknown) and the dbt command that wrote it ({@code build}, {@code test}, {@code source
 * freshness}…; null when unknown). Shared by every row of one file.
 */
public record ResultOrigin(Instant generatedAt, Integer dbtStep, String command) {

    /** Nothing known: the store falls back to the snapshot's own generation time. */
    public static final ResultOrigin UNKNOWN = new ResultOrigin(null, null, null);

    public ResultOrigin {
        if (dbtStep != null && dbtStep < 1) {
            throw new IllegalArgumentException("a dbt Cloud step index starts at 1, was " + dbtStep);
        }
    }
}
