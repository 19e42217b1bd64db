-- PostgreSQL only: the state tables of V9 get the fillfactor of the other state tables (see V5_1 and
-- sql/README.md, "Storage on PostgreSQL"), so refreshing their last_seen_at stays a HOT update.
ALTER TABLE catalog_exposure SET (fillfactor = 50);
ALTER TABLE catalog_metric SET (fillfactor = 50);
ALTER TABLE catalog_semantic_element SET (fillfactor = 50);
ALTER TABLE catalog_saved_query SET (fillfactor = 50);
