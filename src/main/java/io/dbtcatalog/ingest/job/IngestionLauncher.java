package io.dbtcatalog.ingest.job;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.stereotype.Component;

/**
 * The one entry point of every ingestion (CLI commands and scheduled triggers): launches the {@code dbtIngest} job
 * once per requested source, one after the other, so a failing source never stops the others. Backfills restart
 * where an interrupted one stopped (see {@link JobStarter}).
 */
@Component
public class IngestionLauncher {

    private static final Logger log = LoggerFactory.getLogger(IngestionLauncher.class);

    private final JobStarter starter;
    private final SourceRegistry sources;
    private final OutcomeCollector collector;

    IngestionLauncher(JobStarter starter, SourceRegistry sources, OutcomeCollector collector) {
        this.starter = starter;
        this.sources = sources;
        this.collector = collector;
    }

    /** Runs the request and returns one outcome per source; throws only for an unknown source name. */
    public List<SourceOutcome> launch(IngestRequest request) {
        List<String> names = request.sourceName() == null ? sources.names() : List.of(request.sourceName());
        names.forEach(sources::settings);
        List<SourceOutcome> outcomes = new ArrayList<>();
        for (String name : names) {
            outcomes.add(launchOne(name, request));
        }
        return outcomes;
    }

    private SourceOutcome launchOne(String name, IngestRequest request) {
        Instant started = Instant.now();
        String kind = sources.settings(name).kind().yamlName();
        try {
            sources.source(name);
        } catch (RuntimeException e) {
            log.error("{}: {}", name, Failures.oneLine(e));
            return new SourceOutcome(name, kind, List.of(), Failures.oneLine(e), Duration.between(started, Instant.now()));
        }
        JobParametersBuilder parameters = new JobParametersBuilder()
                .addString(IngestionJobConfiguration.SOURCE, name)
                .addString(IngestionJobConfiguration.SELECTOR, SelectorCodec.encode(request.selector()))
                .addString(IngestionJobConfiguration.FORCE, Boolean.toString(request.force()), false);
        try {
            JobExecution execution = starter.start(name, request.selector(), parameters, started);
            long id = execution.getId();
            List<RunOutcome> runs = collector.takeRuns(id);
            String failure = collector.takeFailure(id);
            if (failure == null && execution.getStatus() != BatchStatus.COMPLETED
                    && runs.stream().noneMatch(r -> r.status() == RunOutcome.Status.FAILED)) {
                failure = execution.getAllFailureExceptions().stream().findFirst()
                        .map(Failures::oneLine).orElse("job ended " + execution.getStatus());
            }
            return new SourceOutcome(name, kind, runs, failure, Duration.between(started, Instant.now()));
        } catch (Exception e) {
            log.error("{}: could not launch the ingestion job: {}", name, Failures.oneLine(e));
            return new SourceOutcome(name, kind, List.of(), Failures.oneLine(e),
                    Duration.between(started, Instant.now()));
        }
    }
}
