package io.dbtcatalog.ingest.job;

import io.dbtcatalog.ingest.lineage.SnapshotLineage;
import io.dbtcatalog.ingest.model.CatalogSnapshot;
import io.dbtcatalog.ingest.model.RunRef;
import io.dbtcatalog.ingest.source.MetadataSource;
import io.dbtcatalog.ingest.source.RunInput;
import io.dbtcatalog.ingest.source.RunSelector;
import io.dbtcatalog.ingest.source.scope.Scope;
import io.dbtcatalog.ingest.store.CatalogStore;
import io.dbtcatalog.ingest.store.ProjectLease;
import io.dbtcatalog.ingest.store.ProjectRef;
import io.dbtcatalog.ingest.store.PublishResult;
import io.dbtcatalog.ingest.store.PublishRules;
import io.dbtcatalog.ingest.store.RunAlreadyIngestedException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingestion pipeline of one source for one request, one run after the other:
 * <ol>
 *   <li><b>list</b> the runs the selector wants ({@link MetadataSource#listRuns}); a poll for the latest run, once
 *       the ledger holds a run of the source, asks for every run finished since the newest one it holds
 *       ({@link RunSelector.After}, at most {@code max-runs-per-poll});</li>
 *   <li><b>check the ledger</b>: a run {@code ingestion_run} already holds is skipped (unless forced);</li>
 *   <li><b>fetch</b> the run's input ({@link MetadataSource#fetch}: located or downloaded, not parsed);</li>
 *   <li><b>check the fingerprint</b>: input identical to what the catalog state was published from is acknowledged
 *       in the ledger without being read;</li>
 *   <li><b>read</b> it into the normalized snapshot; only its history rows when its state digest equals the catalog
 *       state's (the next dbt invocation of an unchanged project, decision 0014), published then without touching a
 *       state table;</li>
 *   <li><b>derive column lineage</b> from its models' compiled SQL ({@link SnapshotLineage}), reusing the catalog's
 *       stored lineage of every model whose input did not change; a failure here leaves the column-lineage tables
 *       as they are and becomes a warning, never a failed run;</li>
 *   <li><b>publish</b> it in one transaction, with its ledger row.</li>
 * </ol>
 * The first failed run stops the source (later runs would be published out of order); a failure is recorded in the
 * ledger once, here. A backfill started again resumes where it stopped, since the runs it published are skipped.
 */
final class SourceIngestion {

    private static final Logger log = LoggerFactory.getLogger(SourceIngestion.class);

    private final MetadataSource source;
    private final ProjectRef project;
    private final CatalogStore store;
    private final ColumnLineageStep columnLineage;
    private final PublishRules rules;
    private final IngestionProgress progress;
    private final int maxRunsPerPoll;
    private final Scope scope;

    SourceIngestion(
            MetadataSource source,
            ProjectRef project,
            CatalogStore store,
            SnapshotLineage lineage,
            PublishRules rules,
            IngestionProgress progress,
            int maxRunsPerPoll) {
        this(source, project, store, lineage, rules, progress, maxRunsPerPoll, Scope.ALL);
    }

    /** An ingestion that keeps only what {@code scope} holds of each snapshot. */
    SourceIngestion(
            MetadataSource source,
            ProjectRef project,
            CatalogStore store,
            SnapshotLineage lineage,
            PublishRules rules,
            IngestionProgress progress,
            int maxRunsPerPoll,
            Scope scope) {
        this.scope = scope;
        this.source = source;
        this.project = project;
        this.store = store;
        this.columnLineage = new ColumnLineageStep(source.name(), project, store, lineage);
        this.rules = rules;
        this.progress = progress;
        this.maxRunsPerPoll = maxRunsPerPoll;
    }

    /** The runs touched, and a failure that happened before any run could be named (null when none). */
    record Result(List<RunOutcome> runs, String failure) {}

    /** Ingests what {@code selector} lists; {@code force} ingests runs the ledger holds again. */
    Result run(RunSelector selector, boolean force) {
        if (!RunSelectors.isBackfill(selector)) {
            return ingest(selector, force);
        }
        try (ProjectLease lease = store.tryLease(project.projectKey())) {
            if (!lease.held()) {
                String failure = "a backfill of source '" + source.name() + "' is running in another process (it"
                        + " holds the source's lease); wait for it to finish, then start this one again";
                log.error("{}: {}", source.name(), failure);
                return new Result(List.of(), failure);
            }
            return ingest(selector, force);
        }
    }

    private Result ingest(RunSelector requested, boolean force) {
        Instant started = Instant.now();
        List<RunRef> listed;
        RunSelector selector = requested;
        try {
            selector = sinceNewest(requested, force);
            listed = source.listRuns(selector);
        } catch (RuntimeException e) {
            String failure = "could not list runs: " + Failures.oneLine(e);
            log.error("{}: {}", source.name(), failure);
            Failures.recordListing(store, project, started, failure);
            return new Result(List.of(), failure);
        }
        if (listed.isEmpty()) {
            log.warn("{}: no run matches {}; nothing to ingest", source.name(), RunSelectors.describe(selector));
        }
        List<RunOutcome> outcomes = new ArrayList<>();
        List<RunRef> toIngest = new ArrayList<>();
        for (RunRef run : listed) {
            if (!force && store.isIngested(project.projectKey(), run.runKey())) {
                String message = "already in the catalog; skipped (use --force to ingest it again)";
                log.info("{}: run {} {}", source.name(), run.runKey(), message);
                report(outcomes, RunOutcome.skipped(run, message));
            } else {
                toIngest.add(run);
            }
        }
        progress.planned(source.name(), toIngest.size(), listed.size() - toIngest.size());
        for (RunRef run : toIngest) {
            RunOutcome outcome = ingestOne(run);
            report(outcomes, outcome);
            if (outcome.status() == RunOutcome.Status.FAILED) {
                break;
            }
        }
        return new Result(outcomes, null);
    }

    /**
     * A poll for the latest run, once the ledger holds a run of the source with a known finish time, becomes one for
     * every run finished since then; a forced one stays the latest run (to ingest it again).
     */
    private RunSelector sinceNewest(RunSelector selector, boolean force) {
        if (!(selector instanceof RunSelector.Latest) || force) {
            return selector;
        }
        Optional<Instant> newest = store.newestIngestedRun(project.projectKey());
        return newest.<RunSelector>map(time -> new RunSelector.After(time, maxRunsPerPoll))
                .orElse(selector);
    }

    private void report(List<RunOutcome> outcomes, RunOutcome outcome) {
        outcomes.add(outcome);
        progress.finished(outcome);
    }

    /** Steps 3 to 6 for one run; never throws. */
    private RunOutcome ingestOne(RunRef run) {
        Instant started = Instant.now();
        log.info("{}: ingesting run {} ({})", source.name(), run.runKey(), run.location());
        Fetched fetched;
        try (RunInput input = source.fetch(run)) {
            boolean holdsState = holdsState(run);
            Optional<String> fingerprint = holdsState ? input.fingerprint().map(scope::qualify) : Optional.empty();
            if (fingerprint.isPresent() && store.isCurrentState(project.projectKey(), fingerprint.get())) {
                log.info(
                        "{}: run {}: artifacts identical to those of the catalog's current state ({}); not parsed"
                                + " again",
                        source.name(),
                        run.runKey(),
                        fingerprint.get());
                fetched = Fetched.unchanged(input, fingerprint.get());
            } else {
                fetched = read(run, input, holdsState);
            }
        } catch (RuntimeException e) {
            String message = Failures.oneLine(e);
            log.error("{}: run {} failed: {}", source.name(), run.runKey(), message);
            return failed(run, started, message);
        }
        return publish(run, fetched, started);
    }

    /**
     * Whether the catalog holds a state of the project (a successful ingestion in the ledger). Without one neither
     * the fingerprint nor the state digest can match: the input is then read in full at once and fingerprints itself
     * meanwhile, on a second core (decision 0018), instead of before.
     */
    private boolean holdsState(RunRef run) {
        boolean holds = store.status(project.projectKey()).lastSuccess() != null;
        if (!holds) {
            log.debug(
                    "{}: run {}: no state of the project in the catalog yet; reading in full",
                    source.name(),
                    run.runKey());
        }
        return holds;
    }

    /**
     * Step 5: the full read, or, when the input's state digest equals the catalog state's (decision 0014), only its
     * history: the state rows, and so the column lineage derived from them, are those the catalog holds. A source
     * with a scope always reads in full (the scope cuts history by the nodes the full read gives).
     */
    private Fetched read(RunRef run, RunInput input, boolean catalogHoldsState) {
        Optional<String> state = scope.isAll() && catalogHoldsState ? input.stateDigest() : Optional.empty();
        if (state.isPresent() && store.isCurrentStateContent(project.projectKey(), state.get())) {
            log.info(
                    "{}: run {}: state unchanged (state digest {}); reading only its history",
                    source.name(),
                    run.runKey(),
                    state.get());
            return Fetched.history(input.readHistory(), state.get());
        }
        CatalogSnapshot snapshot = scope.apply(input.read());
        state = scope.isAll() ? input.stateDigest() : Optional.empty();
        CatalogSnapshot published =
                columnLineage.apply(run, snapshot.withArtifactDigest(scope.qualify(snapshot.artifactDigest())));
        // A state whose column lineage could not be derived is not remembered: the next run of the same state is
        // then read in full again and derives it, instead of keeping the lineage tables as they were until the
        // project changes.
        return Fetched.read(published, published.columnLineage() == null ? null : state.orElse(null));
    }

    private RunOutcome publish(RunRef run, Fetched fetched, Instant started) {
        try {
            PublishResult result = fetched.snapshot() == null
                    ? store.acknowledgeUnchanged(project, run, fetched.info(), fetched.fingerprint(), started, rules)
                    : store.publish(
                            project, fetched.snapshot(), fetched.stateDigest(), fetched.historyOnly(), started, rules);
            Duration duration = since(started);
            log.info(
                    "{}: run {} ingested in {} ms: nodes +{} ~{} -{} ={}",
                    project.projectKey(),
                    run.runKey(),
                    duration.toMillis(),
                    result.nodes().added(),
                    result.nodes().updated(),
                    result.nodes().deleted(),
                    result.nodes().unchanged());
            return RunOutcome.ingested(run, result, duration, fetched.warnings(), fetched.note());
        } catch (RunAlreadyIngestedException e) {
            return skippedMeanwhile(run);
        } catch (RuntimeException e) {
            String message = Failures.oneLine(e);
            log.error(
                    "{}: publishing run {} failed, catalog unchanged: {}", project.projectKey(), run.runKey(), message);
            return failed(run, started, message);
        }
    }

    private RunOutcome skippedMeanwhile(RunRef run) {
        String message = "run " + run.runKey() + " was ingested by another ingestion while this one waited for the"
                + " project; skipped";
        log.info("{}: {}", project.projectKey(), message);
        return RunOutcome.skipped(run, message);
    }

    private RunOutcome failed(RunRef run, Instant started, String message) {
        Failures.record(store, project, run, started, message);
        return RunOutcome.failed(run, message, since(started));
    }

    private static Duration since(Instant started) {
        return Duration.between(started, Instant.now());
    }
}
