package io.dbtcatalog.ingest.lineage;

import io.dbtcatalog.ingest.lineage.Coverage.ReasonKind;
import io.dbtcatalog.ingest.lineage.StatementLineage.Origin;
import io.dbtcatalog.ingest.lineage.StatementLineage.OutputColumn;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.CaseExpression;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LambdaExpression;
import net.sf.jsqlparser.expression.WhenClause;
import net.sf.jsqlparser.expression.WindowDefinition;
import net.sf.jsqlparser.expression.operators.relational.ExistsExpression;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.Select;

/**
 * Collects the origins of one expression, each with the kind of the step it takes here: the visitor's context is
 * the {@link FlowKind} of the enclosing construct (aggregate, window, CASE value or condition, expression).
 */
final class ExpressionLineage extends ExpressionVisitorAdapter<Void> {

    private final QueryAnalyzer queries;
    private final Scope scope;
    private final Ctes ctes;
    private final Set<Origin> origins = new LinkedHashSet<>();
    private final Set<String> lambdaNames = new HashSet<>();

    private ExpressionLineage(QueryAnalyzer queries, Scope scope, Ctes ctes) {
        this.queries = queries;
        this.scope = scope;
        this.ctes = ctes;
    }

    /** The origins of a select item: DIRECT when it is a column (cast or not), else by what computes it. */
    static List<Origin> of(Expression expression, QueryAnalyzer queries, Scope scope, Ctes ctes) {
        FlowKind start = unwrap(expression) instanceof Column ? FlowKind.DIRECT : FlowKind.EXPRESSION;
        return of(expression, start, queries, scope, ctes);
    }

    static List<Origin> of(Expression expression, FlowKind start, QueryAnalyzer queries, Scope scope, Ctes ctes) {
        ExpressionLineage lineage = new ExpressionLineage(queries, scope, ctes);
        expression.accept(lineage, start);
        return List.copyOf(lineage.origins);
    }

    /** The expression under casts and single parentheses. */
    static Expression unwrap(Expression expression) {
        Expression current = expression;
        while (true) {
            if (current instanceof CastExpression cast && cast.getLeftExpression() != null) {
                current = cast.getLeftExpression();
            } else if (current instanceof ParenthesedExpressionList<?> list && list.size() == 1) {
                current = list.get(0);
            } else {
                return current;
            }
        }
    }

    @Override
    public <S> Void visit(Column column, S context) {
        List<Identifier> parts = QueryAnalyzer.columnParts(column);
        if (parts.size() == 1 && lambdaNames.contains(parts.get(0).key())) {
            return null;
        }
        scope.resolve(parts)
                .ifPresentOrElse(
                        found -> found.forEach(origin -> origins.add(origin.then(kind(context)))),
                        () -> unresolved(column, parts));
        return null;
    }

    private void unresolved(Column column, List<Identifier> parts) {
        String raw = column.getColumnName();
        boolean literal = parts.size() == 1
                && (SqlWords.notAColumn(parts.get(0).text())
                        || scope.dialect().doubleQuotesAreStrings() && raw.startsWith("\""));
        if (!literal) {
            queries.issues().add(ReasonKind.UNRESOLVED_COLUMN, column.getFullyQualifiedName());
        }
    }

    @Override
    public <S> Void visit(Function function, S context) {
        FlowKind step =
                kind(context).then(SqlWords.aggregate(function.getName()) ? FlowKind.AGGREGATE : FlowKind.EXPRESSION);
        visitAll(function.getParameters(), step);
        visitAll(function.getNamedParameters(), step);
        return null;
    }

    @Override
    public <S> Void visit(AnalyticExpression analytic, S context) {
        FlowKind value = kind(context).then(FlowKind.WINDOW);
        for (Expression argument :
                new Expression[] {analytic.getExpression(), analytic.getOffset(), analytic.getDefaultValue()}) {
            if (argument != null) {
                argument.accept(this, value);
            }
        }
        WindowDefinition window = analytic.getWindowDefinition();
        if (window != null) {
            FlowKind key = kind(context).then(FlowKind.WINDOW_KEY);
            visitAll(window.getPartitionExpressionList(), key);
            visitOrderBy(window.getOrderByElements(), key);
        }
        return null;
    }

    @Override
    public <S> Void visit(CaseExpression caseExpression, S context) {
        FlowKind condition = kind(context).then(FlowKind.CASE_CONDITION);
        FlowKind value = kind(context).then(FlowKind.CASE);
        if (caseExpression.getSwitchExpression() != null) {
            caseExpression.getSwitchExpression().accept(this, condition);
        }
        for (WhenClause when : caseExpression.getWhenClauses()) {
            when.getWhenExpression().accept(this, condition);
            when.getThenExpression().accept(this, value);
        }
        if (caseExpression.getElseExpression() != null) {
            caseExpression.getElseExpression().accept(this, value);
        }
        return null;
    }

    @Override
    public <S> Void visit(ParenthesedSelect select, S context) {
        return visit((Select) select, context);
    }

    @Override
    public <S> Void visit(Select select, S context) {
        FlowKind step = kind(context).then(FlowKind.EXPRESSION);
        for (OutputColumn column : queries.query(select, scope, ctes).columns()) {
            column.origins().forEach(origin -> origins.add(origin.then(step)));
        }
        return null;
    }

    @Override
    public <S> Void visit(ExistsExpression exists, S context) {
        return null;
    }

    @Override
    public <S> Void visit(InExpression in, S context) {
        in.getLeftExpression().accept(this, context);
        return null;
    }

    @Override
    public <S> Void visit(LambdaExpression lambda, S context) {
        for (String name : lambda.getIdentifiers()) {
            lambdaNames.add(name.toLowerCase(Locale.ROOT));
        }
        return lambda.getExpression().accept(this, context);
    }

    private void visitAll(ExpressionList<?> expressions, FlowKind kind) {
        if (expressions != null) {
            new ArrayList<Expression>(expressions).forEach(expression -> expression.accept(this, kind));
        }
    }

    private void visitOrderBy(List<OrderByElement> elements, FlowKind kind) {
        if (elements != null) {
            elements.forEach(element -> element.getExpression().accept(this, kind));
        }
    }

    private static FlowKind kind(Object context) {
        return context instanceof FlowKind kind ? kind : FlowKind.EXPRESSION;
    }
}
