package io.dbtcatalog.ingest.lineage;

import io.dbtcatalog.ingest.lineage.StatementLineage.Origin;
import io.dbtcatalog.ingest.lineage.StatementLineage.OutputColumn;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One relation in a FROM clause, under the name a query refers to it by (its alias, else its table name parts).
 * {@link Shape#KNOWN}: its columns are known, except those of an open tail (see {@link Derived}); {@link
 * Shape#NODE}: a node whose columns are unknown, any column
 * name is taken as one of its columns; {@link Shape#OPAQUE}: a table function, whose every column derives from
 * its arguments; {@link Shape#UNRESOLVED}: matches no node, so its columns have no known origin.
 */
record ScopeRelation(
        List<Identifier> name,
        Shape shape,
        List<OutputColumn> columns,
        List<ScopeRelation> open,
        String nodeId,
        List<Origin> opaqueOrigins,
        Set<String> hiddenFromStar) {

    enum Shape {
        KNOWN,
        NODE,
        OPAQUE,
        UNRESOLVED
    }

    ScopeRelation {
        name = List.copyOf(name);
        columns = List.copyOf(columns);
        open = List.copyOf(open);
        opaqueOrigins = List.copyOf(opaqueOrigins);
        hiddenFromStar = Set.copyOf(hiddenFromStar);
    }

    static ScopeRelation known(List<Identifier> name, List<OutputColumn> columns) {
        return known(name, Derived.closed(columns));
    }

    static ScopeRelation known(List<Identifier> name, Derived derived) {
        return new ScopeRelation(name, Shape.KNOWN, derived.columns(), derived.open(), null, List.of(), Set.of());
    }

    static ScopeRelation node(List<Identifier> name, String nodeId) {
        return new ScopeRelation(name, Shape.NODE, List.of(), List.of(), nodeId, List.of(), Set.of());
    }

    static ScopeRelation opaque(List<Identifier> name, List<Origin> origins) {
        return new ScopeRelation(name, Shape.OPAQUE, List.of(), List.of(), null, origins, Set.of());
    }

    static ScopeRelation unresolved(List<Identifier> name) {
        return new ScopeRelation(name, Shape.UNRESOLVED, List.of(), List.of(), null, List.of(), Set.of());
    }

    ScopeRelation hiding(Set<String> columnKeys) {
        return new ScopeRelation(name, shape, columns, open, nodeId, opaqueOrigins, columnKeys);
    }

    /** Whether the query refers to this relation as {@code qualifier} (a suffix of its name, any case). */
    boolean answersTo(List<Identifier> qualifier) {
        if (qualifier.size() > name.size()) {
            return false;
        }
        int offset = name.size() - qualifier.size();
        for (int i = 0; i < qualifier.size(); i++) {
            if (!name.get(offset + i).key().equals(qualifier.get(i).key())) {
                return false;
            }
        }
        return true;
    }

    /** The origins of a column of this relation; empty when a relation of known columns has no such column. */
    Optional<List<Origin>> column(Identifier column, Dialect dialect) {
        return switch (shape) {
            case KNOWN ->
                find(column.key())
                        .map(OutputColumn::origins)
                        .or(() -> open.size() == 1 ? open.get(0).column(column, dialect) : Optional.empty());
            case NODE -> Optional.of(List.of(new Origin(nodeId, column.storedName(dialect), FlowKind.DIRECT)));
            case OPAQUE -> Optional.of(opaqueOrigins);
            case UNRESOLVED -> Optional.of(List.of());
        };
    }

    /** Whether every column of this relation is known. */
    boolean closed() {
        return shape == Shape.KNOWN && open.isEmpty();
    }

    /**
     * What a {@code *} over this relation yields: its known columns (USING columns of a join once, from the
     * left) and, as an open tail, what remains unknown.
     */
    Derived star() {
        if (shape != Shape.KNOWN) {
            return new Derived(List.of(), List.of(this));
        }
        return new Derived(
                columns.stream()
                        .filter(column -> !hiddenFromStar.contains(key(column.name())))
                        .toList(),
                open);
    }

    Optional<OutputColumn> find(String key) {
        return columns.stream().filter(column -> key(column.name()).equals(key)).findFirst();
    }

    String displayName() {
        return String.join(".", name.stream().map(Identifier::text).toList());
    }

    static String key(String columnName) {
        return columnName.toLowerCase(Locale.ROOT);
    }
}
