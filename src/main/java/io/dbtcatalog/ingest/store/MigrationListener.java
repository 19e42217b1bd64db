package io.dbtcatalog.ingest.store;

/**
 * Told when {@link CatalogMigrations#migrateWhenBehind(javax.sql.DataSource, MigrationListener)} starts and ends
 * applying migrations, so that the process can use another core while the main thread waits on the database: the
 * CLI's start warm-up prepares what the command needs after the migration (docs/decisions/0022-start-beside-the-migration.md).
 * Neither method may throw, touch the catalog or change what the migration does; {@link #migrationEnded()} is called
 * whether the migration succeeded or not, and returns only once the side work has stopped.
 */
public interface MigrationListener {

    /** Nothing to do beside a migration. */
    MigrationListener NONE = new MigrationListener() {};

    /** Something is pending: the migrations are about to be applied on the calling thread. */
    default void migrationStarting() {}

    /** The migration has ended, applied or failed; the caller goes on only once this returns. */
    default void migrationEnded() {}
}
