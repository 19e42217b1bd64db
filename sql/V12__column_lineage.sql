-- Column-level lineage (see sql/README.md): one state row per edge "the parent column's values feed the child
-- column's values", derived from each model's compiled SQL, and one state row per model telling how completely its
-- SQL was analysed (and the fingerprint of the analysis input, so an unchanged model is not analysed again). Both
-- are state tables as V11 shapes them: seen_at stored, last_seen_at derived in their *_seen views.
CREATE TABLE catalog_column_lineage (
    project_key            VARCHAR(200)  NOT NULL,
    child_unique_id        VARCHAR(1000) NOT NULL,
    child_column           VARCHAR(1000) NOT NULL,
    parent_unique_id       VARCHAR(1000) NOT NULL,
    parent_column          VARCHAR(1000) NOT NULL,
    flow                   VARCHAR(20)   NOT NULL,
    content_hash           VARCHAR(64)   NOT NULL,
    first_seen_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    seen_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    last_changed_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted_at             TIMESTAMP WITH TIME ZONE,
    last_ingestion_run_id  BIGINT,
    PRIMARY KEY (project_key, child_unique_id, child_column, parent_unique_id, parent_column)
);
CREATE INDEX catalog_column_lineage_parent_idx ON catalog_column_lineage (project_key, parent_unique_id, parent_column);

CREATE TABLE catalog_column_lineage_coverage (
    project_key            VARCHAR(200)  NOT NULL,
    unique_id              VARCHAR(1000) NOT NULL,
    status                 VARCHAR(20)   NOT NULL,
    reason_kind            VARCHAR(40),
    reasons                TEXT          NOT NULL,
    error_line             INTEGER,
    error_column           INTEGER,
    output_columns         TEXT          NOT NULL,
    sql_fingerprint        VARCHAR(64)   NOT NULL,
    content_hash           VARCHAR(64)   NOT NULL,
    first_seen_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    seen_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    last_changed_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted_at             TIMESTAMP WITH TIME ZONE,
    last_ingestion_run_id  BIGINT,
    PRIMARY KEY (project_key, unique_id)
);

CREATE VIEW catalog_column_lineage_seen AS
SELECT e.project_key, e.child_unique_id, e.child_column, e.parent_unique_id, e.parent_column, e.flow, e.content_hash,
       e.first_seen_at,
       CASE WHEN e.deleted_at IS NULL AND p.complete_as_of > e.seen_at THEN p.complete_as_of ELSE e.seen_at END
           AS last_seen_at,
       e.last_changed_at, e.deleted_at, e.last_ingestion_run_id
FROM catalog_column_lineage e
JOIN catalog_project p ON p.project_key = e.project_key;

CREATE VIEW catalog_column_lineage_coverage_seen AS
SELECT v.project_key, v.unique_id, v.status, v.reason_kind, v.reasons, v.error_line, v.error_column,
       v.output_columns, v.sql_fingerprint, v.content_hash, v.first_seen_at,
       CASE WHEN v.deleted_at IS NULL AND p.complete_as_of > v.seen_at THEN p.complete_as_of ELSE v.seen_at END
           AS last_seen_at,
       v.last_changed_at, v.deleted_at, v.last_ingestion_run_id
FROM catalog_column_lineage_coverage v
JOIN catalog_project p ON p.project_key = v.project_key;
