package io.dbtcatalog.ingest.lineage;

import io.dbtcatalog.ingest.lineage.StatementLineage.Origin;
import io.dbtcatalog.ingest.lineage.StatementLineage.OutputColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The relations one query block reads (its FROM and JOINs) and the output columns selected so far, inside the
 * scope of an enclosing query for correlated subqueries. Resolves a column reference to its origins.
 */
final class Scope {

    private final Scope outer;
    private final Dialect dialect;
    private final List<ScopeRelation> relations;
    private final List<OutputColumn> selected = new ArrayList<>();

    Scope(Scope outer, Dialect dialect, List<ScopeRelation> relations) {
        this.outer = outer;
        this.dialect = dialect;
        this.relations = List.copyOf(relations);
    }

    List<ScopeRelation> relations() {
        return relations;
    }

    Dialect dialect() {
        return dialect;
    }

    /** Records an output column, which later items of the same select list may name (a lateral alias). */
    void selected(OutputColumn column) {
        selected.add(column);
    }

    /** The relation of this block a qualifier such as {@code o} or {@code schema.orders} names. */
    Optional<ScopeRelation> relation(List<Identifier> qualifier) {
        return relations.stream()
                .filter(relation -> relation.answersTo(qualifier))
                .findFirst();
    }

    /** The origins of a column reference ({@code a}, {@code t.a}, {@code s.t.a}, {@code t.a.field}). */
    Optional<List<Origin>> resolve(List<Identifier> parts) {
        for (Scope scope = this; scope != null; scope = scope.outer) {
            Optional<List<Origin>> found = scope.resolveHere(parts);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private Optional<List<Origin>> resolveHere(List<Identifier> parts) {
        if (parts.size() > 1) {
            Optional<List<Origin>> qualified = qualified(parts);
            if (qualified.isPresent()) {
                return qualified;
            }
        }
        Optional<List<Origin>> bare = bare(parts.get(0));
        return parts.size() > 1 ? bare.map(Scope::field) : bare;
    }

    private Optional<List<Origin>> qualified(List<Identifier> parts) {
        for (int split = parts.size() - 1; split >= 1; split--) {
            Optional<ScopeRelation> relation = relation(parts.subList(0, split));
            if (relation.isPresent()) {
                Optional<List<Origin>> origins = relation.get().column(parts.get(split), dialect);
                return split < parts.size() - 1 ? origins.map(Scope::field) : origins;
            }
        }
        return Optional.empty();
    }

    private Optional<List<Origin>> bare(Identifier name) {
        for (ScopeRelation relation : relations) {
            Optional<OutputColumn> listed = relation.find(name.key());
            if (listed.isPresent()) {
                return Optional.of(listed.get().origins());
            }
        }
        Optional<OutputColumn> alias = selected.stream()
                .filter(column -> ScopeRelation.key(column.name()).equals(name.key()))
                .findFirst();
        if (alias.isPresent()) {
            return Optional.of(alias.get().origins());
        }
        Optional<ScopeRelation> named =
                relation(List.of(name)).filter(relation -> relation.shape() == ScopeRelation.Shape.OPAQUE);
        if (named.isPresent()) {
            return Optional.of(named.get().opaqueOrigins());
        }
        List<ScopeRelation> unknown =
                relations.stream().filter(relation -> !relation.closed()).toList();
        return unknown.size() == 1 ? unknown.get(0).column(name, dialect) : Optional.empty();
    }

    private static List<Origin> field(List<Origin> origins) {
        return origins.stream().map(origin -> origin.then(FlowKind.EXPRESSION)).toList();
    }
}
