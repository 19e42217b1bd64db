package io.dbtcatalog.ingest.schedule;

import io.dbtcatalog.ingest.job.IngestRequest;
import io.dbtcatalog.ingest.job.IngestionLauncher;
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
 * counts the outcome. Never runs twice at once for a source, also across clustered instances.
 */
@DisallowConcurrentExecution
public final class ScheduledIngestionJob implements Job {

    static final String SOURCE = "source";
    private static final Logger log = LoggerFactory.getLogger(ScheduledIngestionJob.class);

    private final IngestionLauncher launcher;
    private final IngestionMetrics metrics;

    public ScheduledIngestionJob(IngestionLauncher launcher, IngestionMetrics metrics) {
        this.launcher = launcher;
        this.metrics = metrics;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        String source = context.getMergedJobDataMap().getString(SOURCE);
        log.info("{}: scheduled ingestion (fire time {}, instance {})", source, context.getScheduledFireTime()
                .toInstant(), instanceId(context));
        try {
            List<SourceOutcome> outcomes = launcher.launch(IngestRequest.latest(source, false));
            metrics.record(outcomes);
        } catch (SourceRegistry.UnknownSourceException e) {
            throw new JobExecutionException("the job store schedules source '" + source + "', which this instance's"
                    + " configuration does not have; every instance must use the same configuration", e, false);
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
