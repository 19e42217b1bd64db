/**
 * dbt Cloud webhooks: the {@code schedule} command's receiver of {@code POST /webhooks/dbt-cloud} on its own port
 * ({@code ingestion.webhooks.port}). An event is verified (HMAC-SHA256 of the raw body with a source's
 * {@code webhook-secret}, compared in constant time), parsed, matched to the sources whose filters it satisfies, and
 * answered at once; the ingestion of exactly that run is queued as a one-shot Quartz job keyed by source and run, so
 * repeated deliveries and several instances on one job store ingest it once, never in the HTTP request thread.
 */
package io.dbtcatalog.ingest.webhook;
