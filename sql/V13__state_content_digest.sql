-- Digest of the catalog state alone (see sql/README.md, catalog_project.state_content_digest): manifest and catalog
-- tokens without their metadata objects, the manifest entries' created_at and the catalog's relation statistics. The
-- next dbt invocation of an unchanged project has the same one and publishes only its history rows (decision 0014).
-- NULL until the first ingestion after this migration, so existing projects take the full path once.
ALTER TABLE catalog_project ADD COLUMN state_content_digest VARCHAR(100);
