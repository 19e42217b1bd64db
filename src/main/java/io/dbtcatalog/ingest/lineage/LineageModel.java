package io.dbtcatalog.ingest.lineage;

import io.dbtcatalog.ingest.model.TextValue;
import java.util.List;
import java.util.Locale;

/**
 * One model to analyse: its unique id and name, the relation it builds, its materialization, its language and
 * its compiled SQL ({@code compiled_code}, or {@code compiled_sql} in older manifests; null when the run only
 * parsed), plus the unique ids it depends on, which set the analysis order. The SQL is a {@link TextValue}: read
 * from where the snapshot keeps it each time it is analysed or fingerprinted, so a project's SQL is not all on the
 * heap at once.
 */
public record LineageModel(
        String uniqueId,
        String name,
        RelationName relation,
        String materialization,
        String language,
        List<String> dependsOn,
        TextValue compiledSqlText) {

    public LineageModel {
        if (uniqueId == null || uniqueId.isEmpty() || name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a model needs its unique id and name");
        }
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    }

    /** A model whose compiled SQL is held in memory. */
    public LineageModel(
            String uniqueId,
            String name,
            RelationName relation,
            String materialization,
            String language,
            String compiledSql,
            List<String> dependsOn) {
        this(uniqueId, name, relation, materialization, language, dependsOn, TextValue.of(compiledSql));
    }

    /** The compiled SQL, or null when the run only parsed. */
    public String compiledSql() {
        return TextValue.valueOf(compiledSqlText);
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
