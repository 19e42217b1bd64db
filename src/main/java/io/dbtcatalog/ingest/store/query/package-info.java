/**
 * The read-only query room: answers for people over the catalog database, on any engine and across every project
 * ({@code describe}, {@code lineage}, {@code impact}, {@code search}). {@link io.dbtcatalog.ingest.store.query.CatalogQueries}
 * is the way in; it needs nothing but a {@link javax.sql.DataSource} (no migration, no scheduler, no ingestion) and
 * never writes. Lineage crosses projects through the views of {@code V10__global_lineage.sql}
 * ({@code catalog_external_node}, {@code catalog_lineage_global}). The results are immutable records; the command
 * line formats them.
 */
package io.dbtcatalog.ingest.store.query;
