-- Catalog depth (see sql/README.md): what the warehouse reports about each relation (its type, its owner and its
-- statistics per invocation), model governance and configuration, column constraints and key markers, and the
-- details of exposures, metrics, semantic models and saved queries. Each detail table is a state table keyed like
-- catalog_node (the resource is also a catalog_node row); semantic elements are keyed by their semantic model.
ALTER TABLE catalog_node ADD COLUMN relation_type VARCHAR(100);
ALTER TABLE catalog_node ADD COLUMN warehouse_owner VARCHAR(1000);
ALTER TABLE catalog_node ADD COLUMN latest_version VARCHAR(100);
ALTER TABLE catalog_node ADD COLUMN deprecation_date TIMESTAMP WITH TIME ZONE;
ALTER TABLE catalog_node ADD COLUMN config TEXT;

ALTER TABLE catalog_column ADD COLUMN constraints TEXT NOT NULL DEFAULT '[]';
ALTER TABLE catalog_column ADD COLUMN is_unique BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE catalog_column ADD COLUMN is_not_null BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE catalog_column ADD COLUMN is_primary_key BOOLEAN NOT NULL DEFAULT FALSE;

CREATE TABLE catalog_relation_stats (
    project_key            VARCHAR(200)  NOT NULL,
    node_unique_id         VARCHAR(1000) NOT NULL,
    stat_id                VARCHAR(200)  NOT NULL,
    invocation_id          VARCHAR(100)  NOT NULL,
    label                  VARCHAR(1000),
    stat_value             TEXT,
    description            TEXT,
    generated_at           TIMESTAMP WITH TIME ZONE,
    dbt_run_id             BIGINT,
    dbt_step_index         INTEGER,
    dbt_command            VARCHAR(100),
    ingestion_run_id       BIGINT        NOT NULL,
    PRIMARY KEY (project_key, node_unique_id, stat_id, invocation_id)
);
CREATE INDEX catalog_relation_stats_invocation_idx ON catalog_relation_stats (project_key, invocation_id);

CREATE TABLE catalog_exposure (
    project_key            VARCHAR(200)  NOT NULL,
    unique_id              VARCHAR(1000) NOT NULL,
    exposure_type          VARCHAR(100),
    maturity               VARCHAR(100),
    url                    VARCHAR(3000),
    label                  VARCHAR(1000),
    owner_name             VARCHAR(1000),
    owner_email            VARCHAR(1000),
    content_hash           VARCHAR(64)   NOT NULL,
    first_seen_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    seen_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    last_changed_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted_at             TIMESTAMP WITH TIME ZONE,
    last_ingestion_run_id  BIGINT,
    PRIMARY KEY (project_key, unique_id)
);

CREATE TABLE catalog_metric (
    project_key            VARCHAR(200)  NOT NULL,
    unique_id              VARCHAR(1000) NOT NULL,
    label                  VARCHAR(1000),
    metric_type            VARCHAR(100),
    legacy                 BOOLEAN       NOT NULL,
    measure                VARCHAR(1000),
    expression             TEXT,
    type_params            TEXT          NOT NULL,
    metric_filter          TEXT,
    time_granularity       VARCHAR(100),
    content_hash           VARCHAR(64)   NOT NULL,
    first_seen_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    seen_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    last_changed_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted_at             TIMESTAMP WITH TIME ZONE,
    last_ingestion_run_id  BIGINT,
    PRIMARY KEY (project_key, unique_id)
);

CREATE TABLE catalog_semantic_element (
    project_key            VARCHAR(200)  NOT NULL,
    semantic_model_unique_id VARCHAR(1000) NOT NULL,
    element_kind           VARCHAR(20)   NOT NULL,
    element_name           VARCHAR(1000) NOT NULL,
    element_type           VARCHAR(100),
    label                  VARCHAR(1000),
    expr                   TEXT,
    agg                    VARCHAR(100),
    time_granularity       VARCHAR(100),
    description            TEXT,
    content_hash           VARCHAR(64)   NOT NULL,
    first_seen_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    seen_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    last_changed_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted_at             TIMESTAMP WITH TIME ZONE,
    last_ingestion_run_id  BIGINT,
    PRIMARY KEY (project_key, semantic_model_unique_id, element_kind, element_name)
);

CREATE TABLE catalog_saved_query (
    project_key            VARCHAR(200)  NOT NULL,
    unique_id              VARCHAR(1000) NOT NULL,
    label                  VARCHAR(1000),
    query_metrics          TEXT          NOT NULL,
    group_by               TEXT          NOT NULL,
    where_filters          TEXT          NOT NULL,
    exports                TEXT          NOT NULL,
    content_hash           VARCHAR(64)   NOT NULL,
    first_seen_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    seen_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    last_changed_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted_at             TIMESTAMP WITH TIME ZONE,
    last_ingestion_run_id  BIGINT,
    PRIMARY KEY (project_key, unique_id)
);
