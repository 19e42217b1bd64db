package io.dbtcatalog.ingest.job;

import io.dbtcatalog.ingest.source.RunSelector;

/**
 * What one launch should do: which configured source ({@code null} = every source), which of its runs, whether runs
 * already in the ledger are ingested again ({@code force}), and whether a snapshot may soft-delete more of a
 * project's nodes than {@code ingestion.max-delete-share} allows ({@code allowMassDelete}).
 */
public record IngestRequest(String sourceName, RunSelector selector, boolean force, boolean allowMassDelete) {

    public IngestRequest {
        if (selector == null) {
            throw new IllegalArgumentException("an ingest request needs a run selector");
        }
    }

    /** A request that keeps the deletion guard. */
    public IngestRequest(String sourceName, RunSelector selector, boolean force) {
        this(sourceName, selector, force, false);
    }

    /** The latest run of every configured source (or of one, when {@code sourceName} is set). */
    public static IngestRequest latest(String sourceName, boolean force) {
        return new IngestRequest(sourceName, new RunSelector.Latest(), force);
    }

    /** The same request with the deletion guard lifted ({@code run --allow-mass-delete}) or kept. */
    public IngestRequest withAllowMassDelete(boolean allow) {
        return new IngestRequest(sourceName, selector, force, allow);
    }
}
