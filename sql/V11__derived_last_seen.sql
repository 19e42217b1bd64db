-- Derived last_seen_at (see sql/README.md, "Last seen"): the next ingestion of an unchanged project no longer
-- rewrites every active state row. A complete snapshot sees every active row, so its time is recorded once, on the
-- project (catalog_project.complete_as_of); state rows keep seen_at, the time they were last written or confirmed by
-- an incomplete snapshot. The *_seen views give every state row its last_seen_at as before: the later of seen_at and
-- the project's complete_as_of while the row is active, seen_at once it is soft-deleted (set when it was deleted).
-- Existing rows keep their stored value as seen_at (it was exact) and complete_as_of starts NULL, so every view
-- returns the same last_seen_at as the column did before this migration.
ALTER TABLE catalog_project ADD COLUMN complete_as_of TIMESTAMP WITH TIME ZONE;

ALTER TABLE catalog_node RENAME COLUMN last_seen_at TO seen_at;
ALTER TABLE catalog_column RENAME COLUMN last_seen_at TO seen_at;
ALTER TABLE catalog_lineage RENAME COLUMN last_seen_at TO seen_at;
ALTER TABLE catalog_test RENAME COLUMN last_seen_at TO seen_at;

CREATE VIEW catalog_node_seen AS
SELECT n.project_key, n.unique_id, n.resource_type, n.package_name, n.name, n.database_name, n.schema_name,
       n.identifier, n.relation_name, n.materialization, n.language, n.description, n.owner, n.tags, n.meta, n.access,
       n.group_name, n.version, n.contract_enforced, n.file_path, n.raw_code, n.compiled_code, n.checksum,
       n.content_hash, n.first_seen_at,
       CASE WHEN n.deleted_at IS NULL AND p.complete_as_of > n.seen_at THEN p.complete_as_of ELSE n.seen_at END
           AS last_seen_at,
       n.last_changed_at, n.deleted_at, n.last_ingestion_run_id
FROM catalog_node n
JOIN catalog_project p ON p.project_key = n.project_key;

CREATE VIEW catalog_column_seen AS
SELECT c.project_key, c.node_unique_id, c.column_name, c.data_type, c.ordinal, c.description, c.tags, c.meta,
       c.documented, c.in_warehouse, c.content_hash, c.first_seen_at,
       CASE WHEN c.deleted_at IS NULL AND p.complete_as_of > c.seen_at THEN p.complete_as_of ELSE c.seen_at END
           AS last_seen_at,
       c.last_changed_at, c.deleted_at, c.last_ingestion_run_id
FROM catalog_column c
JOIN catalog_project p ON p.project_key = c.project_key;

CREATE VIEW catalog_lineage_seen AS
SELECT e.project_key, e.parent_unique_id, e.child_unique_id, e.first_seen_at,
       CASE WHEN e.deleted_at IS NULL AND p.complete_as_of > e.seen_at THEN p.complete_as_of ELSE e.seen_at END
           AS last_seen_at,
       e.last_changed_at, e.deleted_at, e.last_ingestion_run_id
FROM catalog_lineage e
JOIN catalog_project p ON p.project_key = e.project_key;

CREATE VIEW catalog_test_seen AS
SELECT t.project_key, t.unique_id, t.test_name, t.kind, t.attached_node_unique_id, t.column_name, t.severity,
       t.kwargs, t.content_hash, t.first_seen_at,
       CASE WHEN t.deleted_at IS NULL AND p.complete_as_of > t.seen_at THEN p.complete_as_of ELSE t.seen_at END
           AS last_seen_at,
       t.last_changed_at, t.deleted_at, t.last_ingestion_run_id
FROM catalog_test t
JOIN catalog_project p ON p.project_key = t.project_key;
