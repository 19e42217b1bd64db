/**
 * The ledger, {@code ingestion_run}: one row per publish (written in the publish's own transaction) or recorded
 * failure, and the queries that read it back for {@code status}, the health check and the already-ingested check.
 */
package io.dbtcatalog.ingest.store.ledger;
