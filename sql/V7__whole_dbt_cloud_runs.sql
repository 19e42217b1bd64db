-- Whole dbt Cloud runs (see sql/README.md): every history row names the dbt Cloud run step and the dbt command of the
-- file it was read from, and the ledger keeps when each ingested run finished, so that a poll can ingest every run
-- finished since the newest one the catalog holds.
ALTER TABLE catalog_test_result ADD COLUMN dbt_step_index INTEGER;
ALTER TABLE catalog_test_result ADD COLUMN dbt_command VARCHAR(100);
ALTER TABLE catalog_run_result ADD COLUMN dbt_step_index INTEGER;
ALTER TABLE catalog_run_result ADD COLUMN dbt_command VARCHAR(100);
ALTER TABLE catalog_source_freshness ADD COLUMN dbt_step_index INTEGER;
ALTER TABLE catalog_source_freshness ADD COLUMN dbt_command VARCHAR(100);
ALTER TABLE ingestion_run ADD COLUMN run_finished_at TIMESTAMP WITH TIME ZONE;
