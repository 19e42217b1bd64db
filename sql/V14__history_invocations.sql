-- Which dbt invocations each history table holds rows of, per project (sql/README.md, ingestion_history_invocation):
-- a publish asks this small table whether its invocations are new (the usual case: then every history row is new
-- and no history table is searched) instead of searching each history table by invocation, so the history tables
-- no longer carry the (project_key, invocation_id) indexes, which cost every appended row an index entry
-- (decision 0019). Filled here from the rows already stored; a publish adds the invocations it appends rows of.
CREATE TABLE ingestion_history_invocation (
    project_key            VARCHAR(200)  NOT NULL,
    history_table          VARCHAR(100)  NOT NULL,
    invocation_id          VARCHAR(100)  NOT NULL,
    ingestion_run_id       BIGINT        NOT NULL,
    PRIMARY KEY (project_key, history_table, invocation_id)
);

INSERT INTO ingestion_history_invocation (project_key, history_table, invocation_id, ingestion_run_id)
SELECT project_key, 'catalog_test_result', invocation_id, MIN(ingestion_run_id)
FROM catalog_test_result GROUP BY project_key, invocation_id;

INSERT INTO ingestion_history_invocation (project_key, history_table, invocation_id, ingestion_run_id)
SELECT project_key, 'catalog_run_result', invocation_id, MIN(ingestion_run_id)
FROM catalog_run_result GROUP BY project_key, invocation_id;

INSERT INTO ingestion_history_invocation (project_key, history_table, invocation_id, ingestion_run_id)
SELECT project_key, 'catalog_source_freshness', invocation_id, MIN(ingestion_run_id)
FROM catalog_source_freshness GROUP BY project_key, invocation_id;

INSERT INTO ingestion_history_invocation (project_key, history_table, invocation_id, ingestion_run_id)
SELECT project_key, 'catalog_relation_stats', invocation_id, MIN(ingestion_run_id)
FROM catalog_relation_stats GROUP BY project_key, invocation_id;

DROP INDEX catalog_test_result_invocation_idx;
DROP INDEX catalog_run_result_invocation_idx;
DROP INDEX catalog_source_freshness_invocation_idx;
DROP INDEX catalog_relation_stats_invocation_idx;
