package io.dbtcatalog.ingest.schedule;

import io.dbtcatalog.ingest.store.CatalogStore;
import io.dbtcatalog.ingest.store.LedgerEntry;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Puts one job and one cron trigger per scheduled source into the scheduler: a trigger already stored with the
 * same cron (clustered job store) is kept, so its misfire after downtime fires once; a new one starts at the slot
 * missed since the source's last ingestion, if any, so the in-memory store catches up once too. Jobs of sources
 * no longer configured are removed. Misfires fire once, then the schedule goes on.
 */
@ScheduleOnly
@Component
class TriggerInstaller {

    static final String GROUP = "dbt-catalog-ingest";
    private static final Logger log = LoggerFactory.getLogger(TriggerInstaller.class);

    private final SourceSchedules schedules;
    private final CatalogStore store;

    TriggerInstaller(SourceSchedules schedules, CatalogStore store) {
        this.schedules = schedules;
        this.store = store;
    }

    /**
     * Fails unless a source is scheduled; with the webhook receiver on, a configuration without schedules is allowed
     * (webhook-only ingestion, without the poll's safety net) and warned about.
     */
    void requireSchedules(boolean webhooks) {
        if (schedules.scheduled().isEmpty() && webhooks) {
            log.warn("no source is scheduled: only webhook events trigger ingestions, and an event dbt Cloud fails to"
                    + " deliver is not caught up by a poll (set ingestion.schedule to keep one as a safety net)");
        } else if (schedules.scheduled().isEmpty()) {
            throw new NothingScheduledException(schedules.unscheduled());
        }
    }

    void install(Scheduler scheduler) {
        try {
            Set<JobKey> wanted = new HashSet<>();
            Instant now = Instant.now();
            for (SourceSchedule schedule : schedules.scheduled()) {
                wanted.add(install(scheduler, schedule, now));
            }
            for (JobKey key : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
                if (!wanted.contains(key)) {
                    log.info("{}: no longer scheduled; its job is removed from the job store", key.getName());
                    scheduler.deleteJob(key);
                }
            }
            schedules
                    .unscheduled()
                    .forEach(name -> log.warn(
                            "{}: not scheduled (no schedule for it and no" + " ingestion.schedule default)", name));
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot install the schedule triggers: " + e.getMessage(), e);
        }
    }

    private JobKey install(Scheduler scheduler, SourceSchedule schedule, Instant now) throws SchedulerException {
        JobKey jobKey = new JobKey(schedule.source(), GROUP);
        TriggerKey triggerKey = new TriggerKey(schedule.source(), GROUP);
        Trigger existing = scheduler.getTrigger(triggerKey);
        if (existing instanceof CronTrigger cron && schedule.isScheduledBy(cron)) {
            log.info(
                    "{}: schedule '{}' ({}) kept from the job store, next fire {}",
                    schedule.source(),
                    schedule.cron(),
                    schedule.zone(),
                    time(existing.getNextFireTime()));
            return jobKey;
        }
        JobDetail job = JobBuilder.newJob(ScheduledIngestionJob.class)
                .withIdentity(jobKey)
                .usingJobData(ScheduledIngestionJob.SOURCE, schedule.source())
                .storeDurably()
                .build();
        Instant startAt = schedule.startAt(lastIngestionStart(schedule.source()), now);
        Trigger trigger = TriggerBuilder.newTrigger()
                .withIdentity(triggerKey)
                .forJob(jobKey)
                .startAt(Date.from(startAt))
                .withSchedule(CronScheduleBuilder.cronSchedule(schedule.cron())
                        .inTimeZone(schedule.timeZone())
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
        scheduler.scheduleJob(job, Set.of(trigger), true);
        if (startAt.isBefore(now)) {
            log.info(
                    "{}: the fire time {} passed while no scheduler ran; ingesting once now",
                    schedule.source(),
                    startAt);
        }
        log.info(
                "{}: scheduled '{}' ({}), next fire {}",
                schedule.source(),
                schedule.cron(),
                schedule.zone(),
                time(scheduler.getTrigger(triggerKey).getNextFireTime()));
        return jobKey;
    }

    private Instant lastIngestionStart(String source) {
        LedgerEntry last = store.status(source).lastAttempt();
        return last == null ? null : last.startedAt();
    }

    /** The next fire time of every scheduled source's trigger (null when it will not fire again). */
    Map<String, Instant> nextFireTimes(Scheduler scheduler) {
        Map<String, Instant> times = new LinkedHashMap<>();
        for (SourceSchedule schedule : schedules.scheduled()) {
            try {
                Trigger trigger =
                        scheduler == null ? null : scheduler.getTrigger(new TriggerKey(schedule.source(), GROUP));
                times.put(
                        schedule.source(),
                        trigger == null ? schedule.nextFireTime(Instant.now()) : time(trigger.getNextFireTime()));
            } catch (SchedulerException e) {
                times.put(schedule.source(), schedule.nextFireTime(Instant.now()));
            }
        }
        return times;
    }

    private static Instant time(Date date) {
        return date == null ? null : date.toInstant();
    }
}
