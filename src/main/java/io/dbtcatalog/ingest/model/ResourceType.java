package io.dbtcatalog.ingest.model;

import java.util.Locale;

/**
 * A dbt resource type as dbt spells it ({@code model}, {@code seed}, {@code unit_test}…). Kept as a value rather
 * than an enum so a resource type introduced by a future dbt version is stored verbatim instead of failing.
 */
public record ResourceType(String value) {

    public static final ResourceType MODEL = new ResourceType("model");
    public static final ResourceType SEED = new ResourceType("seed");
    public static final ResourceType SNAPSHOT = new ResourceType("snapshot");
    public static final ResourceType SOURCE = new ResourceType("source");
    public static final ResourceType TEST = new ResourceType("test");
    public static final ResourceType UNIT_TEST = new ResourceType("unit_test");
    public static final ResourceType ANALYSIS = new ResourceType("analysis");
    public static final ResourceType OPERATION = new ResourceType("operation");
    public static final ResourceType EXPOSURE = new ResourceType("exposure");
    public static final ResourceType METRIC = new ResourceType("metric");
    public static final ResourceType SEMANTIC_MODEL = new ResourceType("semantic_model");
    public static final ResourceType SAVED_QUERY = new ResourceType("saved_query");
    public static final ResourceType GROUP = new ResourceType("group");

    public ResourceType {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a resource type must not be empty");
        }
        value = value.trim().toLowerCase(Locale.ROOT);
    }

    public static ResourceType of(String value) {
        return new ResourceType(value);
    }

    /** True for data tests and unit tests, whose executions are test results rather than run results. */
    public boolean isTest() {
        return equals(TEST) || equals(UNIT_TEST);
    }

    @Override
    public String toString() {
        return value;
    }
}
