package io.dbtcatalog.ingest.webhook;

import io.dbtcatalog.ingest.config.IngestionProperties;
import io.dbtcatalog.ingest.job.SourceRegistry;
import io.dbtcatalog.ingest.schedule.ScheduleOnly;
import io.dbtcatalog.ingest.schedule.ScheduledIngestions;
import io.dbtcatalog.ingest.store.CatalogStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.springframework.stereotype.Component;

/**
 * Queues a run's ingestion as a one-shot Quartz job whose key is the source and the run id: the job store refuses a
 * second job with the same key, so repeated deliveries, and instances sharing the clustered job store, queue it
 * once; a run the ledger already holds is not queued at all. The job ({@link WebhookIngestionJob}) runs on a
 * scheduler thread, never in the HTTP request. Job data are strings only (the clustered store keeps them as
 * properties) and never hold a secret.
 */
@ScheduleOnly
@Component
class QuartzRunQueue implements RunQueue {

    static final String GROUP = "dbt-catalog-webhooks";

    private final ScheduledIngestions scheduler;
    private final CatalogStore store;
    private final SourceRegistry sources;
    private final IngestionProperties properties;

    QuartzRunQueue(
            ScheduledIngestions scheduler, CatalogStore store, SourceRegistry sources, IngestionProperties properties) {
        this.scheduler = scheduler;
        this.store = store;
        this.sources = sources;
        this.properties = properties;
    }

    @Override
    public Queued enqueue(String source, long runId, String eventId) {
        try {
            JobKey key = jobKey(source, runId);
            if (scheduler.withScheduler(quartz -> quartz.checkExists(key))) {
                return Queued.ALREADY_QUEUED;
            }
            // The ledger is asked after the job store, never before: a job that ran between the two questions left
            // the store only after its publish committed the run to the ledger, so a duplicate delivery racing it is
            // answered as a duplicate instead of queueing the run a second time. (Asked outside the job store's
            // transaction, so a request never holds two pool connections.)
            String projectKey = sources.project(source).projectKey();
            if (store.isIngested(projectKey, Long.toString(runId))) {
                return Queued.ALREADY_INGESTED;
            }
            Queued queued = scheduler.withScheduler(quartz -> {
                JobDetail job = JobBuilder.newJob(WebhookIngestionJob.class)
                        .withIdentity(key)
                        .usingJobData(WebhookIngestionJob.SOURCE, source)
                        .usingJobData(WebhookIngestionJob.RUN_ID, Long.toString(runId))
                        .usingJobData(WebhookIngestionJob.EVENT_ID, eventId)
                        .requestRecovery()
                        .build();
                try {
                    quartz.scheduleJob(job, trigger(key, 0, Instant.now()));
                    return Queued.QUEUED;
                } catch (ObjectAlreadyExistsException e) {
                    return Queued.ALREADY_QUEUED;
                }
            });
            // A job of the same run may have been queued by a concurrent delivery, run and left the store between
            // the ledger's answer above and this job's scheduling. It committed the run to the ledger before it left,
            // so the ledger now tells: the duplicate job is withdrawn (or, if it already started, finds the run in
            // the ledger and ingests nothing) and the delivery is answered as a duplicate.
            if (queued == Queued.QUEUED && store.isIngested(projectKey, Long.toString(runId))) {
                scheduler.withScheduler(quartz -> quartz.deleteJob(key));
                return Queued.ALREADY_INGESTED;
            }
            return queued;
        } catch (ScheduledIngestions.NotRunningException e) {
            throw new Unavailable(e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new Unavailable("cannot queue run " + runId + " of source " + source + ": " + e.getMessage(), e);
        }
    }

    /**
     * Queues try {@code attempt} (1-based) of a run whose artifacts were not there yet, after the configured delay
     * doubled per earlier try; false when every try is used up (the poll catches the run up).
     */
    boolean retry(JobKey job, int attempt) {
        if (attempt > properties.webhooks().artifactRetries()) {
            return false;
        }
        Duration delay = properties.webhooks().artifactRetryDelay().multipliedBy(1L << (attempt - 1));
        Trigger trigger = trigger(job, attempt, Instant.now().plus(delay));
        scheduler.withScheduler(quartz -> quartz.scheduleJob(trigger));
        return true;
    }

    /** How long try {@code attempt} waits; for log lines. */
    Duration delayOf(int attempt) {
        return properties.webhooks().artifactRetryDelay().multipliedBy(1L << (attempt - 1));
    }

    static JobKey jobKey(String source, long runId) {
        return new JobKey(source + "/" + runId, GROUP);
    }

    private static Trigger trigger(JobKey job, int attempt, Instant at) {
        return TriggerBuilder.newTrigger()
                .withIdentity(new TriggerKey(job.getName() + (attempt == 0 ? "" : "#" + attempt), GROUP))
                .forJob(job)
                .usingJobData(WebhookIngestionJob.ATTEMPT, Integer.toString(attempt))
                .startAt(Date.from(at))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
    }
}
