package io.dbtcatalog.ingest.job;

import io.dbtcatalog.ingest.config.IngestionProperties;
import io.dbtcatalog.ingest.model.CatalogSnapshot;
import io.dbtcatalog.ingest.model.RunRef;
import io.dbtcatalog.ingest.source.MetadataSource;
import io.dbtcatalog.ingest.source.RunInput;
import io.dbtcatalog.ingest.source.RunSelector;
import io.dbtcatalog.ingest.store.CatalogStore;
import io.dbtcatalog.ingest.store.PublishPreview;
import io.dbtcatalog.ingest.store.PublishRules;
import io.dbtcatalog.ingest.store.SchemaStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The dry run behind {@code validate}: for each source, lists its runs, fetches the latest one and asks the store
 * what publishing it would change ({@link CatalogStore#preview}), writing nothing to the catalog. Also reports which
 * schema migrations the catalog database still lacks (a run would apply them; validate does not).
 */
@Component
public class IngestionCheck {

    private static final Logger log = LoggerFactory.getLogger(IngestionCheck.class);

    private final SourceRegistry sources;
    private final CatalogStore store;
    private final DataSource dataSource;
    private final IngestionProperties properties;

    public IngestionCheck(
            SourceRegistry sources, CatalogStore store, DataSource catalogDataSource, IngestionProperties properties) {
        this.sources = sources;
        this.store = store;
        this.dataSource = catalogDataSource;
        this.properties = properties;
    }

    /** The schema migrations the catalog database lacks; empty when it is current. */
    public List<String> pendingMigrations() {
        return SchemaStatus.pendingMigrations(dataSource);
    }

    /**
     * Checks every configured source (or the one named); {@code preview} false skips the comparison with the
     * catalog (its schema is not there yet). Throws only for an unknown source name.
     */
    public List<SourceCheck> check(String sourceName, boolean preview) {
        List<String> names = sourceName == null ? sources.names() : List.of(sourceName);
        names.forEach(sources::settings);
        return names.stream().map(name -> checkOne(name, preview)).toList();
    }

    private SourceCheck checkOne(String name, boolean preview) {
        Instant started = Instant.now();
        String kind = sources.settings(name).kind().yamlName();
        String stage = "listing runs";
        RunRef run = null;
        CatalogSnapshot snapshot = null;
        try {
            MetadataSource source = sources.source(name);
            List<RunRef> runs = source.listRuns(new RunSelector.Latest());
            if (runs.isEmpty()) {
                return new SourceCheck(name, kind, null, null, List.of(), null, null, since(started));
            }
            run = runs.get(runs.size() - 1);
            stage = "reading run " + run.runKey();
            try (RunInput input = source.fetch(run)) {
                snapshot = sources.settings(name).scope().apply(input.read());
            }
            stage = "comparing run " + run.runKey() + " with the catalog";
            PublishPreview dryRun = preview ? store.preview(sources.project(name), snapshot, rules()) : null;
            return new SourceCheck(
                    name, kind, run, SourceCheck.Size.of(snapshot), snapshot.warnings(), dryRun, null, since(started));
        } catch (RuntimeException e) {
            String failure = stage + ": " + Failures.oneLine(e);
            log.error("{}: {}", name, failure);
            return new SourceCheck(
                    name,
                    kind,
                    run,
                    snapshot == null ? null : SourceCheck.Size.of(snapshot),
                    snapshot == null ? List.of() : snapshot.warnings(),
                    null,
                    failure,
                    since(started));
        }
    }

    /** The rules a plain {@code run} publishes under. */
    private PublishRules rules() {
        return new PublishRules(properties.maxDeleteShare(), false, false, properties.lockTimeout());
    }

    private static Duration since(Instant started) {
        return Duration.between(started, Instant.now());
    }
}
