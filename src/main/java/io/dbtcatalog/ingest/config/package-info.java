/**
 * The configuration, one validated record tree bound from {@code ingestion-config.yaml}:
 * {@link io.dbtcatalog.ingest.config.IngestionProperties} holds the target database, the sources, the work folder,
 * the HTTP settings ({@link io.dbtcatalog.ingest.source.http.HttpSettings}), the scheduler and the management port.
 * Each source ({@link io.dbtcatalog.ingest.config.SourceProperties}, flat as users write it) hands its kind's record
 * to its source: local, dbt Cloud or Discovery settings. Validated in one place while it is bound, each problem
 * naming its key; each default declared once, on the record that binds it. Also the application's HTTP beans
 * ({@link io.dbtcatalog.ingest.config.HttpConfiguration}). Read by the wiring, never by the domain.
 */
package io.dbtcatalog.ingest.config;
