package io.dbtcatalog.ingest.schedule;

import io.dbtcatalog.ingest.job.IngestRequest;
import io.dbtcatalog.ingest.job.IngestionLauncher;
import io.dbtcatalog.ingest.job.RunOutcome;
import io.dbtcatalog.ingest.job.SourceOutcome;
import io.dbtcatalog.ingest.job.SourceRegistry;
import java.util.List;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Quartz job of one source, a thin bridge to {@link IngestionLauncher}: ingests the source's latest run and
 * counts the outcome. Never runs twice at once for a source, also across clustered instances, and runs nothing
 * once the scheduler is stopping ({@link IngestionGate}).
 */
@DisallowConcurrentExecution
public final class ScheduledIngestionJob implements Job {

    static final String SOURCE = "source";
    private static final Logger log = LoggerFactory.getLogger(ScheduledIngestionJob.class);

    private final IngestionLauncher launcher;
    private final IngestionMetrics metrics;
    private final IngestionGate gate;

    public ScheduledIngestionJob(IngestionLauncher launcher, IngestionMetrics metrics, IngestionGate gate) {
        this.launcher = launcher;
        this.metrics = metrics;
        this.gate = gate;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        String source = context.getMergedJobDataMap().getString(SOURCE);
        if (!gate.pass(() -> ingest(context, source))) {
            log.info(
                    "{}: the scheduler is stopping; the fire of {} runs nothing (the next fire ingests every run since"
                            + " the last one ingested)",
                    source,
                    context.getScheduledFireTime().toInstant());
        }
    }

    private void ingest(JobExecutionContext context, String source) throws JobExecutionException {
        log.info(
                "{}: scheduled ingestion (fire time {}, instance {})",
                source,
                context.getScheduledFireTime().toInstant(),
                instanceId(context));
        try {
            List<SourceOutcome> outcomes = launcher.launch(IngestRequest.latest(source, false));
            metrics.record(outcomes);
            outcomes.forEach(ScheduledIngestionJob::logOutcome);
        } catch (SourceRegistry.UnknownSourceException e) {
            throw new JobExecutionException(
                    "the job store schedules source '" + source + "', which this instance's"
                            + " configuration does not have; every instance must use the same configuration",
                    e,
                    false);
        }
    }

    private static void logOutcome(SourceOutcome outcome) {
        long ingested = outcome.runs().stream()
                .filter(r -> r.status() == RunOutcome.Status.INGESTED)
                .count();
        long skipped = outcome.runs().stream()
                .filter(r -> r.status() == RunOutcome.Status.SKIPPED)
                .count();
        if (outcome.succeeded()) {
            log.info(
                    "{}: scheduled ingestion done in {} ms: {} run(s) ingested, {} already in the catalog",
                    outcome.sourceName(),
                    outcome.duration().toMillis(),
                    ingested,
                    skipped);
        } else {
            log.error(
                    "{}: scheduled ingestion FAILED after {} ms ({} run(s) ingested): {}",
                    outcome.sourceName(),
                    outcome.duration().toMillis(),
                    ingested,
                    outcome.failure() != null
                            ? outcome.failure()
                            : outcome.runs().stream()
                                    .filter(r -> r.status() == RunOutcome.Status.FAILED)
                                    .map(RunOutcome::message)
                                    .findFirst()
                                    .orElse("unknown failure"));
        }
    }

    private static String instanceId(JobExecutionContext context) {
        try {
            return context.getScheduler().getSchedulerInstanceId();
        } catch (SchedulerException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }
}
