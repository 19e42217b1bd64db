package io.dbtcatalog.ingest.bench;

import io.dbtcatalog.ingest.store.CatalogMigrations;
import javax.sql.DataSource;

/**
 * One real ingestion of a synthetic project into one database, timed in its two phases: reading the artifacts
 * into a snapshot, then publishing the snapshot into the catalog.
 */
final class BenchIngestion {

    /** What one ingestion wrote and how long each phase took. */
    record Outcome(long rowsWritten, double readSeconds, double publishSeconds, String summary) {
    }

    private final SyntheticDbtProject project;
    private final DataSource database;

    BenchIngestion(SyntheticDbtProject project, DataSource database) {
        this.project = project;
        this.database = database;
    }

    /** Brings the database to the catalog schema (not timed). */
    void prepare() {
        CatalogMigrations.migrate(database);
    }

    Outcome run() {
        throw new UnsupportedOperationException("the real ingestion is wired once feat/artifact and feat/store land"
                + " (project " + project.directory() + ", database " + database + ")");
    }
}
