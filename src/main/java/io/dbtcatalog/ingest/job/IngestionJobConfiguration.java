package io.dbtcatalog.ingest.job;

import io.dbtcatalog.ingest.model.RunRef;
import io.dbtcatalog.ingest.store.CatalogStore;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The Spring Batch job {@value #JOB_NAME}: one chunk-oriented step that reads run references, fetches each run's
 * snapshot and publishes it, one run per chunk so every run is its own atomic unit. Step-scoped components get the
 * source, selector and force flag from the job parameters.
 */
@Configuration
public class IngestionJobConfiguration {

    public static final String JOB_NAME = "dbtIngest";
    public static final String STEP_NAME = "ingestRuns";
    static final String SOURCE = "source";
    static final String SELECTOR = "selector";
    static final String FORCE = "force";

    @Bean
    Job dbtIngestJob(JobRepository jobRepository, Step ingestRunsStep) {
        return new JobBuilder(JOB_NAME, jobRepository).start(ingestRunsStep).build();
    }

    @Bean
    Step ingestRunsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            RunRefReader runRefReader, SnapshotFetcher snapshotFetcher, SnapshotPublisher snapshotPublisher) {
        return new StepBuilder(STEP_NAME, jobRepository)
                .<RunRef, FetchedRun>chunk(1)
                .transactionManager(transactionManager)
                .reader(runRefReader)
                .processor(snapshotFetcher)
                .writer(snapshotPublisher)
                .build();
    }

    @Bean
    @StepScope
    RunRefReader runRefReader(@Value("#{jobParameters['" + SOURCE + "']}") String source,
            @Value("#{jobParameters['" + SELECTOR + "']}") String selector,
            @Value("#{jobParameters['" + FORCE + "']}") String force,
            @Value("#{stepExecution.jobExecutionId}") Long jobExecutionId,
            SourceRegistry sources, CatalogStore store, OutcomeCollector collector) {
        return new RunRefReader(sources.source(source), sources.project(source), store,
                SelectorCodec.decode(selector), Boolean.parseBoolean(force), collector, jobExecutionId);
    }

    @Bean
    @StepScope
    SnapshotFetcher snapshotFetcher(@Value("#{jobParameters['" + SOURCE + "']}") String source,
            @Value("#{stepExecution.jobExecutionId}") Long jobExecutionId,
            SourceRegistry sources, CatalogStore store, OutcomeCollector collector) {
        return new SnapshotFetcher(sources.source(source), sources.project(source), store, collector, jobExecutionId);
    }

    @Bean
    @StepScope
    SnapshotPublisher snapshotPublisher(@Value("#{jobParameters['" + SOURCE + "']}") String source,
            @Value("#{stepExecution.jobExecutionId}") Long jobExecutionId,
            SourceRegistry sources, CatalogStore store, OutcomeCollector collector) {
        return new SnapshotPublisher(sources.project(source), store, collector, jobExecutionId);
    }
}
