/**
 * Reads column lineage back from {@code catalog_column_lineage} and {@code catalog_column_lineage_coverage}: the
 * project's stored lineage (so the next ingestion reuses every model whose analysis input did not change) and the
 * one-step neighbours of a column for the {@code column-lineage} command.
 */
package io.dbtcatalog.ingest.store.lineage;
