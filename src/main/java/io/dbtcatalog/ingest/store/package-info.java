/**
 * The catalog store: {@link io.dbtcatalog.ingest.store.CatalogStore} is the only way in for the rest of the
 * application, with the types it takes and returns (project, rules, results, ledger entries, the lease, errors) and
 * the schema migrations ({@code CatalogMigrations}; a new embedded H2 file catalog is a copy of the template the build
 * migrated, {@code H2Template}). The rooms behind it: {@code publish}, {@code ledger}, {@code project}, {@code jdbc} and the
 * optional {@code postgres} bulk path; {@code StoreSetup} decides once how the store writes. Beside it, the read-only
 * {@code query} room answers people's questions over every project ({@code store.query.CatalogQueries}).
 */
package io.dbtcatalog.ingest.store;
