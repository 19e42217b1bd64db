package io.dbtcatalog.ingest.store.publish;

import io.dbtcatalog.ingest.model.CatalogDepth;
import io.dbtcatalog.ingest.model.CatalogNode;
import io.dbtcatalog.ingest.model.CatalogSnapshot;
import io.dbtcatalog.ingest.model.ColumnLineage;
import io.dbtcatalog.ingest.model.SnapshotInfo;
import io.dbtcatalog.ingest.store.MassDeleteException;
import io.dbtcatalog.ingest.store.ProjectRef;
import io.dbtcatalog.ingest.store.PublishResult;
import io.dbtcatalog.ingest.store.PublishRules;
import io.dbtcatalog.ingest.store.RunAlreadyIngestedException;
import io.dbtcatalog.ingest.store.StoreException;
import io.dbtcatalog.ingest.store.jdbc.ColumnLimits;
import io.dbtcatalog.ingest.store.jdbc.SqlDialect;
import io.dbtcatalog.ingest.store.ledger.IngestionLedger;
import io.dbtcatalog.ingest.store.project.ActiveRows;
import io.dbtcatalog.ingest.store.project.ProjectRow;
import io.dbtcatalog.ingest.store.project.ProjectRows;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of one publish on a connection whose transaction the store owns: lock the project (waiting at
 * most the rules' lock timeout), skip a run ingested meanwhile, open the ledger row, sync the state tables (nodes,
 * columns, edges, tests, then the column lineage and its coverage when the snapshot carries them), refusing a mass
 * deletion of nodes the rules do not allow, append the history, update the project row, close the ledger row. Each
 * step names its table, so any failure becomes a {@link StoreException} that says where it happened.
 */
public final class Publication {

    private static final Logger log = LoggerFactory.getLogger(Publication.class);

    private final Connection connection;
    private final SqlDialect dialect;
    private final WriteStrategy writes;
    private final ColumnLimits limits;
    private final Clock clock;
    private final ProjectRef project;
    private final CatalogSnapshot snapshot;
    private final PublishRules rules;
    private final Steps steps;
    private final String stateDigest;
    private final boolean historyOnly;

    /**
     * The publish of {@code snapshot}, whose state content has {@code stateDigest} (null when unknown). With
     * {@code historyOnly} the snapshot holds only history rows, read because {@code stateDigest} equals the stored
     * state's (decision 0014): no state table is written, the state is only vouched for again.
     */
    public Publication(
            Connection connection,
            PublishSetup setup,
            ProjectRef project,
            CatalogSnapshot snapshot,
            PublishRules rules,
            String stateDigest,
            boolean historyOnly) {
        this.connection = connection;
        this.dialect = setup.dialect();
        this.writes = setup.writes();
        this.limits = setup.limits();
        this.clock = setup.clock();
        this.project = project;
        this.snapshot = snapshot;
        this.rules = rules;
        this.steps = new Steps(project.projectKey(), setup.dialect(), rules.lockTimeout());
        this.stateDigest = stateDigest;
        this.historyOnly = historyOnly;
        if (historyOnly && stateDigest == null) {
            throw new IllegalArgumentException("a history-only publish needs the state digest it relies on");
        }
    }

    /**
     * The time stamped on state rows: when dbt generated the artifacts, else when the run finished, else when the
     * publish started. Artifact time rather than wall-clock time makes republishing a run write nothing.
     */
    static Instant snapshotTime(CatalogSnapshot snapshot, Instant startedAt) {
        SnapshotInfo info = snapshot.info();
        Instant time = info.generatedAt() != null
                ? info.generatedAt()
                : snapshot.run().finishedAt() != null ? snapshot.run().finishedAt() : startedAt;
        return time.truncatedTo(ChronoUnit.MICROS);
    }

    /** True when a snapshot of {@code time} may replace the stored state (it is not older than it). */
    static boolean appliesState(Instant time, ProjectRow stored) {
        return stored == null || stored.stateAsOf() == null || !time.isBefore(stored.stateAsOf());
    }

    /** Runs the publish; {@code startedAt} is the ledger row's start time. */
    public PublishResult run(Instant startedAt) {
        Instant time = snapshotTime(snapshot, startedAt);
        ProjectRows projects = new ProjectRows(connection, dialect, limits);
        ProjectRow stored = lockProject(projects, startedAt);
        IngestionLedger ledger = new IngestionLedger(connection, limits);
        requireNotIngested(ledger);
        boolean applyState = appliesState(time, stored);
        if (historyOnly && applyState) {
            StateShortcut.requireUnchanged(project, snapshot, stateDigest, stored);
        }
        if (!applyState) {
            log.warn(
                    "Project '{}' run '{}': snapshot of {} is older than the catalog state of {}; keeping only its "
                            + "history",
                    project.projectKey(),
                    snapshot.run().runKey(),
                    time,
                    stored.stateAsOf());
        }
        long runId = step(
                IngestionLedger.TABLE,
                () -> ledger.insert(new IngestionLedger.Entry(
                        project,
                        snapshot.run(),
                        snapshot.info(),
                        startedAt,
                        startedAt,
                        IngestionLedger.SUCCEEDED,
                        snapshot.complete(),
                        applyState,
                        StateShortcut.message(
                                snapshot, historyOnly ? stateDigest : null, applyState, time, stored.stateAsOf()),
                        snapshot.artifactDigest())));
        PublishResult written = write(
                stored,
                new PublishContext(
                        project.projectKey(),
                        runId,
                        time,
                        snapshot.complete(),
                        snapshot.info().generatedAt(),
                        snapshot.run().dbtRunId(),
                        stored.completeAsOf()),
                applyState);
        ProjectRow wanted = applyState
                ? ProjectRows.applied(
                        stored,
                        project,
                        snapshot.info(),
                        time,
                        snapshot.complete(),
                        snapshot.artifactDigest(),
                        stateDigest,
                        ActiveRows.after(written.nodes(), written.columns(), written.edges(), written.tests()))
                : stored;
        PublishResult done = updateProject(projects, stored, wanted, written);
        step(IngestionLedger.TABLE, () -> {
            ledger.finish(runId, done, clock.instant());
            return null;
        });
        return done;
    }

    /**
     * Records a run whose artifact files are those the current state was published from (the snapshot holds no rows,
     * only the run, its info and the files' digest): one SUCCEEDED ledger row, no catalog row. Fails, writing
     * nothing, if the state changed since the pipeline compared the digests.
     */
    public PublishResult acknowledgeUnchanged(Instant startedAt) {
        ProjectRow stored = lockProject(new ProjectRows(connection, dialect, limits), startedAt);
        IngestionLedger ledger = new IngestionLedger(connection, limits);
        requireNotIngested(ledger);
        return ArtifactShortcut.acknowledge(steps, ledger, clock, project, snapshot, stored, startedAt);
    }

    private ProjectRow lockProject(ProjectRows projects, Instant startedAt) {
        return step("catalog_project", () -> {
            dialect.lockTimeout(connection, rules.lockTimeout());
            return projects.lock(project, startedAt);
        });
    }

    private void requireNotIngested(IngestionLedger ledger) {
        String runKey = snapshot.run().runKey();
        if (!rules.republish() && step(IngestionLedger.TABLE, () -> ledger.isIngested(project.projectKey(), runKey))) {
            throw new RunAlreadyIngestedException(project.projectKey(), runKey);
        }
    }

    /**
     * Rewrites the project row when its metadata changed or the publish wrote any catalog row (then it also points
     * to this ingestion run); returns the result with the project row counted.
     */
    private PublishResult updateProject(
            ProjectRows projects, ProjectRow stored, ProjectRow wanted, PublishResult written) {
        ProjectRow target = written.rowsWritten() > 0 || !wanted.equals(stored)
                ? wanted.withLastIngestionRunId(written.ingestionRunId())
                : wanted;
        long projectRows = step("catalog_project", () -> projects.update(project.projectKey(), stored, target));
        return written.withRowsWritten(written.rowsWritten() + projectRows);
    }

    /** Writes state (unless history-only or not applied) and history; counts unchanged state as such. */
    private PublishResult write(ProjectRow stored, PublishContext context, boolean applyState) {
        StateShortcut.Kept kept = new StateShortcut.Kept(steps, connection, project, applyState, stored.activeRows());
        StateSync state = new StateSync(connection, context, limits, writes);
        boolean sync = applyState && !historyOnly;
        StateSync.Outcome nodes = sync ? syncNodes(state) : kept.nodes();
        StateSync.Outcome columns = sync
                ? step("catalog_column", () -> state.sync(CatalogTables.COLUMNS, snapshot.columns()))
                : kept.columns();
        StateSync.Outcome edges =
                sync ? step("catalog_lineage", () -> state.sync(CatalogTables.EDGES, snapshot.edges())) : kept.edges();
        StateSync.Outcome tests =
                sync ? step("catalog_test", () -> state.sync(CatalogTables.TESTS, snapshot.tests())) : kept.tests();
        long columnLineage = sync ? syncColumnLineage(state) : 0;
        HistoryWriter history = new HistoryWriter(connection, context, limits, writes);
        int testResults =
                step("catalog_test_result", () -> history.append(CatalogTables.TEST_RESULTS, snapshot.testResults()));
        int runResults =
                step("catalog_run_result", () -> history.append(CatalogTables.RUN_RESULTS, snapshot.runResults()));
        int freshness =
                step("catalog_source_freshness", () -> history.append(CatalogTables.FRESHNESS, snapshot.freshness()));
        long depth = (sync ? syncDetails(state) : 0)
                + step(
                        "catalog_relation_stats",
                        () -> history.append(
                                CatalogTables.RELATION_STATS, snapshot.depth().relationStats()));
        long written = depth
                + nodes.rowsWritten()
                + columns.rowsWritten()
                + edges.rowsWritten()
                + tests.rowsWritten()
                + columnLineage
                + testResults
                + runResults
                + freshness;
        return new PublishResult(
                context.ingestionRunId(),
                nodes.counts(),
                columns.counts(),
                edges.counts(),
                tests.counts(),
                testResults,
                runResults,
                freshness,
                written,
                applyState);
    }

    /**
     * Syncs the column lineage edges and the per-model coverage like the other state tables; a snapshot whose
     * column lineage was not derived leaves both tables as they are. Returns the rows written.
     */
    private long syncColumnLineage(StateSync state) {
        ColumnLineage lineage = snapshot.columnLineage();
        if (lineage == null) {
            return 0;
        }
        StateSync.Outcome coverage = step(
                "catalog_column_lineage_coverage",
                () -> state.sync(CatalogTables.LINEAGE_COVERAGE, lineage.coverage()));
        StateSync.Outcome edges =
                step("catalog_column_lineage", () -> state.sync(CatalogTables.COLUMN_EDGES, lineage.edges()));
        log.debug(
                "Project '{}' run '{}': column lineage {}, coverage {}",
                project.projectKey(),
                snapshot.run().runKey(),
                edges.counts(),
                coverage.counts());
        return coverage.rowsWritten() + edges.rowsWritten();
    }

    /** Syncs the detail tables of exposures, metrics, semantic models and saved queries; returns the rows written. */
    private long syncDetails(StateSync state) {
        CatalogDepth depth = snapshot.depth();
        return step("catalog_exposure", () -> state.sync(CatalogTables.EXPOSURES, depth.exposures()))
                        .rowsWritten()
                + step("catalog_metric", () -> state.sync(CatalogTables.METRICS, depth.metrics()))
                        .rowsWritten()
                + step(
                                "catalog_semantic_element",
                                () -> state.sync(CatalogTables.SEMANTIC_ELEMENTS, depth.semanticElements()))
                        .rowsWritten()
                + step("catalog_saved_query", () -> state.sync(CatalogTables.SAVED_QUERIES, depth.savedQueries()))
                        .rowsWritten();
    }

    /** Plans the node changes, refuses a deletion larger than the rules allow, then writes them. */
    private StateSync.Outcome syncNodes(StateSync state) {
        StateTable<CatalogNode> table = CatalogTables.NODES;
        StatePlan<CatalogNode> plan = step("catalog_node", () -> state.plan(table, snapshot.nodes()));
        int deletes = plan.counts().deleted();
        if (rules.refusesDeleting(deletes, plan.activeBefore())) {
            throw new MassDeleteException(project.projectKey(), deletes, plan.activeBefore(), rules.maxDeleteShare());
        }
        if (rules.allowMassDelete() && rules.exceedsShare(deletes, plan.activeBefore())) {
            log.warn(
                    "Project '{}' run '{}': soft-deleting {} of {} active nodes, allowed by --allow-mass-delete",
                    project.projectKey(),
                    snapshot.run().runKey(),
                    deletes,
                    plan.activeBefore());
        }
        return step("catalog_node", () -> state.apply(table, plan));
    }

    private <T> T step(String table, Steps.SqlStep<T> step) {
        return steps.run(table, step);
    }
}
