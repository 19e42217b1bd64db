package io.dbtcatalog.ingest.model;

import java.util.List;
import java.util.stream.IntStream;

/**
 * What a consumer needs to know about a column's keys: its contract constraints as a compact JSON array
 * ({@code "[]"} when none) and whether it is unique, not null or (part of) the primary key, from the model's
 * contract constraints and from {@code unique} / {@code not_null} tests.
 */
public record ColumnMarkers(String constraintsJson, boolean unique, boolean notNull, boolean primaryKey) {

    /** No constraint, no marker. */
    public static final ColumnMarkers NONE = new ColumnMarkers("[]", false, false, false);

    /** The eight markers without constraints, shared: most columns of a project have one of them. */
    private static final List<ColumnMarkers> WITHOUT_CONSTRAINTS = IntStream.range(0, 8)
            .mapToObj(bits ->
                    bits == 0 ? NONE : new ColumnMarkers("[]", (bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0))
            .toList();

    public ColumnMarkers {
        constraintsJson = constraintsJson == null || constraintsJson.isBlank() ? "[]" : constraintsJson;
    }

    /** Markers with these values; one shared instance for each combination without constraints. */
    public static ColumnMarkers of(String constraintsJson, boolean unique, boolean notNull, boolean primaryKey) {
        return constraintsJson == null || constraintsJson.isBlank() || constraintsJson.equals("[]")
                ? WITHOUT_CONSTRAINTS.get((unique ? 1 : 0) | (notNull ? 2 : 0) | (primaryKey ? 4 : 0))
                : new ColumnMarkers(constraintsJson, unique, notNull, primaryKey);
    }

    /** These markers plus the other's (constraints kept from this one unless it has none). */
    public ColumnMarkers or(boolean isUnique, boolean isNotNull, boolean isPrimaryKey) {
        return of(constraintsJson, unique || isUnique, notNull || isNotNull, primaryKey || isPrimaryKey);
    }
}
