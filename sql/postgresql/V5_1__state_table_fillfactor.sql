-- PostgreSQL only (see sql/README.md, "Storage on PostgreSQL"): every ingestion of a new dbt run refreshes
-- last_seen_at on every active state row. Leaving half of each heap page free lets those updates be HOT updates
-- (same page, no index entries written), which halves the write time of an unchanged project's next run.
-- Applies to pages written from now on; VACUUM FULL or CLUSTER repacks existing ones.
ALTER TABLE catalog_node SET (fillfactor = 50);
ALTER TABLE catalog_column SET (fillfactor = 50);
ALTER TABLE catalog_lineage SET (fillfactor = 50);
ALTER TABLE catalog_test SET (fillfactor = 50);
