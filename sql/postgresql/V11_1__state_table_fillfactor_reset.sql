-- PostgreSQL only (see sql/README.md, "Storage on PostgreSQL"): since V11 an ingestion no longer refreshes every
-- active state row, so the free half page V5.1 kept for those updates only doubled the tables on disk (and the pages
-- a first ingestion writes). Back to the default fillfactor for pages written from now on; VACUUM FULL or CLUSTER
-- repacks existing ones.
ALTER TABLE catalog_node RESET (fillfactor);
ALTER TABLE catalog_column RESET (fillfactor);
ALTER TABLE catalog_lineage RESET (fillfactor);
ALTER TABLE catalog_test RESET (fillfactor);
