package io.dbtcatalog.ingest.lineage;

import io.dbtcatalog.ingest.lineage.StatementLineage.Origin;
import io.dbtcatalog.ingest.lineage.StatementLineage.OutputColumn;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The output of a query block: its known columns, plus the relations whose columns a {@code *} could not list
 * (their schema is unknown). A column the block does not list is taken from that open tail when it has exactly
 * one relation; the model's output is incomplete only if an open tail reaches it.
 */
record Derived(List<OutputColumn> columns, List<ScopeRelation> open) {

    static final Derived EMPTY = new Derived(List.of(), List.of());

    Derived {
        columns = List.copyOf(columns);
        open = List.copyOf(open);
    }

    static Derived closed(List<OutputColumn> columns) {
        return new Derived(columns, List.of());
    }

    Derived withColumns(List<OutputColumn> renamed) {
        return new Derived(renamed, open);
    }

    Derived withOpen(ScopeRelation relation) {
        List<ScopeRelation> more = new ArrayList<>(open);
        more.add(relation);
        return new Derived(columns, more);
    }

    /**
     * The output completed from the columns the warehouse reports for it: a column not listed is taken from the
     * open tail, when the tail is a single relation. Unchanged when that is not possible, or when the warehouse
     * lacks a listed column (its schema is older than the SQL).
     */
    Derived completedBy(List<String> warehouseColumns, Dialect dialect) {
        Set<String> reported = new HashSet<>();
        warehouseColumns.forEach(name -> reported.add(ScopeRelation.key(name)));
        if (open.size() != 1
                || warehouseColumns.isEmpty()
                || !columns.stream().allMatch(column -> reported.contains(ScopeRelation.key(column.name())))) {
            return this;
        }
        List<OutputColumn> completed = new ArrayList<>();
        for (String name : warehouseColumns) {
            String key = ScopeRelation.key(name);
            Optional<OutputColumn> listed = columns.stream()
                    .filter(column -> ScopeRelation.key(column.name()).equals(key))
                    .findFirst();
            Optional<List<Origin>> origins =
                    listed.map(OutputColumn::origins).or(() -> open.get(0).column(new Identifier(name, true), dialect));
            if (origins.isEmpty()) {
                return this;
            }
            completed.add(new OutputColumn(name, origins.get()));
        }
        return closed(completed);
    }

    /** Whether a column of the open tail could have an upstream (table functions over literals have none). */
    boolean openHasLineage() {
        return open.stream()
                .anyMatch(relation -> relation.shape() != ScopeRelation.Shape.OPAQUE
                        || !relation.opaqueOrigins().isEmpty()
                        || new Derived(List.of(), relation.open()).openHasLineage());
    }

    /** The relations of unknown schema at the end of every open tail, for reasons. */
    List<String> openNames() {
        List<String> names = new ArrayList<>();
        for (ScopeRelation relation : open) {
            if (relation.open().isEmpty()) {
                names.add(relation.displayName());
            } else {
                names.addAll(new Derived(List.of(), relation.open()).openNames());
            }
        }
        return names;
    }
}
