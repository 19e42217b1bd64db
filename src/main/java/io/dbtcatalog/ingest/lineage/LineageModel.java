package io.dbtcatalog.ingest.lineage;

import java.util.List;
import java.util.Locale;

/**
 * One model to analyse: its unique id and name, the relation it builds, its materialization, its language and
 * its compiled SQL ({@code compiled_code}, or {@code compiled_sql} in older manifests; null when the run only
 * parsed), plus the unique ids it depends on, which set the analysis order.
 */
public record LineageModel(
        String uniqueId,
        String name,
        RelationName relation,
        String materialization,
        String language,
        String compiledSql,
        List<String> dependsOn) {

    public LineageModel {
        if (uniqueId == null || uniqueId.isEmpty() || name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a model needs its unique id and name");
        }
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    }

    /** Whether dbt inlines this model into its children as a CTE instead of building a relation. */
    public boolean ephemeral() {
        return "ephemeral".equalsIgnoreCase(materialization);
    }

    /** Whether this is a Python model (no SQL to analyse). */
    public boolean python() {
        return language != null && "python".equals(language.toLowerCase(Locale.ROOT));
    }
}
