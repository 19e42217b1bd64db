package io.dbtcatalog.ingest.lineage;

import io.dbtcatalog.ingest.lineage.Coverage.ReasonKind;
import io.dbtcatalog.ingest.lineage.StatementLineage.Origin;
import io.dbtcatalog.ingest.lineage.StatementLineage.OutputColumn;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.LateralSubSelect;
import net.sf.jsqlparser.statement.select.LateralView;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.TableFunction;
import net.sf.jsqlparser.statement.select.Values;

/**
 * Builds the scope of a plain select from its FROM item, joins and lateral views: CTEs, upstream nodes (resolved
 * through the context), subqueries and table functions such as {@code unnest} or {@code lateral flatten}, whose
 * columns derive from their arguments. Join conditions are ignored: they filter, they do not feed values.
 */
final class FromAnalyzer {

    private final QueryAnalyzer queries;
    private final AnalysisContext context;

    FromAnalyzer(QueryAnalyzer queries, AnalysisContext context) {
        this.queries = queries;
        this.context = context;
    }

    Scope scope(PlainSelect select, Scope outer, Ctes ctes) {
        List<ScopeRelation> relations = new ArrayList<>();
        if (select.getFromItem() != null) {
            add(select.getFromItem(), relations, outer, ctes);
        }
        joins(select.getJoins(), relations, outer, ctes);
        if (select.getLateralViews() != null) {
            for (LateralView view : select.getLateralViews()) {
                relations.add(lateralView(view, new Scope(outer, queries.dialect(), relations), ctes));
            }
        }
        return new Scope(outer, queries.dialect(), relations);
    }

    private void joins(List<Join> joins, List<ScopeRelation> relations, Scope outer, Ctes ctes) {
        for (Join join : joins == null ? List.<Join>of() : joins) {
            List<ScopeRelation> earlier = List.copyOf(relations);
            int first = relations.size();
            add(join.getRightItem(), relations, outer, ctes);
            Set<String> hidden = hiddenByJoin(join, earlier, relations.subList(first, relations.size()));
            if (!hidden.isEmpty() && relations.size() == first + 1) {
                relations.set(first, relations.get(first).hiding(hidden));
            }
        }
    }

    /** Columns a {@code *} shows once for a USING or NATURAL join: the shared ones, taken from the left. */
    private Set<String> hiddenByJoin(Join join, List<ScopeRelation> left, List<ScopeRelation> right) {
        Set<String> hidden = new HashSet<>();
        if (join.getUsingColumns() != null) {
            for (Column column : join.getUsingColumns()) {
                hidden.add(ScopeRelation.key(queries.storedName(column.getColumnName())));
            }
        } else if (join.isNatural() && right.size() == 1) {
            for (OutputColumn column : right.get(0).columns()) {
                String key = ScopeRelation.key(column.name());
                if (left.stream().anyMatch(relation -> relation.find(key).isPresent())) {
                    hidden.add(key);
                }
            }
        }
        return hidden;
    }

    private void add(FromItem item, List<ScopeRelation> relations, Scope outer, Ctes ctes) {
        if (item instanceof Table table) {
            relations.add(table(table, ctes));
        } else if (item instanceof ParenthesedSelect select) {
            Scope lateral = select instanceof LateralSubSelect ? new Scope(outer, queries.dialect(), relations) : outer;
            Derived derived = queries.renamed(queries.query(select, lateral, ctes), select.getAlias());
            relations.add(ScopeRelation.known(aliasName(select.getAlias()), derived));
        } else if (item instanceof ParenthesedFromItem parenthesed) {
            add(parenthesed.getFromItem(), relations, outer, ctes);
            joins(parenthesed.getJoins(), relations, outer, ctes);
        } else if (item instanceof TableFunction function) {
            Scope lateral = new Scope(outer, queries.dialect(), relations);
            List<Origin> origins =
                    ExpressionLineage.of(function.getFunction(), FlowKind.EXPRESSION, queries, lateral, ctes);
            List<Identifier> name = function.getAlias() == null
                    ? List.of(Identifier.of(function.getFunction().getName()))
                    : aliasName(function.getAlias());
            relations.add(ScopeRelation.opaque(name, origins));
        } else if (item instanceof Values values) {
            Derived derived = queries.renamed(queries.query(values, outer, ctes), values.getAlias());
            relations.add(ScopeRelation.known(aliasName(values.getAlias()), derived));
        } else {
            queries.issues().add(ReasonKind.UNSUPPORTED_CONSTRUCT, "FROM " + item);
            relations.add(ScopeRelation.unresolved(aliasName(item.getAlias())));
        }
    }

    private ScopeRelation table(Table table, Ctes ctes) {
        List<Identifier> parts = QueryAnalyzer.tableParts(table);
        List<Identifier> name = table.getAlias() == null ? parts : aliasName(table.getAlias());
        if (parts.size() == 1) {
            Optional<Derived> cte = ctes.get(parts.get(0));
            if (cte.isPresent()) {
                return ScopeRelation.known(name, queries.renamed(cte.get(), table.getAlias()));
            }
        }
        Optional<UpstreamRelation> upstream = context.relation(parts);
        if (upstream.isEmpty()) {
            queries.issues().add(ReasonKind.UNRESOLVED_RELATION, table.getFullyQualifiedName());
            return ScopeRelation.unresolved(name);
        }
        UpstreamRelation node = upstream.get();
        if (!node.columnsKnown()) {
            return ScopeRelation.node(name, node.nodeId());
        }
        List<OutputColumn> columns = node.columns().stream()
                .map(column -> new OutputColumn(column, List.of(new Origin(node.nodeId(), column, FlowKind.DIRECT))))
                .toList();
        return ScopeRelation.known(name, queries.renamed(Derived.closed(columns), table.getAlias()));
    }

    private ScopeRelation lateralView(LateralView view, Scope scope, Ctes ctes) {
        List<Origin> origins =
                ExpressionLineage.of(view.getGeneratorFunction(), FlowKind.EXPRESSION, queries, scope, ctes);
        return ScopeRelation.opaque(aliasName(view.getTableAlias()), origins);
    }

    private static List<Identifier> aliasName(Alias alias) {
        return alias == null || alias.getName() == null ? List.of() : Identifier.parse(alias.getName());
    }
}
