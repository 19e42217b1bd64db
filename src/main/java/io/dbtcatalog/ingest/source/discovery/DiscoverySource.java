package io.dbtcatalog.ingest.source.discovery;

import io.dbtcatalog.ingest.model.CatalogSnapshot;
import io.dbtcatalog.ingest.model.RunLocator;
import io.dbtcatalog.ingest.model.RunRef;
import io.dbtcatalog.ingest.model.SnapshotInfo;
import io.dbtcatalog.ingest.source.MetadataSource;
import io.dbtcatalog.ingest.source.RunInput;
import io.dbtcatalog.ingest.source.RunSelector;
import io.dbtcatalog.ingest.source.http.HttpClients;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dbt Cloud Discovery API as a metadata source: the merged latest state of one environment
 * ({@code environment(id) { applied { … } }}), read page by page into the same normalized snapshot as the artifact
 * sources. Its only run is the environment's current applied state, keyed {@code env-<id>@<lastUpdatedAt>}; backfill
 * is for artifact sources.
 */
public final class DiscoverySource implements MetadataSource {

    private static final Logger log = LoggerFactory.getLogger(DiscoverySource.class);
    private static final List<DiscoveryQuery> CONNECTIONS = List.of(
            DiscoveryQuery.MODELS,
            DiscoveryQuery.SOURCES,
            DiscoveryQuery.SEEDS,
            DiscoveryQuery.SNAPSHOTS,
            DiscoveryQuery.TESTS,
            DiscoveryQuery.EXPOSURES);

    private final DiscoverySettings settings;
    private final GraphQlTransport transport;
    private final ConnectionReader reader;

    public DiscoverySource(DiscoverySettings settings, HttpClients clients) {
        this(settings, new HttpGraphQlTransport(settings, clients, mapper()));
    }

    DiscoverySource(DiscoverySettings settings, GraphQlTransport transport) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.reader = new ConnectionReader(transport, mapper(), settings);
    }

    @Override
    public String name() {
        return settings.name();
    }

    /**
     * The environment's current applied state for {@link RunSelector.Latest} and {@link RunSelector.After} (nothing
     * when no job ever applied anything; the API keeps no past states), and for {@link RunSelector.Single} when its
     * key is still current. Backfill selectors are refused.
     */
    @Override
    public List<RunRef> listRuns(RunSelector selector) {
        if (selector instanceof RunSelector.Window || selector instanceof RunSelector.LastN) {
            throw new UnsupportedOperationException("source '" + name() + "' (Discovery API, environment "
                    + settings.environmentId() + ") only knows the environment's latest state; backfill"
                    + " (--since / --last) needs an artifact source (kind: dbt-cloud or local)");
        }
        EnvironmentState state = readState();
        if (!state.applied()) {
            log.info("source '{}': environment {} has no applied state yet", name(), settings.environmentId());
            return List.of();
        }
        RunRef current = runOf(state);
        if (selector instanceof RunSelector.Single single && !current.runKey().equals(single.runKey())) {
            return List.of();
        }
        return List.of(current);
    }

    /** The environment's state as an input; fails when the state moved on since {@code run} was listed. */
    @Override
    public RunInput fetch(RunRef run) {
        EnvironmentState state = readState();
        if (!state.applied() || !state.runKey(settings.environmentId()).equals(run.runKey())) {
            throw new DiscoveryException("source '" + name() + "': environment " + settings.environmentId()
                    + " changed since run " + run.runKey() + " was listed; it is now "
                    + (state.applied() ? state.runKey(settings.environmentId()) : "without applied state")
                    + ". List the runs again");
        }
        return new StateInput(run, state);
    }

    /** One applied state of the environment: no files, so no fingerprint; read page by page. */
    private final class StateInput implements RunInput {

        private final RunRef run;
        private final EnvironmentState state;

        StateInput(RunRef run, EnvironmentState state) {
            this.run = run;
            this.state = state;
        }

        @Override
        public RunRef run() {
            return run;
        }

        @Override
        public Optional<String> fingerprint() {
            return Optional.empty();
        }

        @Override
        public SnapshotInfo info() {
            return SnapshotAssembler.info(state);
        }

        @Override
        public List<String> warnings() {
            return List.of();
        }

        @Override
        public CatalogSnapshot read() {
            return readApplied(run, state);
        }

        @Override
        public void close() {
            // nothing was taken
        }
    }

    /** Reads every applied resource list of {@code state}; warns when the state moved on meanwhile. */
    private CatalogSnapshot readApplied(RunRef run, EnvironmentState state) {
        Instant started = Instant.now();
        log.info(
                "source '{}': reading applied state {} of environment {}",
                name(),
                run.runKey(),
                settings.environmentId());
        Map<DiscoveryQuery, List<Wire.AppliedNode>> connections = new EnumMap<>(DiscoveryQuery.class);
        CONNECTIONS.forEach(query -> connections.put(query, reader.readAll(query)));
        CatalogSnapshot snapshot = SnapshotAssembler.assemble(run, state, connections);
        EnvironmentState after = readState();
        if (!state.equals(after)) {
            log.warn(
                    "source '{}': environment {} changed while it was read ({} -> {}); every list was complete,"
                            + " but nodes may come from either state",
                    name(),
                    settings.environmentId(),
                    state.lastUpdatedAt(),
                    after.lastUpdatedAt());
        }
        log.info(
                "source '{}': read {} nodes, {} columns, {} edges, {} tests, {} test results, {} run results,"
                        + " {} freshness in {} ms",
                name(),
                snapshot.nodes().size(),
                snapshot.columns().size(),
                snapshot.edges().size(),
                snapshot.tests().size(),
                snapshot.testResults().size(),
                snapshot.runResults().size(),
                snapshot.freshness().size(),
                Duration.between(started, Instant.now()).toMillis());
        return snapshot;
    }

    private EnvironmentState readState() {
        JsonNode answer =
                transport.post(DiscoveryQuery.ENVIRONMENT.text(), Map.of("environmentId", settings.environmentId()));
        GraphQlErrors errors = GraphQlErrors.of(answer);
        if (!errors.isEmpty()) {
            throw new DiscoveryException("source '" + name() + "': Discovery API query "
                    + DiscoveryQuery.ENVIRONMENT.resource() + " for environment " + settings.environmentId()
                    + " answered errors: " + errors.describe(settings.environmentId()));
        }
        JsonNode environment = answer.path("data").path("environment");
        if (!environment.isObject()) {
            throw new DiscoveryException(
                    "source '" + name() + "': Discovery API answered no environment " + settings.environmentId());
        }
        return EnvironmentState.of(environment);
    }

    private RunRef runOf(EnvironmentState state) {
        return new RunRef(
                name(),
                state.runKey(settings.environmentId()),
                state.lastUpdatedAt(),
                settings.metadataUrl() + " environment " + settings.environmentId(),
                new RunLocator.EnvironmentState(settings.environmentId(), state.lastUpdatedAt()));
    }

    static JsonMapper mapper() {
        return JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }
}
