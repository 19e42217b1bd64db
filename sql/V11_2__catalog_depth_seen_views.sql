-- The *_seen views (see V11 and sql/README.md, "Last seen") of the state tables V9 added, and catalog_node_seen and
-- catalog_column_seen again with the columns V9 added to their tables. V9 runs before V11, so its tables were created
-- with seen_at from the start; their views need catalog_project.complete_as_of, which V11 adds.
DROP VIEW catalog_node_seen;
DROP VIEW catalog_column_seen;

CREATE VIEW catalog_node_seen AS
SELECT n.project_key, n.unique_id, n.resource_type, n.package_name, n.name, n.database_name, n.schema_name,
       n.identifier, n.relation_name, n.materialization, n.language, n.description, n.owner, n.tags, n.meta,
       n.access, n.group_name, n.version, n.contract_enforced, n.file_path, n.raw_code, n.compiled_code,
       n.checksum, n.relation_type, n.warehouse_owner, n.latest_version, n.deprecation_date, n.config,
       n.content_hash, n.first_seen_at,
       CASE WHEN n.deleted_at IS NULL AND p.complete_as_of > n.seen_at THEN p.complete_as_of ELSE n.seen_at END
           AS last_seen_at,
       n.last_changed_at, n.deleted_at, n.last_ingestion_run_id
FROM catalog_node n
JOIN catalog_project p ON p.project_key = n.project_key;

CREATE VIEW catalog_column_seen AS
SELECT c.project_key, c.node_unique_id, c.column_name, c.data_type, c.ordinal, c.description, c.tags, c.meta,
       c.documented, c.in_warehouse, c.constraints, c.is_unique, c.is_not_null, c.is_primary_key,
       c.content_hash, c.first_seen_at,
       CASE WHEN c.deleted_at IS NULL AND p.complete_as_of > c.seen_at THEN p.complete_as_of ELSE c.seen_at END
           AS last_seen_at,
       c.last_changed_at, c.deleted_at, c.last_ingestion_run_id
FROM catalog_column c
JOIN catalog_project p ON p.project_key = c.project_key;

CREATE VIEW catalog_exposure_seen AS
SELECT d.project_key, d.unique_id, d.exposure_type, d.maturity, d.url, d.label, d.owner_name, d.owner_email,
       d.content_hash, d.first_seen_at,
       CASE WHEN d.deleted_at IS NULL AND p.complete_as_of > d.seen_at THEN p.complete_as_of ELSE d.seen_at END
           AS last_seen_at,
       d.last_changed_at, d.deleted_at, d.last_ingestion_run_id
FROM catalog_exposure d
JOIN catalog_project p ON p.project_key = d.project_key;

CREATE VIEW catalog_metric_seen AS
SELECT d.project_key, d.unique_id, d.label, d.metric_type, d.legacy, d.measure, d.expression, d.type_params,
       d.metric_filter, d.time_granularity, d.content_hash, d.first_seen_at,
       CASE WHEN d.deleted_at IS NULL AND p.complete_as_of > d.seen_at THEN p.complete_as_of ELSE d.seen_at END
           AS last_seen_at,
       d.last_changed_at, d.deleted_at, d.last_ingestion_run_id
FROM catalog_metric d
JOIN catalog_project p ON p.project_key = d.project_key;

CREATE VIEW catalog_semantic_element_seen AS
SELECT d.project_key, d.semantic_model_unique_id, d.element_kind, d.element_name, d.element_type, d.label,
       d.expr, d.agg, d.time_granularity, d.description, d.content_hash, d.first_seen_at,
       CASE WHEN d.deleted_at IS NULL AND p.complete_as_of > d.seen_at THEN p.complete_as_of ELSE d.seen_at END
           AS last_seen_at,
       d.last_changed_at, d.deleted_at, d.last_ingestion_run_id
FROM catalog_semantic_element d
JOIN catalog_project p ON p.project_key = d.project_key;

CREATE VIEW catalog_saved_query_seen AS
SELECT d.project_key, d.unique_id, d.label, d.query_metrics, d.group_by, d.where_filters, d.exports,
       d.content_hash, d.first_seen_at,
       CASE WHEN d.deleted_at IS NULL AND p.complete_as_of > d.seen_at THEN p.complete_as_of ELSE d.seen_at END
           AS last_seen_at,
       d.last_changed_at, d.deleted_at, d.last_ingestion_run_id
FROM catalog_saved_query d
JOIN catalog_project p ON p.project_key = d.project_key;
