-- H2 only (sql/README.md, "History keys on H2"; decision 0019): the primary keys of the three results tables lead
-- with the invocation, so the rows of a new dbt invocation go to one end of their key's index instead of beside every
-- stored row of the same resource. H2's MVStore rewrites every index page an insert touches (and its commit visits
-- them again), so keys in resource order made the next run's write grow with the stored history. The keys hold the
-- same columns: a row is still unique per project, resource and invocation. H2 does not use these keys for the
-- latest-result views (it ranks the whole table); PostgreSQL, which does, keeps the resource-first keys.
-- catalog_relation_stats keeps its key: `describe` reads a relation's statistics through it.
ALTER TABLE catalog_test_result DROP PRIMARY KEY;
ALTER TABLE catalog_test_result ADD PRIMARY KEY (project_key, invocation_id, test_unique_id);

ALTER TABLE catalog_run_result DROP PRIMARY KEY;
ALTER TABLE catalog_run_result ADD PRIMARY KEY (project_key, invocation_id, node_unique_id);

ALTER TABLE catalog_source_freshness DROP PRIMARY KEY;
ALTER TABLE catalog_source_freshness ADD PRIMARY KEY (project_key, invocation_id, source_unique_id);
