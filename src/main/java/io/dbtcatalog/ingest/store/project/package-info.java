/**
 * Project rows: {@code catalog_project} (created on first publish, locked for the length of each publish, rewritten
 * only when it changed) and the lease on {@code ingestion_lease} or a PostgreSQL advisory lock that keeps two live
 * processes from ingesting one project at once.
 */
package io.dbtcatalog.ingest.store.project;
