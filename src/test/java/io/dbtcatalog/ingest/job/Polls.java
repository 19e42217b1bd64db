package io.dbtcatalog.ingest.job;

import io.dbtcatalog.ingest.lineage.ColumnLineageEngine;
import io.dbtcatalog.ingest.lineage.SnapshotLineage;
import io.dbtcatalog.ingest.source.MetadataSource;
import io.dbtcatalog.ingest.source.RunSelector;
import io.dbtcatalog.ingest.store.CatalogStore;
import io.dbtcatalog.ingest.store.ProjectRef;
import io.dbtcatalog.ingest.store.PublishRules;
import java.time.Duration;
import java.util.List;

/**
 * Test code: runs the ingestion pipeline of one source as a scheduled poll ({@code run}) or a backfill does, for
 * tests of other packages that bring their own source and catalog database. A failure before any run could be named
 * fails the test.
 */
public final class Polls {

    private static final PublishRules RULES = new PublishRules(0.5, false, false, Duration.ofSeconds(10));

    private Polls() {}

    /** One poll for the latest run: every run finished since the newest ingested one, at most the cap. */
    public static List<RunOutcome> poll(
            MetadataSource source, ProjectRef project, CatalogStore store, int maxRunsPerPoll) {
        return ingest(source, project, store, new RunSelector.Latest(), maxRunsPerPoll);
    }

    /** The runs {@code selector} lists (a backfill window, the last N…), ingested as the pipeline does. */
    public static List<RunOutcome> ingest(
            MetadataSource source, ProjectRef project, CatalogStore store, RunSelector selector, int maxRunsPerPoll) {
        SourceIngestion.Result result = new SourceIngestion(
                        source,
                        project,
                        store,
                        new SnapshotLineage(new ColumnLineageEngine()),
                        RULES,
                        IngestionProgress.NONE,
                        maxRunsPerPoll)
                .run(selector, false);
        if (result.failure() != null) {
            throw new AssertionError("the ingestion of " + source.name() + " failed: " + result.failure());
        }
        return result.runs();
    }
}
