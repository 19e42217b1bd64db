package io.dbtcatalog.ingest.job;

import io.dbtcatalog.ingest.model.CatalogSnapshot;
import io.dbtcatalog.ingest.store.CatalogStore;
import io.dbtcatalog.ingest.store.ProjectRef;
import io.dbtcatalog.ingest.store.PublishResult;
import io.dbtcatalog.ingest.store.PublishRules;
import io.dbtcatalog.ingest.store.RunAlreadyIngestedException;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Step 3 of the job: publishes each snapshot to the catalog as one atomic unit under the configured rules (deletion
 * guard, lock timeout) and reports its counts. A run another ingestion published meanwhile is reported as skipped. A
 * failed publish leaves the catalog as it was, is written to the ledger, and fails the step.
 */
class SnapshotPublisher implements ItemWriter<FetchedRun> {

    private static final Logger log = LoggerFactory.getLogger(SnapshotPublisher.class);

    private final ProjectRef project;
    private final CatalogStore store;
    private final PublishRules rules;
    private final OutcomeCollector collector;
    private final long jobExecutionId;

    SnapshotPublisher(ProjectRef project, CatalogStore store, PublishRules rules, OutcomeCollector collector,
            long jobExecutionId) {
        this.project = project;
        this.store = store;
        this.rules = rules;
        this.collector = collector;
        this.jobExecutionId = jobExecutionId;
    }

    @Override
    public void write(Chunk<? extends FetchedRun> chunk) {
        for (FetchedRun fetched : chunk) {
            publish(fetched);
        }
    }

    private void publish(FetchedRun fetched) {
        CatalogSnapshot snapshot = fetched.snapshot();
        try {
            PublishResult result = store.publish(project, snapshot, fetched.startedAt(), rules);
            Duration duration = Duration.between(fetched.startedAt(), Instant.now());
            log.info("{}: run {} ingested in {} ms: nodes +{} ~{} -{} ={}", project.projectKey(),
                    snapshot.run().runKey(), duration.toMillis(), result.nodes().added(), result.nodes().updated(),
                    result.nodes().deleted(), result.nodes().unchanged());
            collector.add(jobExecutionId, RunOutcome.ingested(snapshot.run(), result, duration, snapshot.warnings(),
                    snapshot.identicalToState()));
        } catch (RunAlreadyIngestedException e) {
            String message = "run " + snapshot.run().runKey() + " was ingested by another ingestion while this one"
                    + " waited for the project; skipped";
            log.info("{}: {}", project.projectKey(), message);
            collector.add(jobExecutionId, RunOutcome.skipped(snapshot.run(), message));
        } catch (RuntimeException e) {
            String message = Failures.oneLine(e);
            log.error("{}: publishing run {} failed, catalog unchanged: {}", project.projectKey(),
                    snapshot.run().runKey(), message);
            Failures.record(store, project, snapshot.run(), fetched.startedAt(), message);
            collector.add(jobExecutionId, RunOutcome.failed(snapshot.run(), message,
                    Duration.between(fetched.startedAt(), Instant.now())));
            throw e;
        }
    }
}
