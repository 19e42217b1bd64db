-- Fingerprint of the artifact files the project's current catalog state was published from, and of the files of
-- each ingestion (see sql/README.md): lets an ingestion recognize byte-identical artifacts without parsing them.
ALTER TABLE catalog_project ADD COLUMN state_artifact_digest VARCHAR(100);
ALTER TABLE ingestion_run ADD COLUMN artifact_digest VARCHAR(100);
