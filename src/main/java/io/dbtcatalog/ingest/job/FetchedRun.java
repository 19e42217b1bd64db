package io.dbtcatalog.ingest.job;

import io.dbtcatalog.ingest.model.CatalogSnapshot;
import java.time.Instant;

/** A run's normalized snapshot on its way from the source to the store, with the moment its ingestion began. */
record FetchedRun(CatalogSnapshot snapshot, Instant startedAt) {
}
