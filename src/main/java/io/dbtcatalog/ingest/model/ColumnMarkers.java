package io.dbtcatalog.ingest.model;

/**
 * What a consumer needs to know about a column's keys: its contract constraints as a compact JSON array
 * ({@code "[]"} when none) and whether it is unique, not null or (part of) the primary key, from the model's
 * contract constraints and from {@code unique} / {@code not_null} tests.
 */
public record ColumnMarkers(String constraintsJson, boolean unique, boolean notNull, boolean primaryKey) {

    /** No constraint, no marker. */
    public static final ColumnMarkers NONE = new ColumnMarkers("[]", false, false, false);

    public ColumnMarkers {
        constraintsJson = constraintsJson == null || constraintsJson.isBlank() ? "[]" : constraintsJson;
    }

    /** These markers plus the other's (constraints kept from this one unless it has none). */
    public ColumnMarkers or(boolean isUnique, boolean isNotNull, boolean isPrimaryKey) {
        return new ColumnMarkers(constraintsJson, unique || isUnique, notNull || isNotNull, primaryKey || isPrimaryKey);
    }
}
