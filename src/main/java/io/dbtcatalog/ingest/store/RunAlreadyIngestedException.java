package io.dbtcatalog.ingest.store;

import io.dbtcatalog.ingest.store.ledger.IngestionLedger;

/**
 * The run was ingested by another ingestion while this one waited for the project lock, and republishing was not
 * asked for: the publish stopped without writing anything, so the ledger holds the run once.
 */
public class RunAlreadyIngestedException extends StoreException {

    public RunAlreadyIngestedException(String projectKey, String runKey) {
        super(
                projectKey,
                IngestionLedger.TABLE,
                "run " + runKey + " was ingested by another ingestion in the" + " meantime; nothing written");
    }
}
