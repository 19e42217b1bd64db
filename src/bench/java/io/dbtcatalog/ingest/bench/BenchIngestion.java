package io.dbtcatalog.ingest.bench;

import io.dbtcatalog.ingest.model.CatalogSnapshot;
import io.dbtcatalog.ingest.model.RunRef;
import io.dbtcatalog.ingest.source.artifact.ArtifactFiles;
import io.dbtcatalog.ingest.source.artifact.ArtifactInput;
import io.dbtcatalog.ingest.source.artifact.ArtifactSnapshotReader;
import io.dbtcatalog.ingest.store.CatalogMigrations;
import io.dbtcatalog.ingest.store.CatalogStore;
import io.dbtcatalog.ingest.store.ChangeCounts;
import io.dbtcatalog.ingest.store.ProjectRef;
import io.dbtcatalog.ingest.store.PublishResult;
import io.dbtcatalog.ingest.store.PublishRules;
import io.dbtcatalog.ingest.support.TestRuns;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * One real ingestion of a synthetic project into one database, timed in its two phases: reading the artifacts
 * into a snapshot ({@link ArtifactSnapshotReader}, which first asks the catalog whether the files' digest is that
 * of its current state, as the job does), then publishing it ({@link CatalogStore#publish}). Running it again is
 * the unchanged re-ingestion; into an empty catalog the read fingerprints the files beside it, as the job does
 * (decision 0018); the next dbt invocation of the unchanged project matches the catalog's state digest and
 * reads and publishes only its history (decision 0014). {@code parseAlways} measures the same re-ingestion with both
 * digest checks off, so the files are parsed and every row compared with the catalog.
 */
final class BenchIngestion {

    static final ProjectRef PROJECT = new ProjectRef(FloorRows.PROJECT_KEY, "local", null, null, null, null);

    /** What one ingestion wrote and how long each phase took. */
    record Outcome(long rowsWritten, double readSeconds, double publishSeconds, String summary) {}

    private final DataSource database;

    BenchIngestion(DataSource database) {
        this.database = database;
    }

    /** Brings the database to the catalog schema (not timed). */
    void prepare() {
        CatalogMigrations.migrate(database);
    }

    /** Ingests the artifacts of {@code invocation} (a synthetic project, or a later invocation of it). */
    Outcome run(SyntheticDbtProject invocation, boolean parseAlways) {
        InvocationMetadata metadata = invocation.metadata();
        return run(invocation.directory(), metadata.invocationId(), metadata.generatedAt(), parseAlways);
    }

    /**
     * Ingests the artifacts in {@code directory} ({@code manifest.json}, {@code run_results.json}, {@code
     * catalog.json}) of the dbt invocation {@code invocationId}, generated at {@code generatedAt}.
     */
    Outcome run(Path directory, String invocationId, Instant generatedAt, boolean parseAlways) {
        RunRef run = TestRuns.run(PROJECT.projectKey(), invocationId, null, null, generatedAt, directory.toString());
        ArtifactFiles files = new ArtifactFiles(
                directory.resolve("manifest.json"),
                directory.resolve("run_results.json"),
                directory.resolve("catalog.json"),
                null);
        long start = System.nanoTime();
        CatalogStore store = new CatalogStore(database);
        ArtifactInput input = new ArtifactInput(new ArtifactSnapshotReader(), files, run);
        if (store.status(PROJECT.projectKey()).lastSuccess() == null) {
            // as the job does: no state in the catalog, so the read fingerprints the files beside it
            CatalogSnapshot snapshot = input.read();
            return publishRead(store, snapshot, input.stateDigest().orElse(null), start);
        }
        String fingerprint = input.fingerprint().orElseThrow();
        if (!parseAlways && store.isCurrentState(PROJECT.projectKey(), fingerprint)) {
            double readSeconds = Floor.seconds(start);
            long publishStart = System.nanoTime();
            PublishResult result = store.acknowledgeUnchanged(
                    PROJECT, run, input.info(), fingerprint, Instant.now(), PublishRules.unguarded());
            return new Outcome(
                    result.rowsWritten(),
                    readSeconds,
                    Floor.seconds(publishStart),
                    "digest matched the catalog state, nothing parsed; published " + describe(result));
        }
        String state = input.stateDigest().orElse(null);
        if (!parseAlways && state != null && store.isCurrentStateContent(PROJECT.projectKey(), state)) {
            CatalogSnapshot history = input.readHistory();
            double readSeconds = Floor.seconds(start);
            long publishStart = System.nanoTime();
            PublishResult result =
                    store.publish(PROJECT, history, state, true, Instant.now(), PublishRules.unguarded());
            return new Outcome(
                    result.rowsWritten(),
                    readSeconds,
                    Floor.seconds(publishStart),
                    "state digest matched the catalog state, history read; published " + describe(result));
        }
        return publishRead(store, input.read(), state, start);
    }

    private static Outcome publishRead(CatalogStore store, CatalogSnapshot snapshot, String state, long start) {
        double readSeconds = Floor.seconds(start);
        String read = String.format(
                Locale.ROOT,
                "read %d nodes, %d columns, %d edges, %d tests, %d+%d results",
                snapshot.nodes().size(),
                snapshot.columns().size(),
                snapshot.edges().size(),
                snapshot.tests().size(),
                snapshot.testResults().size(),
                snapshot.runResults().size());
        long publishStart = System.nanoTime();
        PublishResult result = store.publish(PROJECT, snapshot, state, false, Instant.now(), PublishRules.unguarded());
        double publishSeconds = Floor.seconds(publishStart);
        return new Outcome(result.rowsWritten(), readSeconds, publishSeconds, read + "; published " + describe(result));
    }

    private static String describe(PublishResult result) {
        return "nodes " + counts(result.nodes()) + ", columns " + counts(result.columns()) + ", edges "
                + counts(result.edges()) + ", tests " + counts(result.tests()) + ", results +"
                + result.testResultsAdded() + " test +" + result.runResultsAdded() + " run, rowsWritten "
                + result.rowsWritten() + (result.changedNothing() ? " (changed nothing)" : "");
    }

    private static String counts(ChangeCounts counts) {
        return "+" + counts.added() + " ~" + counts.updated() + " -" + counts.deleted() + " =" + counts.unchanged();
    }
}
