package io.dbtcatalog.ingest.store.publish;

import io.dbtcatalog.ingest.model.CatalogSnapshot;
import io.dbtcatalog.ingest.store.ChangeCounts;
import io.dbtcatalog.ingest.store.ProjectRef;
import io.dbtcatalog.ingest.store.StoreException;
import io.dbtcatalog.ingest.store.jdbc.Jdbc;
import io.dbtcatalog.ingest.store.jdbc.SqlParams;
import io.dbtcatalog.ingest.store.project.ActiveRows;
import io.dbtcatalog.ingest.store.project.ProjectRow;
import java.sql.Connection;
import java.time.Instant;
import java.util.Objects;

/**
 * The store's part of the unchanged-state shortcut (decision 0014): a run whose state digest equals the one the
 * catalog state was published with is published history-only. Under the project lock the stored digest is checked
 * again (another ingestion may have changed the state meanwhile: the run then fails, writing nothing, and is read in
 * full when ingested again), and the state tables are only counted, so the run reports their rows as unchanged,
 * exactly as a full publish of the same state does.
 */
final class StateShortcut {

    private static final String COUNT_ACTIVE = """
            SELECT COUNT(*) FROM %s WHERE project_key = ? AND deleted_at IS NULL
            """;

    private StateShortcut() {}

    /** Fails when the stored state is no longer the one the pipeline compared {@code stateDigest} with. */
    static void requireUnchanged(ProjectRef project, CatalogSnapshot snapshot, String stateDigest, ProjectRow stored) {
        if (!Objects.equals(stateDigest, stored.stateContentDigest())) {
            throw new StoreException(
                    project.projectKey(),
                    "catalog_project",
                    "run " + snapshot.run().runKey()
                            + " was read history-only because its state matched the catalog state, but another"
                            + " ingestion changed that state meanwhile; ingest the run again");
        }
    }

    /**
     * The state tables a publish leaves as they are: their active rows, reported as unchanged, when the unchanged
     * state is applied (from the project row, counted only when it does not know them), else nothing.
     */
    record Kept(Steps steps, Connection connection, ProjectRef project, boolean applyState, ActiveRows known) {

        StateSync.Outcome nodes() {
            return outcome("catalog_node", known == null ? 0 : known.nodes());
        }

        StateSync.Outcome columns() {
            return outcome("catalog_column", known == null ? 0 : known.columns());
        }

        StateSync.Outcome edges() {
            return outcome("catalog_lineage", known == null ? 0 : known.edges());
        }

        StateSync.Outcome tests() {
            return outcome("catalog_test", known == null ? 0 : known.tests());
        }

        private StateSync.Outcome outcome(String table, int active) {
            ChangeCounts counts = !applyState
                    ? ChangeCounts.NONE
                    : known != null
                            ? new ChangeCounts(0, 0, 0, active)
                            : steps.run(table, () -> unchanged(connection, table, project.projectKey()));
            return new StateSync.Outcome(counts, 0);
        }
    }

    private static ChangeCounts unchanged(Connection connection, String table, String projectKey) {
        Long count = Jdbc.client(connection)
                .sql(COUNT_ACTIVE.formatted(table))
                .params(new SqlParams().text(projectKey).values())
                .query(Long.class)
                .single();
        return new ChangeCounts(0, 0, 0, count.intValue());
    }

    /**
     * The ledger message of a publish: what a history-only publish ({@code stateDigest} not null) did, or that an
     * older snapshot kept only its history, then the snapshot's warnings; null when there is nothing to say.
     */
    static String message(
            CatalogSnapshot snapshot, String stateDigest, boolean applyState, Instant time, Instant stateAsOf) {
        StringBuilder message = new StringBuilder();
        if (stateDigest != null && applyState) {
            message.append("state unchanged (state digest ")
                    .append(stateDigest)
                    .append("); only the run's history was read and written");
        }
        if (!applyState) {
            message.append("state not applied: the snapshot (")
                    .append(time)
                    .append(") is older than the catalog state (")
                    .append(stateAsOf)
                    .append("); history kept");
        }
        for (String warning : snapshot.warnings()) {
            message.append(message.isEmpty() ? "" : "\n").append(warning);
        }
        return message.isEmpty() ? null : message.toString();
    }
}
