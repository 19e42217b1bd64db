package io.dbtcatalog.ingest.config;

import java.util.Locale;

/** The kinds of metadata source a configured source can be, spelled in YAML as {@code local}, {@code dbt-cloud}, {@code discovery}. */
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

    /** Parses the YAML spelling (case-insensitive; {@code dbt_cloud} accepted too). */
    public static SourceKind fromYaml(String value) {
        String normalized = value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (SourceKind kind : values()) {
            if (kind.yamlName.equals(normalized)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown source kind '" + value + "' (expected local, dbt-cloud or discovery)");
    }
}
