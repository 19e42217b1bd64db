-- Fingerprint of the artifact files the project's current catalog state was published from (see sql/README.md):
-- lets an ingestion recognize byte-identical artifacts without parsing them again.
ALTER TABLE catalog_project ADD COLUMN state_artifact_digest VARCHAR(100);
