package io.dbtcatalog.ingest.source.artifact;

import java.util.Locale;

/**
 * The four dbt artifact kinds this package reads, recognised by the path segment of their
 * {@code metadata.dbt_schema_version} URL (e.g. {@code https://schemas.getdbt.com/dbt/run-results/v6.json}).
 */
enum ArtifactKind {
    MANIFEST("manifest", "manifest"),
    RUN_RESULTS("run-results", "run_results"),
    CATALOG("catalog", "catalog"),
    SOURCES("sources", "sources");

    private final String schemaSegment;
    private final String label;

    ArtifactKind(String schemaSegment, String label) {
        this.schemaSegment = schemaSegment;
        this.label = label;
    }

    /** True when the schema URL names this kind; the version number is only a hint and is not checked. */
    boolean matches(String dbtSchemaVersion) {
        return dbtSchemaVersion != null
                && dbtSchemaVersion.toLowerCase(Locale.ROOT).contains("/" + schemaSegment + "/");
    }

    /** The kind a schema URL names, or {@code null} when it names none of the four. */
    static ArtifactKind of(String dbtSchemaVersion) {
        for (ArtifactKind kind : values()) {
            if (kind.matches(dbtSchemaVersion)) {
                return kind;
            }
        }
        return null;
    }

    String label() {
        return label;
    }
}
