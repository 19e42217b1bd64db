package io.dbtcatalog.ingest.model;

/**
 * The definition of one data test or unit test: which test it runs ({@code testName}, e.g. {@code not_null}),
 * the node and column it is attached to, its severity and its keyword arguments as compact JSON.
 */
public record TestDefinition(
        NodeId id,
        String testName,
        TestKind kind,
        NodeId attachedNode,
        String columnName,
        String severity,
        String kwargsJson) {

    public TestDefinition {
        if (id == null || kind == null) {
            throw new IllegalArgumentException("a test definition needs its id and kind");
        }
        kwargsJson = kwargsJson == null || kwargsJson.isBlank() ? "{}" : kwargsJson;
    }
}
