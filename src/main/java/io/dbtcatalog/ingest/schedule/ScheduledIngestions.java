package io.dbtcatalog.ingest.schedule;

import io.dbtcatalog.ingest.config.IngestionProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import javax.sql.DataSource;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The running scheduler of the {@code schedule} command. {@link #start()} builds Quartz, installs one cron trigger
 * per scheduled source and starts firing; closing the application context (SIGTERM, Ctrl-C) stops it gracefully:
 * no new fires, running ingestions get up to {@code ingestion.scheduler.shutdown-timeout} to finish, then Quartz
 * shuts down. Never started automatically, so other commands never create a scheduler.
 */
@ScheduleOnly
@Component
public class ScheduledIngestions implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ScheduledIngestions.class);

    private final ApplicationContext context;
    private final IngestionProperties properties;
    private final DataSource dataSource;
    private final PlatformTransactionManager transactionManager;
    private final TriggerInstaller installer;
    private final IngestionGate gate;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private SchedulerFactoryBean factory;
    private volatile Scheduler scheduler;

    public ScheduledIngestions(
            ApplicationContext context,
            IngestionProperties properties,
            DataSource dataSource,
            PlatformTransactionManager transactionManager,
            TriggerInstaller installer,
            IngestionGate gate) {
        this.context = context;
        this.properties = properties;
        this.dataSource = dataSource;
        this.transactionManager = transactionManager;
        this.installer = installer;
        this.gate = gate;
    }

    /** Starts firing; throws {@link NothingScheduledException} when no source has a schedule. */
    @Override
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        installer.requireSchedules(properties.webhooks().enabled());
        try {
            factory = QuartzSchedulers.create(context, properties, dataSource, transactionManager);
            scheduler = factory.getObject();
            if (QuartzSchedulers.clustered(properties)) {
                new TransactionTemplate(transactionManager)
                        .executeWithoutResult(status -> installer.install(scheduler));
            } else {
                installer.install(scheduler);
            }
            gate.open();
            scheduler.start();
            log.info(
                    "scheduler {} started ({}, instance {})",
                    QuartzSchedulers.NAME,
                    QuartzSchedulers.clustered(properties) ? "clustered JDBC job store" : "in-memory job store",
                    scheduler.getSchedulerInstanceId());
        } catch (Exception e) {
            destroyQuietly();
            throw new SchedulerStartException(e);
        }
    }

    /** The next fire time of every scheduled source, from the running scheduler. */
    public synchronized Map<String, Instant> nextFireTimes() {
        return installer.nextFireTimes(scheduler);
    }

    /**
     * Runs {@code work} against the running scheduler, inside one job-store transaction when the store is clustered
     * (so that Quartz's row locks hold for the whole of it), e.g. to queue a one-shot job. Not synchronized with
     * {@link #stop()}, so it never waits for running ingestions; throws {@link NotRunningException} when no
     * scheduler runs.
     */
    public <T> T withScheduler(SchedulerWork<T> work) {
        Scheduler current = scheduler;
        if (current == null) {
            throw new NotRunningException();
        }
        if (!QuartzSchedulers.clustered(properties)) {
            return call(work, current);
        }
        return new TransactionTemplate(transactionManager).execute(status -> call(work, current));
    }

    private static <T> T call(SchedulerWork<T> work, Scheduler scheduler) {
        try {
            return work.apply(scheduler);
        } catch (SchedulerException e) {
            throw new IllegalStateException("the Quartz job store refused the change: " + e.getMessage(), e);
        }
    }

    /** What {@link #withScheduler} runs. */
    @FunctionalInterface
    public interface SchedulerWork<T> {
        T apply(Scheduler scheduler) throws SchedulerException;
    }

    /** No scheduler is running (the command is starting or stopping). */
    public static class NotRunningException extends RuntimeException {
        NotRunningException() {
            super("the scheduler is not running (starting or stopping)");
        }
    }

    /** The running Quartz scheduler (null when not running), for tests that listen to its fires. */
    synchronized Scheduler scheduler() {
        return scheduler;
    }

    /** Blocks until the scheduler stopped (the application context is closing). */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    @Override
    public synchronized void stop() {
        if (scheduler == null) {
            return;
        }
        try {
            scheduler.standby();
        } catch (SchedulerException e) {
            log.warn("the scheduler did not go to standby cleanly: {}", e.getMessage());
        }
        try {
            awaitRunningIngestions(properties.scheduler().shutdownTimeout());
        } finally {
            destroyQuietly();
            stopped.countDown();
            log.info("scheduler {} stopped", QuartzSchedulers.NAME);
        }
    }

    /**
     * Closes the gate, so that a fire Quartz hands out from now on runs nothing, and waits for the ingestions that
     * already started (Quartz's own list of running jobs misses a fire on its way to its worker thread).
     */
    private void awaitRunningIngestions(Duration timeout) {
        int running = gate.close();
        if (running > 0) {
            log.info(
                    "stopping: waiting up to {} s for {} running ingestion(s) to finish", timeout.toSeconds(), running);
        }
        try {
            running = gate.await(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (running > 0) {
            log.warn(
                    "stopping: {} ingestion(s) still running after {} s; stopping anyway (an unfinished run"
                            + " leaves the catalog as it was and is ingested again by the next fire)",
                    running,
                    timeout.toSeconds());
        }
    }

    private void destroyQuietly() {
        if (factory != null) {
            try {
                factory.destroy();
            } catch (SchedulerException e) {
                log.warn("the scheduler did not shut down cleanly: {}", e.getMessage());
            }
        }
        factory = null;
        scheduler = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    @Override
    public boolean isAutoStartup() {
        return false;
    }

    /** The scheduler could not be built or started; names the cause (e.g. the QRTZ_* tables are missing). */
    public static class SchedulerStartException extends RuntimeException {
        SchedulerStartException(Exception cause) {
            super("the Quartz scheduler could not start: " + cause.getMessage(), cause);
        }
    }
}
