-- A migration a later build might ship, for H2TemplateIntegrationTests: Flyway applies it to a catalog copied from
-- the packaged template exactly as to one it migrated itself.
CREATE TABLE catalog_template_next (
    id BIGINT PRIMARY KEY
);
