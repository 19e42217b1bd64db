package io.dbtcatalog.ingest.store.publish;

import io.dbtcatalog.ingest.model.CatalogNode;
import io.dbtcatalog.ingest.model.CatalogSnapshot;
import io.dbtcatalog.ingest.store.ChangeCounts;
import io.dbtcatalog.ingest.store.MassDeleteException;
import io.dbtcatalog.ingest.store.ProjectRef;
import io.dbtcatalog.ingest.store.PublishPreview;
import io.dbtcatalog.ingest.store.PublishRules;
import io.dbtcatalog.ingest.store.jdbc.ColumnLimits;
import io.dbtcatalog.ingest.store.jdbc.SqlDialect;
import io.dbtcatalog.ingest.store.ledger.IngestionLedger;
import io.dbtcatalog.ingest.store.project.ProjectRow;
import io.dbtcatalog.ingest.store.project.ProjectRows;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;

/**
 * The read-only twin of {@link Publication}: reads the project row and the stored keys and hashes, and classifies the
 * snapshot with the same {@link StateSync} and {@link HistoryWriter} code a publish uses, so the preview predicts
 * exactly what a publish would write (or why it would stop), without taking a lock or writing a row.
 */
public final class Preview {

    private final Connection connection;
    private final SqlDialect dialect;
    private final WriteStrategy writes;
    private final ColumnLimits limits;
    private final ProjectRef project;
    private final CatalogSnapshot snapshot;
    private final PublishRules rules;
    private final Steps steps;

    public Preview(
            Connection connection,
            PublishSetup setup,
            ProjectRef project,
            CatalogSnapshot snapshot,
            PublishRules rules) {
        this.connection = connection;
        this.dialect = setup.dialect();
        this.writes = setup.writes();
        this.limits = setup.limits();
        this.project = project;
        this.snapshot = snapshot;
        this.rules = rules;
        this.steps = new Steps(project.projectKey(), setup.dialect(), rules.lockTimeout());
    }

    /** Works the preview out as of {@code now} (the snapshot time when the snapshot carries none). */
    public PublishPreview run(Instant now) {
        String key = project.projectKey();
        Instant time = Publication.snapshotTime(snapshot, now);
        ProjectRow stored = steps.run("catalog_project", () -> new ProjectRows(connection, dialect, limits).find(key));
        boolean ingested = steps.run(IngestionLedger.TABLE, () -> new IngestionLedger(connection, limits)
                .isIngested(key, snapshot.run().runKey()));
        boolean applyState = Publication.appliesState(time, stored);
        PublishContext context = new PublishContext(
                key,
                0,
                time,
                snapshot.complete(),
                snapshot.info().generatedAt(),
                snapshot.run().dbtRunId(),
                stored == null ? null : stored.completeAsOf());
        StateSync state = new StateSync(connection, context, limits, writes);
        StatePlan<CatalogNode> nodes =
                applyState ? steps.run("catalog_node", () -> state.plan(CatalogTables.NODES, snapshot.nodes())) : null;
        ChangeCounts columns = applyState
                ? counts(state, "catalog_column", CatalogTables.COLUMNS, snapshot.columns())
                : ChangeCounts.NONE;
        ChangeCounts edges = applyState
                ? counts(state, "catalog_lineage", CatalogTables.EDGES, snapshot.edges())
                : ChangeCounts.NONE;
        ChangeCounts tests =
                applyState ? counts(state, "catalog_test", CatalogTables.TESTS, snapshot.tests()) : ChangeCounts.NONE;
        HistoryWriter history = new HistoryWriter(connection, context, limits, writes);
        return new PublishPreview(
                ingested,
                applyState,
                nodes == null ? ChangeCounts.NONE : nodes.counts(),
                columns,
                edges,
                tests,
                fresh(history, "catalog_test_result", CatalogTables.TEST_RESULTS, snapshot.testResults()),
                fresh(history, "catalog_run_result", CatalogTables.RUN_RESULTS, snapshot.runResults()),
                fresh(history, "catalog_source_freshness", CatalogTables.FRESHNESS, snapshot.freshness()),
                nodes == null ? List.of() : nodes.insertedKeys(),
                nodes == null ? List.of() : nodes.updatedKeys(),
                nodes == null ? List.of() : nodes.deletedKeys(),
                refusal(nodes));
    }

    private <R> ChangeCounts counts(StateSync state, String table, StateTable<R> rows, List<R> snapshotRows) {
        return steps.run(table, () -> state.plan(rows, snapshotRows)).counts();
    }

    private <R> int fresh(HistoryWriter history, String table, HistoryTable<R> rows, List<R> snapshotRows) {
        return steps.run(table, () -> history.fresh(rows, snapshotRows)).size();
    }

    private String refusal(StatePlan<CatalogNode> nodes) {
        if (nodes == null || !rules.refusesDeleting(nodes.counts().deleted(), nodes.activeBefore())) {
            return null;
        }
        return MassDeleteException.explain(nodes.counts().deleted(), nodes.activeBefore(), rules.maxDeleteShare())
                + ". " + MassDeleteException.ADVICE;
    }
}
