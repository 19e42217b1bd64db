-- Read-only views answering the common catalog questions. Portable: run unchanged on H2 (2.x) and PostgreSQL (12+).
-- Documentation in sql/README.md.
--
-- "Latest" history row per key: newest by completed_at (snapshotted_at for freshness), falling back to the
-- artifact's generated_at when dbt reported no timing (skipped nodes), then the newest ingestion run, then the
-- invocation id, so exactly one row wins per key. NULLS LAST is spelled out because H2 and PostgreSQL differ.

CREATE VIEW catalog_latest_run_result AS
SELECT project_key, node_unique_id, invocation_id, status, message, execution_time_s, started_at, completed_at,
       rows_affected, generated_at, dbt_run_id, ingestion_run_id
FROM (
    SELECT r.project_key, r.node_unique_id, r.invocation_id, r.status, r.message, r.execution_time_s,
           r.started_at, r.completed_at, r.rows_affected, r.generated_at, r.dbt_run_id, r.ingestion_run_id,
           ROW_NUMBER() OVER (
               PARTITION BY r.project_key, r.node_unique_id
               ORDER BY COALESCE(r.completed_at, r.generated_at) DESC NULLS LAST,
                        r.ingestion_run_id DESC, r.invocation_id DESC) AS recency
    FROM catalog_run_result r
) ranked
WHERE recency = 1;

CREATE VIEW catalog_latest_test_result AS
SELECT project_key, test_unique_id, invocation_id, status, failures, message, execution_time_s, started_at,
       completed_at, generated_at, dbt_run_id, ingestion_run_id
FROM (
    SELECT r.project_key, r.test_unique_id, r.invocation_id, r.status, r.failures, r.message, r.execution_time_s,
           r.started_at, r.completed_at, r.generated_at, r.dbt_run_id, r.ingestion_run_id,
           ROW_NUMBER() OVER (
               PARTITION BY r.project_key, r.test_unique_id
               ORDER BY COALESCE(r.completed_at, r.generated_at) DESC NULLS LAST,
                        r.ingestion_run_id DESC, r.invocation_id DESC) AS recency
    FROM catalog_test_result r
) ranked
WHERE recency = 1;

CREATE VIEW catalog_latest_source_freshness AS
SELECT project_key, source_unique_id, invocation_id, status, max_loaded_at, snapshotted_at, max_loaded_at_age_s,
       criteria, error, execution_time_s, generated_at, dbt_run_id, ingestion_run_id
FROM (
    SELECT f.project_key, f.source_unique_id, f.invocation_id, f.status, f.max_loaded_at, f.snapshotted_at,
           f.max_loaded_at_age_s, f.criteria, f.error, f.execution_time_s, f.generated_at, f.dbt_run_id,
           f.ingestion_run_id,
           ROW_NUMBER() OVER (
               PARTITION BY f.project_key, f.source_unique_id
               ORDER BY COALESCE(f.snapshotted_at, f.generated_at) DESC NULLS LAST,
                        f.ingestion_run_id DESC, f.invocation_id DESC) AS recency
    FROM catalog_source_freshness f
) ranked
WHERE recency = 1;

-- One row per active node: its latest execution, the verdicts of the latest results of its active attached tests,
-- and (sources) its latest freshness check. Test statuses are compared lower-cased; unknown statuses count in
-- tests_other.
CREATE VIEW catalog_node_health AS
SELECT n.project_key,
       n.unique_id,
       n.resource_type,
       n.package_name,
       n.name,
       n.relation_name,
       rr.status                         AS last_run_status,
       rr.completed_at                   AS last_run_completed_at,
       rr.execution_time_s               AS last_run_execution_time_s,
       rr.invocation_id                  AS last_run_invocation_id,
       COALESCE(t.tests_total, 0)        AS tests_total,
       COALESCE(t.tests_failing, 0)      AS tests_failing,
       COALESCE(t.tests_warning, 0)      AS tests_warning,
       COALESCE(t.tests_passing, 0)      AS tests_passing,
       COALESCE(t.tests_other, 0)        AS tests_other,
       COALESCE(t.tests_without_result, 0) AS tests_without_result,
       f.status                          AS freshness_status,
       f.max_loaded_at                   AS freshness_max_loaded_at,
       f.snapshotted_at                  AS freshness_snapshotted_at
FROM catalog_node n
LEFT JOIN catalog_latest_run_result rr
       ON rr.project_key = n.project_key AND rr.node_unique_id = n.unique_id
LEFT JOIN (
    SELECT ct.project_key,
           ct.attached_node_unique_id AS node_unique_id,
           COUNT(*) AS tests_total,
           SUM(CASE WHEN LOWER(lt.status) IN ('fail', 'error') THEN 1 ELSE 0 END) AS tests_failing,
           SUM(CASE WHEN LOWER(lt.status) = 'warn' THEN 1 ELSE 0 END) AS tests_warning,
           SUM(CASE WHEN LOWER(lt.status) = 'pass' THEN 1 ELSE 0 END) AS tests_passing,
           SUM(CASE WHEN LOWER(lt.status) NOT IN ('fail', 'error', 'warn', 'pass') THEN 1 ELSE 0 END) AS tests_other,
           SUM(CASE WHEN lt.status IS NULL THEN 1 ELSE 0 END) AS tests_without_result
    FROM catalog_test ct
    LEFT JOIN catalog_latest_test_result lt
           ON lt.project_key = ct.project_key AND lt.test_unique_id = ct.unique_id
    WHERE ct.deleted_at IS NULL AND ct.attached_node_unique_id IS NOT NULL
    GROUP BY ct.project_key, ct.attached_node_unique_id
) t
       ON t.project_key = n.project_key AND t.node_unique_id = n.unique_id
LEFT JOIN catalog_latest_source_freshness f
       ON f.project_key = n.project_key AND f.source_unique_id = n.unique_id
WHERE n.deleted_at IS NULL;

-- Transitive closure of the active lineage: every (ancestor, descendant) pair with the length of the shortest path.
-- Terminates on cycles because the depth is bounded (100). SELECT DISTINCT in the recursive term keeps each level
-- to distinct (ancestor, descendant) pairs: H2 does not de-duplicate a recursive UNION across levels, so without it
-- the work would grow with the number of paths instead of the number of pairs.
CREATE VIEW catalog_lineage_closure AS
WITH RECURSIVE walk (project_key, ancestor_unique_id, descendant_unique_id, depth) AS (
    SELECT e.project_key, e.parent_unique_id, e.child_unique_id, 1
    FROM catalog_lineage e
    WHERE e.deleted_at IS NULL
    UNION ALL
    SELECT DISTINCT w.project_key, w.ancestor_unique_id, e.child_unique_id, w.depth + 1
    FROM walk w
    JOIN catalog_lineage e
      ON e.project_key = w.project_key AND e.parent_unique_id = w.descendant_unique_id
    WHERE e.deleted_at IS NULL AND w.depth < 100
)
SELECT project_key, ancestor_unique_id, descendant_unique_id, MIN(depth) AS distance
FROM walk
GROUP BY project_key, ancestor_unique_id, descendant_unique_id;
