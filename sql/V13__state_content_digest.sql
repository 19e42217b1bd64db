-- Digest of the catalog state alone (see sql/README.md, catalog_project.state_content_digest): manifest and catalog
-- tokens without their metadata objects, the manifest entries' created_at and the catalog's relation statistics. The
-- next dbt invocation of an unchanged project has the same one and publishes only its history rows (decision 0014).
-- NULL until the first ingestion after this migration, so existing projects take the full path once.
ALTER TABLE catalog_project ADD COLUMN state_content_digest VARCHAR(100);
-- The rows the latest complete publish left active in the four main state tables (sql/README.md): a history-only
-- publish reports them as unchanged without counting the tables again. NULL until then, and after an incomplete one.
ALTER TABLE catalog_project ADD COLUMN active_nodes INTEGER;
ALTER TABLE catalog_project ADD COLUMN active_columns INTEGER;
ALTER TABLE catalog_project ADD COLUMN active_edges INTEGER;
ALTER TABLE catalog_project ADD COLUMN active_tests INTEGER;
