-- Column-level lineage (see sql/README.md): one state row per edge "the parent column's values feed the child
-- column's values", derived from each model's compiled SQL, and one state row per model telling how completely its
-- SQL was analysed (and the fingerprint of the analysis input, so an unchanged model is not analysed again).
CREATE TABLE catalog_column_lineage (
    project_key            VARCHAR(200)  NOT NULL,
    child_unique_id        VARCHAR(1000) NOT NULL,
    child_column           VARCHAR(1000) NOT NULL,
    parent_unique_id       VARCHAR(1000) NOT NULL,
    parent_column          VARCHAR(1000) NOT NULL,
    flow                   VARCHAR(20)   NOT NULL,
    content_hash           VARCHAR(64)   NOT NULL,
    first_seen_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at           TIMESTAMP WITH TIME ZONE NOT NULL,
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
    last_seen_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    last_changed_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted_at             TIMESTAMP WITH TIME ZONE,
    last_ingestion_run_id  BIGINT,
    PRIMARY KEY (project_key, unique_id)
);
