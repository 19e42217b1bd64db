/**
 * Publishing a snapshot: the steps of one publish transaction ({@link io.dbtcatalog.ingest.store.publish.Publication})
 * and its read-only twin ({@link io.dbtcatalog.ingest.store.publish.Preview}), the change detection of the state
 * tables by content hash, the append-only history tables, and the {@link
 * io.dbtcatalog.ingest.store.publish.WriteStrategy} seam through which classified rows are written.
 */
package io.dbtcatalog.ingest.store.publish;
