package io.dbtcatalog.ingest.store;

import io.dbtcatalog.ingest.model.CatalogSnapshot;
import io.dbtcatalog.ingest.model.ColumnLineage;
import io.dbtcatalog.ingest.model.RunRef;
import io.dbtcatalog.ingest.model.SnapshotInfo;
import io.dbtcatalog.ingest.store.jdbc.ColumnLimits;
import io.dbtcatalog.ingest.store.jdbc.SqlDialect;
import io.dbtcatalog.ingest.store.jdbc.SqlErrors;
import io.dbtcatalog.ingest.store.ledger.IngestionLedger;
import io.dbtcatalog.ingest.store.ledger.LedgerQueries;
import io.dbtcatalog.ingest.store.lineage.ColumnLineageReader;
import io.dbtcatalog.ingest.store.lineage.ColumnLookup;
import io.dbtcatalog.ingest.store.lineage.ColumnWalk;
import io.dbtcatalog.ingest.store.project.LeaseLock;
import io.dbtcatalog.ingest.store.project.ProjectRows;
import io.dbtcatalog.ingest.store.publish.ArtifactShortcut;
import io.dbtcatalog.ingest.store.publish.Preview;
import io.dbtcatalog.ingest.store.publish.Publication;
import io.dbtcatalog.ingest.store.publish.PublishSetup;
import io.dbtcatalog.ingest.store.publish.WriteStrategy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalog's only writer: publishes a {@link CatalogSnapshot} as one transaction (readers see the catalog before
 * or after it, never half; a failure leaves it exactly as before), keeps the {@code ingestion_run} ledger and
 * answers whether a run was already ingested. Works on H2 and PostgreSQL, detected from the connection.
 */
public final class CatalogStore {

    private static final Logger log = LoggerFactory.getLogger(CatalogStore.class);

    private final DataSource dataSource;
    private final Transactions transactions;
    private final StoreOptions options;
    private final Clock clock;
    private final SqlDialect dialect;
    private final WriteStrategy writes;
    private volatile ColumnLimits limits;

    /**
     * Detects the database engine right away, so an unreachable or unsupported database fails at start-up. The speed
     * seams are switched by system properties ({@link StoreOptions#fromSystemProperties()}).
     */
    public CatalogStore(DataSource dataSource) {
        this(dataSource, StoreOptions.fromSystemProperties());
    }

    /** Like {@link #CatalogStore(DataSource)}, with the speed seams switched by {@code options}. */
    public CatalogStore(DataSource dataSource, StoreOptions options) {
        this(dataSource, options, Clock.systemUTC());
    }

    CatalogStore(DataSource dataSource, StoreOptions options, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.transactions = new Transactions(dataSource);
        this.options = Objects.requireNonNull(options, "options");
        this.clock = clock;
        try (Connection connection = dataSource.getConnection()) {
            StoreSetup setup = StoreSetup.detect(connection, options);
            this.dialect = setup.dialect();
            this.writes = setup.writes();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to the catalog database: " + e.getMessage(), e);
        }
    }

    /** True when the ledger holds a SUCCEEDED ingestion of {@code runKey} for the project. */
    public boolean isIngested(String projectKey, String runKey) {
        return transactions.read(projectKey, IngestionLedger.TABLE, connection -> new IngestionLedger(connection, null)
                .isIngested(projectKey, runKey));
    }

    /**
     * When the newest run the ledger holds as ingested finished (the run's own finish time as its source listed it),
     * so that a poll can ask its source for every run finished since; empty before the first ingestion, or when no
     * ingested run's finish time is known.
     */
    public Optional<Instant> newestIngestedRun(String projectKey) {
        return transactions.read(projectKey, IngestionLedger.TABLE, connection -> new IngestionLedger(connection, null)
                .newestRunFinishedAt(projectKey));
    }

    /** The project's newest successful and newest failed ingestion from the ledger (nulls when there are none). */
    public IngestionStatus status(String projectKey) {
        return transactions.read(
                projectKey, IngestionLedger.TABLE, connection -> new LedgerQueries(connection).status(projectKey));
    }

    /**
     * Tries to take the project's {@link ProjectLease} on a connection of its own, without waiting; the caller
     * closes it. {@link ProjectLease#held()} tells whether another live process has it.
     */
    public ProjectLease tryLease(String projectKey) {
        try {
            return new ProjectLease(LeaseLock.tryAcquire(projectKey, dataSource.getConnection(), dialect));
        } catch (SQLException e) {
            throw new StoreException(projectKey, "ingestion_lease", SqlErrors.describe(e), e);
        }
    }

    /**
     * Publishes one snapshot of the project in one transaction: state tables upserted by content hash (and
     * soft-deleted when a complete snapshot lacks them), history appended once per key, a SUCCEEDED ledger row
     * written. Publishes of the same project serialize on a lock of its {@code catalog_project} row.
     *
     * @throws StoreException naming the project and table when anything fails; nothing was changed then
     */
    public PublishResult publish(ProjectRef project, CatalogSnapshot snapshot, Instant startedAt) {
        return publish(project, snapshot, startedAt, PublishRules.unguarded());
    }

    /**
     * Publishes like {@link #publish(ProjectRef, CatalogSnapshot, Instant)} under {@code rules}: waits at most their
     * lock timeout for the project ({@link ProjectBusyException}), skips a run the ledger gained meanwhile unless
     * republishing ({@link RunAlreadyIngestedException}), and refuses to soft-delete a larger share of the active
     * nodes than they allow ({@link MassDeleteException}). Each of these writes nothing.
     */
    public PublishResult publish(ProjectRef project, CatalogSnapshot snapshot, Instant startedAt, PublishRules rules) {
        return publish(project, snapshot, null, false, startedAt, rules);
    }

    /**
     * Publishes like {@link #publish(ProjectRef, CatalogSnapshot, Instant, PublishRules)} a snapshot whose state
     * content has {@code stateDigest} (decision 0014; null when unknown), remembered with the state. With
     * {@code historyOnly} the snapshot holds only the run's history, read because {@code stateDigest} equals the
     * stored state's ({@link #isCurrentStateContent}): no state table is written, and a state changed meanwhile fails
     * the publish, writing nothing.
     */
    public PublishResult publish(
            ProjectRef project,
            CatalogSnapshot snapshot,
            String stateDigest,
            boolean historyOnly,
            Instant startedAt,
            PublishRules rules) {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(rules, "rules");
        long begin = System.nanoTime();
        PublishResult result = transactions.inTransaction(project.projectKey(), false, connection -> publication(
                        connection, project, snapshot, rules, stateDigest, historyOnly)
                .run(startedAt));
        log.debug(
                "Published project '{}' run '{}' in {} ms: {}",
                project.projectKey(),
                snapshot.run().runKey(),
                (System.nanoTime() - begin) / 1_000_000,
                result);
        return result;
    }

    /**
     * Records, under {@code rules}, a run whose artifact files have {@code artifactDigest}, the digest the project's
     * current state was published from: one SUCCEEDED ledger row in one transaction, no catalog row. Fails writing
     * nothing when another ingestion changed the state since {@link #isCurrentState} was asked.
     */
    public PublishResult acknowledgeUnchanged(
            ProjectRef project,
            RunRef run,
            SnapshotInfo info,
            String artifactDigest,
            Instant startedAt,
            PublishRules rules) {
        Objects.requireNonNull(artifactDigest, "artifactDigest");
        CatalogSnapshot unread = ArtifactShortcut.unread(run, info, artifactDigest);
        return transactions.inTransaction(
                project.projectKey(), false, connection -> publication(connection, project, unread, rules, null, false)
                        .acknowledgeUnchanged(startedAt));
    }

    /**
     * What {@link #publish(ProjectRef, CatalogSnapshot, Instant, PublishRules)} would do with the snapshot now, worked
     * out by the same classification in a read-only transaction that is rolled back: nothing is written or locked.
     *
     * @throws StoreException when a publish would fail on the snapshot's content too (a key twice with different
     *                        content, a value too long for its column) or the catalog cannot be read
     */
    public PublishPreview preview(ProjectRef project, CatalogSnapshot snapshot, PublishRules rules) {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(rules, "rules");
        return transactions.inTransaction(project.projectKey(), true, connection -> new Preview(
                        connection,
                        new PublishSetup(dialect, writes, limits(project.projectKey(), connection), clock),
                        project,
                        snapshot,
                        rules)
                .run(clock.instant()));
    }

    /**
     * True when the project's current catalog state was published from artifact files with {@code artifactDigest}
     * (read without locking: a publish re-checks it under the project lock). Always false when the digest shortcut
     * is switched off ({@link StoreOptions#digestShortcut()}).
     */
    public boolean isCurrentState(String projectKey, String artifactDigest) {
        Objects.requireNonNull(artifactDigest, "artifactDigest");
        if (!options.digestShortcut()) {
            return false;
        }
        return transactions.read(
                projectKey,
                ProjectRows.TABLE,
                connection -> ArtifactShortcut.isCurrentState(connection, dialect, projectKey, artifactDigest));
    }

    /**
     * True when the project's current catalog state was published with state digest {@code stateDigest} (decision
     * 0014), read without locking (a history-only publish re-checks it under the project lock). Always false when the
     * digest shortcut is switched off ({@link StoreOptions#digestShortcut()}).
     */
    public boolean isCurrentStateContent(String projectKey, String stateDigest) {
        Objects.requireNonNull(stateDigest, "stateDigest");
        return options.digestShortcut()
                && transactions.read(
                        projectKey,
                        ProjectRows.TABLE,
                        connection ->
                                ArtifactShortcut.isCurrentStateContent(connection, dialect, projectKey, stateDigest));
    }

    /**
     * Records a failed ingestion attempt as a FAILED ledger row in its own transaction, leaving the catalog alone;
     * returns the row's id. {@code message} is stored as given: keep secrets out of it.
     */
    public long recordFailure(ProjectRef project, RunRef run, Instant startedAt, String message) {
        Objects.requireNonNull(run, "run");
        return writeFailure(project, run, startedAt, message);
    }

    private long writeFailure(ProjectRef project, RunRef run, Instant startedAt, String message) {
        Objects.requireNonNull(project, "project");
        return transactions.write(project.projectKey(), IngestionLedger.TABLE, connection -> new IngestionLedger(
                        connection, limits(project.projectKey(), connection))
                .insert(IngestionLedger.Entry.failed(project, run, startedAt, clock.instant(), message)));
    }

    /**
     * Records, as a FAILED ledger row in its own transaction, a launch that failed before any run could be named
     * (its runs could not be listed); the row's run key is {@value IngestionLedger#RUN_SELECTION}.
     */
    public long recordListingFailure(ProjectRef project, Instant startedAt, String message) {
        return writeFailure(project, null, startedAt, message);
    }

    /**
     * The project's active column lineage as the catalog holds it: one coverage row per model (with the fingerprint
     * of its analysis input) and every edge, so that the next ingestion reuses the models that did not change.
     */
    public ColumnLineage storedColumnLineage(String projectKey) {
        return transactions.read(
                projectKey, ColumnLineageReader.TABLE, connection -> new ColumnLineageReader(connection)
                        .stored(projectKey));
    }

    /**
     * Walks the column lineage of the project from the column named {@code nodeAndColumn} ({@link ColumnLookup}),
     * upstream or downstream, at most {@code maxDepth} edges away.
     *
     * @throws ColumnLookup.NotFound when the node or the column is not in the catalog
     */
    public ColumnWalk walkColumnLineage(String projectKey, String nodeAndColumn, boolean upstream, int maxDepth) {
        return transactions.read(
                projectKey,
                ColumnLineageReader.TABLE,
                connection -> ColumnWalk.from(
                        new ColumnLineageReader(connection), projectKey, nodeAndColumn, upstream, maxDepth));
    }

    private Publication publication(
            Connection connection,
            ProjectRef project,
            CatalogSnapshot snapshot,
            PublishRules rules,
            String stateDigest,
            boolean historyOnly) {
        PublishSetup setup = new PublishSetup(dialect, writes, limits(project.projectKey(), connection), clock);
        return new Publication(connection, setup, project, snapshot, rules, stateDigest, historyOnly);
    }

    private ColumnLimits limits(String projectKey, Connection connection) {
        ColumnLimits known = limits;
        if (known == null) {
            try {
                known = ColumnLimits.read(connection, dialect);
            } catch (SQLException e) {
                throw new StoreException(projectKey, "(schema)", SqlErrors.describe(e), e);
            }
            limits = known;
        }
        return known;
    }
}
