/**
 * The {@code schedule} command's machinery: a thin Quartz bridge to the ingestion launcher (clustered JDBC job store
 * on PostgreSQL), the optional management server's health indicator and the ingestion meters.
 */
package io.dbtcatalog.ingest.schedule;
