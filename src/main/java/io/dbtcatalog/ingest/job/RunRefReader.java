package io.dbtcatalog.ingest.job;

import io.dbtcatalog.ingest.model.RunRef;
import io.dbtcatalog.ingest.source.MetadataSource;
import io.dbtcatalog.ingest.source.RunSelector;
import io.dbtcatalog.ingest.store.CatalogStore;
import io.dbtcatalog.ingest.store.ProjectRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ItemReader;

/**
 * Step 1 of the job: asks the source for the runs the selector wants and hands on those the ledger does not hold
 * yet (all of them with {@code force}). A run already ingested is reported as skipped in one line.
 */
class RunRefReader implements ItemReader<RunRef> {

    private static final Logger log = LoggerFactory.getLogger(RunRefReader.class);

    private final MetadataSource source;
    private final ProjectRef project;
    private final CatalogStore store;
    private final RunSelector selector;
    private final boolean force;
    private final OutcomeCollector collector;
    private final long jobExecutionId;
    private Iterator<RunRef> pending;

    RunRefReader(MetadataSource source, ProjectRef project, CatalogStore store, RunSelector selector, boolean force,
            OutcomeCollector collector, long jobExecutionId) {
        this.source = source;
        this.project = project;
        this.store = store;
        this.selector = selector;
        this.force = force;
        this.collector = collector;
        this.jobExecutionId = jobExecutionId;
    }

    @Override
    public RunRef read() {
        if (pending == null) {
            pending = selectRuns().iterator();
        }
        return pending.hasNext() ? pending.next() : null;
    }

    private List<RunRef> selectRuns() {
        Instant started = Instant.now();
        List<RunRef> listed;
        try {
            listed = source.listRuns(selector);
        } catch (RuntimeException e) {
            String message = "could not list runs: " + Failures.oneLine(e);
            collector.failBeforeAnyRun(jobExecutionId, message);
            store.recordFailure(project, new RunRef(source.name(), "(run selection)", null, null, null, null),
                    started, message);
            throw e;
        }
        if (listed.isEmpty()) {
            log.warn("{}: no run matches {}; nothing to ingest", source.name(), SelectorCodec.encode(selector));
        }
        List<RunRef> toIngest = new ArrayList<>();
        for (RunRef run : listed) {
            if (!force && store.isIngested(project.projectKey(), run.runKey())) {
                String message = "already in the catalog; skipped (use --force to ingest it again)";
                log.info("{}: run {} {}", source.name(), run.runKey(), message);
                collector.add(jobExecutionId, RunOutcome.skipped(run, message));
            } else {
                toIngest.add(run);
            }
        }
        collector.planned(source.name(), toIngest.size(), listed.size() - toIngest.size());
        return toIngest;
    }
}
