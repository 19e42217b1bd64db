package io.dbtcatalog.ingest.lineage;

import io.dbtcatalog.ingest.lineage.Coverage.ReasonKind;
import io.dbtcatalog.ingest.lineage.StatementLineage.Origin;
import io.dbtcatalog.ingest.lineage.StatementLineage.OutputColumn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * The output columns of one select list: {@code *} and {@code t.*} expanded from the schemas in scope (with
 * EXCLUDE/EXCEPT and REPLACE), every other item named by its alias, its column, or the dialect's generated name.
 */
final class SelectList {

    private final QueryAnalyzer queries;

    SelectList(QueryAnalyzer queries) {
        this.queries = queries;
    }

    Derived derive(PlainSelect select, Scope scope, Ctes ctes) {
        List<OutputColumn> columns = new ArrayList<>();
        List<ScopeRelation> open = new ArrayList<>();
        for (SelectItem<?> item : select.getSelectItems()) {
            Expression expression = item.getExpression();
            if (expression instanceof AllColumns all) {
                List<ScopeRelation> relations =
                        all instanceof AllTableColumns table ? relationOf(table, scope) : scope.relations();
                Derived star = star(relations, all, scope, ctes);
                columns.addAll(star.columns());
                open.addAll(star.open());
            } else {
                List<Origin> origins = ExpressionLineage.of(expression, queries, scope, ctes);
                OutputColumn column = new OutputColumn(name(item, columns.size()), origins);
                columns.add(column);
                scope.selected(column);
            }
        }
        return new Derived(columns, open);
    }

    private List<ScopeRelation> relationOf(AllTableColumns table, Scope scope) {
        List<Identifier> qualifier = QueryAnalyzer.tableParts(table.getTable());
        Optional<ScopeRelation> relation = scope.relation(qualifier);
        if (relation.isEmpty()) {
            queries.issues().add(ReasonKind.UNRESOLVED_COLUMN, table.toString());
        }
        return relation.stream().toList();
    }

    private Derived star(List<ScopeRelation> relations, AllColumns all, Scope scope, Ctes ctes) {
        Set<String> excluded = new HashSet<>();
        if (all.getExceptColumns() != null) {
            for (Column column : all.getExceptColumns()) {
                excluded.add(key(queries.storedName(column.getColumnName())));
            }
        }
        Map<String, List<Origin>> replaced = new HashMap<>();
        if (all.getReplaceExpressions() != null) {
            for (SelectItem<?> item : all.getReplaceExpressions()) {
                replaced.put(key(name(item, 0)), ExpressionLineage.of(item.getExpression(), queries, scope, ctes));
            }
        }
        List<OutputColumn> columns = new ArrayList<>();
        List<ScopeRelation> open = new ArrayList<>();
        for (ScopeRelation relation : relations) {
            Derived star = relation.star();
            for (OutputColumn column : star.columns()) {
                String key = key(column.name());
                if (!excluded.contains(key)) {
                    columns.add(new OutputColumn(column.name(), replaced.getOrDefault(key, column.origins())));
                }
            }
            open.addAll(star.open());
        }
        return new Derived(columns, open);
    }

    /** The alias, else the column's own name, else the name the dialect generates for an expression. */
    private String name(SelectItem<?> item, int position) {
        if (item.getAlias() != null) {
            return queries.storedName(item.getAlias().getName());
        }
        Expression expression = ExpressionLineage.unwrap(item.getExpression());
        if (expression instanceof Column column) {
            return queries.storedName(column.getColumnName());
        }
        return switch (queries.dialect()) {
            case POSTGRES, REDSHIFT ->
                expression instanceof Function function ? function.getName().toLowerCase(Locale.ROOT) : "?column?";
            case BIGQUERY -> "f" + position + "_";
            case SNOWFLAKE -> item.getExpression().toString().toUpperCase(Locale.ROOT);
            default -> item.getExpression().toString();
        };
    }

    private static String key(String name) {
        return ScopeRelation.key(name);
    }
}
