package io.dbtcatalog.ingest.config;

import io.dbtcatalog.ingest.source.scope.Scope;
import io.dbtcatalog.ingest.source.scope.ScopeRules;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rules of a source's {@code scope}: no blank pattern, and only resource types dbt knows (a misspelt type would
 * silently leave everything out, or nothing). Problems are keyed below {@code scope}, e.g.
 * {@code include.resource-types[1]}.
 */
final class ScopeCheck {

    /** dbt's resource types, as its artifacts spell them. */
    static final List<String> RESOURCE_TYPES = List.of(
            "model",
            "seed",
            "snapshot",
            "source",
            "test",
            "unit_test",
            "analysis",
            "operation",
            "sql_operation",
            "exposure",
            "metric",
            "semantic_model",
            "saved_query",
            "group",
            "function");

    private ScopeCheck() {}

    static Map<String, String> problems(Scope scope) {
        Map<String, String> problems = new LinkedHashMap<>();
        check("include", scope.include(), problems);
        check("exclude", scope.exclude(), problems);
        return problems;
    }

    private static void check(String side, ScopeRules rules, Map<String, String> problems) {
        for (ScopeRules.Entry entry : rules.entries()) {
            for (int i = 0; i < entry.values().size(); i++) {
                String value = entry.values().get(i);
                String key = side + "." + entry.key() + "[" + i + "]";
                if (value.isBlank()) {
                    problems.put(key, "must not be blank");
                } else if (entry.key().equals("resource-types")
                        && !RESOURCE_TYPES.contains(value.toLowerCase(Locale.ROOT))) {
                    problems.put(key, "'" + value + "' is not a dbt resource type; one of " + RESOURCE_TYPES);
                }
            }
        }
    }
}
