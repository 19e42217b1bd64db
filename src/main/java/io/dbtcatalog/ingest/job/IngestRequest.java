package io.dbtcatalog.ingest.job;

import io.dbtcatalog.ingest.source.RunSelector;

/**
 * What one launch should do: which configured source ({@code null} = every source), which of its runs, and whether
 * runs already in the ledger are ingested again ({@code force}).
 */
public record IngestRequest(String sourceName, RunSelector selector, boolean force) {

    public IngestRequest {
        if (selector == null) {
            throw new IllegalArgumentException("an ingest request needs a run selector");
        }
    }

    /** The latest run of every configured source (or of one, when {@code sourceName} is set). */
    public static IngestRequest latest(String sourceName, boolean force) {
        return new IngestRequest(sourceName, new RunSelector.Latest(), force);
    }
}
