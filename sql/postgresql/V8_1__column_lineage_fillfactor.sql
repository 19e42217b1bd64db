-- PostgreSQL only (see sql/README.md, "Storage on PostgreSQL"): the column-lineage state tables get the same
-- fillfactor as the other state tables (V5.1), so the last_seen_at refresh of each new run stays a HOT update.
ALTER TABLE catalog_column_lineage SET (fillfactor = 50);
ALTER TABLE catalog_column_lineage_coverage SET (fillfactor = 50);
