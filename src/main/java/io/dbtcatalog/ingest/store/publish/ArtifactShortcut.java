package io.dbtcatalog.ingest.store.publish;

import io.dbtcatalog.ingest.model.CatalogSnapshot;
import io.dbtcatalog.ingest.model.RunRef;
import io.dbtcatalog.ingest.model.SnapshotInfo;
import io.dbtcatalog.ingest.store.ChangeCounts;
import io.dbtcatalog.ingest.store.ProjectRef;
import io.dbtcatalog.ingest.store.PublishResult;
import io.dbtcatalog.ingest.store.StoreException;
import io.dbtcatalog.ingest.store.jdbc.SqlDialect;
import io.dbtcatalog.ingest.store.ledger.IngestionLedger;
import io.dbtcatalog.ingest.store.project.ProjectRow;
import io.dbtcatalog.ingest.store.project.ProjectRows;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's whole part of the unchanged-artifacts shortcut, a speed seam kept in one place: the pipeline's
 * fingerprint step asks {@link #isCurrentState} whether the catalog state was published from artifact files with the
 * same SHA-256 digest and, if so, has the run only {@linkplain #acknowledge acknowledged} (an empty snapshot holding
 * just the run, its info and the digest) instead of read and published.
 */
public final class ArtifactShortcut {

    /** The acknowledgement is logged as a step of the publish. */
    private static final Logger log = LoggerFactory.getLogger(Publication.class);

    private ArtifactShortcut() {}

    /**
     * True when the project's current catalog state was published from artifact files with {@code artifactDigest}
     * (read without locking: a publish re-checks it under the project lock).
     */
    public static boolean isCurrentState(
            Connection connection, SqlDialect dialect, String projectKey, String artifactDigest) {
        ProjectRow row = new ProjectRows(connection, dialect, null).find(projectKey);
        return row != null && artifactDigest.equals(row.stateArtifactDigest());
    }

    /** True when the project's current catalog state was published with {@code stateDigest} (decision 0014). */
    public static boolean isCurrentStateContent(
            Connection connection, SqlDialect dialect, String projectKey, String stateDigest) {
        ProjectRow row = new ProjectRows(connection, dialect, null).find(projectKey);
        return row != null && stateDigest.equals(row.stateContentDigest());
    }

    /** The snapshot of a run left unread: no rows, only the run, its info and the files' digest. */
    public static CatalogSnapshot unread(RunRef run, SnapshotInfo info, String artifactDigest) {
        return new CatalogSnapshot(
                run,
                info,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                false,
                List.of(),
                artifactDigest);
    }

    /**
     * Records a run whose artifact files are those the current state was published from: one SUCCEEDED ledger row,
     * no catalog row. Fails, writing nothing, if the state changed since the source compared the digests.
     */
    static PublishResult acknowledge(
            Steps steps,
            IngestionLedger ledger,
            Clock clock,
            ProjectRef project,
            CatalogSnapshot snapshot,
            ProjectRow stored,
            Instant startedAt) {
        String digest = snapshot.artifactDigest();
        if (!digest.equals(stored.stateArtifactDigest())) {
            throw new StoreException(
                    project.projectKey(),
                    "catalog_project",
                    "run " + snapshot.run().runKey()
                            + " was not parsed because its artifacts matched the catalog state, but another ingestion"
                            + " changed that state meanwhile; ingest the run again");
        }
        String note = "artifacts identical to those the current state was published from (" + digest
                + "); not parsed again, nothing to write";
        long runId = steps.run(
                IngestionLedger.TABLE,
                () -> ledger.insert(new IngestionLedger.Entry(
                        project,
                        snapshot.run(),
                        snapshot.info(),
                        startedAt,
                        startedAt,
                        IngestionLedger.SUCCEEDED,
                        true,
                        true,
                        note,
                        digest)));
        PublishResult done = new PublishResult(
                runId, ChangeCounts.NONE, ChangeCounts.NONE, ChangeCounts.NONE, ChangeCounts.NONE, 0, 0, 0, 0, true);
        steps.run(IngestionLedger.TABLE, () -> {
            ledger.finish(runId, done, clock.instant());
            return null;
        });
        log.info(
                "Project '{}' run '{}': {}",
                project.projectKey(),
                snapshot.run().runKey(),
                note);
        return done;
    }
}
