/**
 * dbt-catalog-ingest: keeps a normalized catalog database in step with dbt runs. The wiring lives here
 * ({@code IngestionConfiguration}); data flows one way, {@code source} → {@code model} → {@code store}, driven by
 * {@code job} and started from {@code cli} or {@code schedule}.
 */
package io.dbtcatalog.ingest;
