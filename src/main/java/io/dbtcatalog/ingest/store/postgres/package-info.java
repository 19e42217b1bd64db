/**
 * PostgreSQL's bulk write path, an optional seam behind {@link io.dbtcatalog.ingest.store.publish.WriteStrategy}:
 * rows streamed with {@code COPY ... FROM STDIN}, and changed rows joined from temporary staging tables (the only
 * DDL the store runs, private to the transaction). Without it the store writes the same rows as JDBC batches.
 */
package io.dbtcatalog.ingest.store.postgres;
