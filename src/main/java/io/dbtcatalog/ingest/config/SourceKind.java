package io.dbtcatalog.ingest.config;

/**
 * The kinds of metadata source a configured source can be, spelled in YAML as {@code local}, {@code dbt-cloud},
 * {@code discovery} (Spring Boot's binder also reads {@code dbt_cloud} and upper case).
 */
public enum SourceKind {
    LOCAL("local"),
    DBT_CLOUD("dbt-cloud"),
    DISCOVERY("discovery");

    private final String yamlName;

    SourceKind(String yamlName) {
        this.yamlName = yamlName;
    }

    /** The spelling used in {@code ingestion-config.yaml} and stored in the catalog. */
    public String yamlName() {
        return yamlName;
    }
}
