package io.dbtcatalog.ingest.job;

import io.dbtcatalog.ingest.source.RunSelector;
import io.dbtcatalog.ingest.store.CatalogStore;
import io.dbtcatalog.ingest.store.ProjectLease;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Starts the {@code dbtIngest} job for one source. A latest or single-run launch is a new job instance each time.
 * A backfill ({@link RunSelector.Window} or {@link RunSelector.LastN}) is identified by source and selector only, so
 * launching the same backfill again restarts its failed or interrupted execution (Spring Batch restart), which goes
 * on with the runs the ledger does not hold yet. While it runs it holds the project's {@link ProjectLease}; an
 * execution still marked running whose lease is free was left by a dead process and is recovered (marked FAILED)
 * before the restart. A completed backfill repeated later starts the next instance ({@code repeat} + 1).
 */
@Component
class JobStarter {

    static final String REPEAT = "repeat";
    private static final Logger log = LoggerFactory.getLogger(JobStarter.class);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job dbtIngestJob;
    private final CatalogStore store;

    JobStarter(JobOperator jobOperator, JobRepository jobRepository, Job dbtIngestJob, CatalogStore store) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.dbtIngestJob = dbtIngestJob;
        this.store = store;
    }

    static boolean isBackfill(RunSelector selector) {
        return selector instanceof RunSelector.Window || selector instanceof RunSelector.LastN;
    }

    /**
     * Starts (or, for a backfill, restarts) the job with {@code parameters}: the source, selector and flags the
     * launcher set, to which this adds what makes the job instance unique.
     */
    JobExecution start(String source, RunSelector selector, JobParametersBuilder parameters, Instant launchedAt)
            throws JobExecutionException {
        if (!isBackfill(selector)) {
            return jobOperator.start(dbtIngestJob, parameters.addString("launched-at", launchedAt.toString())
                    .toJobParameters());
        }
        try (ProjectLease lease = store.tryLease(source)) {
            if (!lease.held()) {
                throw new BackfillRunningException(source);
            }
            return startOrRestart(source, parameters);
        }
    }

    private JobExecution startOrRestart(String source, JobParametersBuilder base) throws JobExecutionException {
        for (long repeat = 0; ; repeat++) {
            JobParameters parameters = new JobParametersBuilder(base.toJobParameters()).addLong(REPEAT, repeat)
                    .toJobParameters();
            JobInstance instance = jobRepository.getJobInstance(IngestionJobConfiguration.JOB_NAME, parameters);
            JobExecution last = instance == null ? null : jobRepository.getLastJobExecution(instance);
            if (last == null) {
                return jobOperator.start(dbtIngestJob, parameters);
            }
            if (last.getStatus() == BatchStatus.COMPLETED || last.getStatus() == BatchStatus.ABANDONED) {
                continue;
            }
            if (last.isRunning()) {
                log.warn("{}: backfill execution {} (started {}) is marked {} but no live process holds the"
                        + " source's lease; marking it FAILED to restart it", source, last.getId(),
                        last.getStartTime(), last.getStatus());
                jobOperator.recover(jobRepository.getJobExecution(last.getId()));
            }
            log.info("{}: restarting the interrupted backfill (job instance {}, last execution {} {}); runs already"
                    + " in the catalog are skipped", source, instance.getInstanceId(), last.getId(), last.getStatus());
            return jobOperator.start(dbtIngestJob, parameters);
        }
    }

    /** Another live process is backfilling the same source; names the source. */
    static class BackfillRunningException extends RuntimeException {
        BackfillRunningException(String source) {
            super("a backfill of source '" + source + "' is running in another process (it holds the source's"
                    + " lease); wait for it to finish, then start this one again");
        }
    }
}
