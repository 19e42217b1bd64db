package io.dbtcatalog.ingest.job;

import io.dbtcatalog.ingest.config.IngestionProperties;
import io.dbtcatalog.ingest.store.CatalogStore;
import io.dbtcatalog.ingest.store.PublishRules;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The one entry point of every ingestion (CLI commands, scheduled triggers): runs the ingestion pipeline once per
 * requested source, one after the other, so a failing source never stops the others. What happened to each run is
 * recorded once, in the catalog's {@code ingestion_run} ledger, and returned as the sources' outcomes.
 */
@Component
public class IngestionLauncher {

    private static final Logger log = LoggerFactory.getLogger(IngestionLauncher.class);

    private final SourceRegistry sources;
    private final CatalogStore store;
    private final IngestionProperties properties;

    IngestionLauncher(SourceRegistry sources, CatalogStore store, IngestionProperties properties) {
        this.sources = sources;
        this.store = store;
        this.properties = properties;
    }

    /** Runs the request and returns one outcome per source; throws only for an unknown source name. */
    public List<SourceOutcome> launch(IngestRequest request) {
        return launch(request, IngestionProgress.NONE);
    }

    /** Runs the request like {@link #launch(IngestRequest)}, reporting each source's plan and runs to progress. */
    public List<SourceOutcome> launch(IngestRequest request, IngestionProgress progress) {
        List<String> names = request.sourceName() == null ? sources.names() : List.of(request.sourceName());
        names.forEach(sources::settings);
        List<SourceOutcome> outcomes = new ArrayList<>();
        for (String name : names) {
            outcomes.add(launchOne(name, request, progress));
        }
        return outcomes;
    }

    private SourceOutcome launchOne(String name, IngestRequest request, IngestionProgress progress) {
        Instant started = Instant.now();
        String kind = sources.settings(name).kind().yamlName();
        SourceIngestion ingestion;
        try {
            ingestion = new SourceIngestion(
                    sources.source(name),
                    sources.project(name),
                    store,
                    rules(request),
                    progress,
                    sources.settings(name).maxRunsPerPoll(),
                    sources.settings(name).scope());
        } catch (RuntimeException e) {
            log.error("{}: {}", name, Failures.oneLine(e));
            return new SourceOutcome(name, kind, List.of(), Failures.oneLine(e), since(started));
        }
        SourceIngestion.Result result = ingestion.run(request.selector(), request.force());
        return new SourceOutcome(name, kind, result.runs(), result.failure(), since(started));
    }

    /** The publish rules of a request: the configured safeguards, lifted where the request says so. */
    private PublishRules rules(IngestRequest request) {
        return new PublishRules(
                properties.maxDeleteShare(), request.allowMassDelete(), request.force(), properties.lockTimeout());
    }

    private static Duration since(Instant started) {
        return Duration.between(started, Instant.now());
    }
}
