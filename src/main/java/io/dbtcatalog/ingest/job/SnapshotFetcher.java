package io.dbtcatalog.ingest.job;

import io.dbtcatalog.ingest.model.RunRef;
import io.dbtcatalog.ingest.source.MetadataSource;
import io.dbtcatalog.ingest.store.CatalogStore;
import io.dbtcatalog.ingest.store.ProjectRef;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Step 2 of the job: fetches one run from its source and normalizes it (artifact files identical to those of the
 * catalog state are not parsed, whether or not the run is forced). A failure is written to the ledger
 * (a FAILED ingestion_run row, the catalog untouched) and then fails the step.
 */
class SnapshotFetcher implements ItemProcessor<RunRef, FetchedRun> {

    private static final Logger log = LoggerFactory.getLogger(SnapshotFetcher.class);

    private final MetadataSource source;
    private final ProjectRef project;
    private final CatalogStore store;
    private final OutcomeCollector collector;
    private final long jobExecutionId;

    SnapshotFetcher(MetadataSource source, ProjectRef project, CatalogStore store, OutcomeCollector collector,
            long jobExecutionId) {
        this.source = source;
        this.project = project;
        this.store = store;
        this.collector = collector;
        this.jobExecutionId = jobExecutionId;
    }

    @Override
    public FetchedRun process(RunRef run) {
        Instant started = Instant.now();
        log.info("{}: ingesting run {} ({})", source.name(), run.runKey(), run.location());
        try {
            return new FetchedRun(source.fetch(run,
                    digest -> store.isCurrentState(project.projectKey(), digest)), started);
        } catch (RuntimeException e) {
            String message = Failures.oneLine(e);
            log.error("{}: run {} failed: {}", source.name(), run.runKey(), message);
            Failures.record(store, project, run, started, message);
            collector.add(jobExecutionId, RunOutcome.failed(run, message, Duration.between(started, Instant.now())));
            throw e;
        }
    }
}
