package io.dbtcatalog.ingest.webhook;

import io.dbtcatalog.ingest.job.IngestRequest;
import io.dbtcatalog.ingest.job.IngestionLauncher;
import io.dbtcatalog.ingest.job.RunOutcome;
import io.dbtcatalog.ingest.job.SourceOutcome;
import io.dbtcatalog.ingest.job.SourceRegistry;
import io.dbtcatalog.ingest.schedule.IngestionGate;
import io.dbtcatalog.ingest.schedule.IngestionMetrics;
import io.dbtcatalog.ingest.source.RunSelector;
import java.util.List;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one-shot Quartz job a webhook event queued: ingests exactly that run of that source through the launcher (the
 * ledger skips it when a poll or another delivery got there first). When the run is not listable yet (not finished
 * or its artifacts not saved yet, as an {@code errored} event may arrive before them), it is tried again later, a
 * bounded number of times, then left to the poll. A fire that reaches its worker once the scheduler is stopping runs
 * nothing and is left to the poll too ({@link IngestionGate}).
 */
@DisallowConcurrentExecution
public final class WebhookIngestionJob implements Job {

    static final String SOURCE = "source";
    static final String RUN_ID = "runId";
    static final String EVENT_ID = "eventId";
    static final String ATTEMPT = "attempt";
    private static final Logger log = LoggerFactory.getLogger(WebhookIngestionJob.class);

    private final IngestionLauncher launcher;
    private final IngestionMetrics ingestionMetrics;
    private final WebhookMetrics metrics;
    private final QuartzRunQueue queue;
    private final IngestionGate gate;

    public WebhookIngestionJob(
            IngestionLauncher launcher,
            IngestionMetrics ingestionMetrics,
            WebhookMetrics metrics,
            QuartzRunQueue queue,
            IngestionGate gate) {
        this.launcher = launcher;
        this.ingestionMetrics = ingestionMetrics;
        this.metrics = metrics;
        this.queue = queue;
        this.gate = gate;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        JobDataMap data = context.getMergedJobDataMap();
        String source = data.getString(SOURCE);
        String runId = data.getString(RUN_ID);
        if (!gate.pass(() -> ingest(context, data, source, runId))) {
            log.warn(
                    "{}: the scheduler is stopping; run {} announced by webhook event {} is left to the scheduled poll",
                    source,
                    runId,
                    data.getString(EVENT_ID));
        }
    }

    private void ingest(JobExecutionContext context, JobDataMap data, String source, String runId)
            throws JobExecutionException {
        int attempt = Integer.parseInt(data.getString(ATTEMPT) == null ? "0" : data.getString(ATTEMPT));
        log.info(
                "{}: ingesting dbt Cloud run {} announced by webhook event {}{}",
                source,
                runId,
                data.getString(EVENT_ID),
                attempt == 0 ? "" : " (try " + (attempt + 1) + ")");
        List<SourceOutcome> outcomes;
        try {
            outcomes = launcher.launch(new IngestRequest(source, new RunSelector.Single(runId), false));
        } catch (SourceRegistry.UnknownSourceException e) {
            throw new JobExecutionException(
                    "the job store holds a webhook ingestion for source '" + source + "', which this instance's"
                            + " configuration does not have; every instance must use the same configuration",
                    e,
                    false);
        }
        ingestionMetrics.record(outcomes);
        SourceOutcome outcome = outcomes.get(0);
        if (outcome.failure() == null && outcome.runs().isEmpty()) {
            notReady(context, source, runId, attempt);
            return;
        }
        for (RunOutcome run : outcome.runs()) {
            switch (run.status()) {
                case INGESTED -> log.info("{}: run {} ingested (webhook)", source, runId);
                case SKIPPED -> {
                    metrics.duplicateDropped(source);
                    log.info("{}: run {} was already in the catalog; webhook ingestion dropped", source, runId);
                }
                case FAILED -> log.error("{}: run {} failed (webhook): {}", source, runId, run.message());
            }
        }
    }

    private void notReady(JobExecutionContext context, String source, String runId, int attempt) {
        int next = attempt + 1;
        if (queue.retry(context.getJobDetail().getKey(), next)) {
            metrics.retried(source);
            log.warn(
                    "{}: run {} is not ready to ingest yet (not finished, or its artifacts are not saved yet);"
                            + " trying again in {} s",
                    source,
                    runId,
                    queue.delayOf(next).toSeconds());
        } else {
            log.warn(
                    "{}: run {} is still not ready after {} tries; left to the scheduled poll",
                    source,
                    runId,
                    attempt + 1);
        }
    }
}
