-- Lineage across projects (dbt Mesh; documented in sql/README.md). Portable: H2 2.x and PostgreSQL 12+.
--
-- A downstream project's manifest holds each upstream project's model it refs as an external node: a model whose
-- package is another dbt project and which has no file in the downstream project (dbt writes an empty
-- original_file_path, stored as NULL). The Discovery API's external model parents are stored the same way.
-- When a project of the catalog is that upstream dbt project (catalog_project.dbt_project_name) and holds the same
-- active unique_id, the external node is that project's node: catalog_external_node says so, and
-- catalog_lineage_global draws the downstream project's edges from the upstream project's node.

CREATE VIEW catalog_external_node AS
SELECT d.project_key,
       d.unique_id,
       u.project_key AS home_project_key
FROM catalog_node d
JOIN catalog_project dp ON dp.project_key = d.project_key
JOIN catalog_project up ON up.dbt_project_name = d.package_name AND up.project_key <> d.project_key
JOIN catalog_node u ON u.project_key = up.project_key AND u.unique_id = d.unique_id AND u.deleted_at IS NULL
WHERE d.deleted_at IS NULL
  AND d.resource_type = 'model'
  AND d.file_path IS NULL
  AND (dp.dbt_project_name IS NULL OR dp.dbt_project_name <> d.package_name)
  AND u.file_path IS NOT NULL;

-- Every active edge of every project, with each end named by the project that owns the node: a parent that is a
-- linked external node is named by its home project (cross_project = TRUE). Edges into a linked external node are
-- left out: they are the upstream project's own edges, which its own rows already give.
CREATE VIEW catalog_lineage_global AS
SELECT COALESCE(x.home_project_key, e.project_key) AS parent_project_key,
       e.parent_unique_id,
       e.project_key AS child_project_key,
       e.child_unique_id,
       CASE WHEN x.home_project_key IS NULL THEN FALSE ELSE TRUE END AS cross_project
FROM catalog_lineage e
LEFT JOIN catalog_external_node x ON x.project_key = e.project_key AND x.unique_id = e.parent_unique_id
LEFT JOIN catalog_external_node c ON c.project_key = e.project_key AND c.unique_id = e.child_unique_id
WHERE e.deleted_at IS NULL
  AND c.project_key IS NULL;
