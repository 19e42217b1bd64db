package io.dbtcatalog.ingest.model;

/** How a test is defined: a generic (schema) test, a singular SQL test, or a dbt unit test. */
public enum TestKind {
    GENERIC,
    SINGULAR,
    UNIT;

    /** The lower-case spelling stored in the catalog. */
    public String dbValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
