package io.dbtcatalog.ingest.lineage;

import io.dbtcatalog.ingest.lineage.Coverage.ReasonKind;
import io.dbtcatalog.ingest.lineage.StatementLineage.Origin;
import io.dbtcatalog.ingest.lineage.StatementLineage.OutputColumn;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.UnionOp;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.select.WithItem;

/**
 * Derives the output columns of query blocks: WITH items (dbt's inlined ephemeral models map back to their node),
 * plain selects, set operations (UNION branches merge by position) and VALUES. One instance per statement.
 */
final class QueryAnalyzer {

    static final String EPHEMERAL_PREFIX = "__dbt__cte__";

    private final AnalysisContext context;
    private final Issues issues;
    private final FromAnalyzer from;
    private final SelectList selectList;

    QueryAnalyzer(AnalysisContext context, Issues issues) {
        this.context = context;
        this.issues = issues;
        this.from = new FromAnalyzer(this, context);
        this.selectList = new SelectList(this);
    }

    Issues issues() {
        return issues;
    }

    Dialect dialect() {
        return context.dialect();
    }

    /** What a query derives; it may read {@code ctes} and, when correlated, the columns of {@code outer}. */
    Derived query(Select select, Scope outer, Ctes ctes) {
        Ctes visible = withItems(select.getWithItemsList(), outer, ctes);
        if (select instanceof PlainSelect plain) {
            return selectList.derive(plain, from.scope(plain, outer, visible), visible);
        }
        if (select instanceof SetOperationList set) {
            return setOperation(set, outer, visible);
        }
        if (select instanceof ParenthesedSelect parenthesed) {
            return query(parenthesed.getSelect(), outer, visible);
        }
        if (select instanceof Values values) {
            return Derived.closed(values(values));
        }
        issues.add(ReasonKind.UNSUPPORTED_CONSTRUCT, select.getClass().getSimpleName());
        return Derived.EMPTY;
    }

    private Ctes withItems(List<WithItem<?>> items, Scope outer, Ctes ctes) {
        Ctes visible = ctes;
        for (WithItem<?> item : items == null ? List.<WithItem<?>>of() : items) {
            Identifier name = Identifier.parse(item.getAliasName()).get(0);
            ParenthesedSelect body = item.getSelect();
            if (body == null) {
                issues.add(ReasonKind.UNSUPPORTED_CONSTRUCT, "WITH " + name.text() + " is not a query");
                continue;
            }
            if (item.isRecursive() && body.getSelect() instanceof SetOperationList set) {
                visible = visible.with(name, query(set.getSelects().get(0), outer, visible));
            }
            Ctes earlier = visible;
            Derived derived = ephemeral(name, body, outer, earlier).orElseGet(() -> query(body, outer, earlier));
            List<String> aliases = item.getWithItemList() == null
                    ? List.of()
                    : item.getWithItemList().stream().map(Object::toString).toList();
            visible = visible.with(name, derived.withColumns(renamed(derived.columns(), aliases)));
        }
        return visible;
    }

    /** A CTE dbt inlined for an ephemeral model: its columns come from that node, not from its body's inputs. */
    private Optional<Derived> ephemeral(Identifier name, Select body, Scope outer, Ctes ctes) {
        if (!name.key().startsWith(EPHEMERAL_PREFIX)) {
            return Optional.empty();
        }
        return context.ephemeral(name.text()).map(node -> {
            Derived inlined = new QueryAnalyzer(context, new Issues()).query(body, outer, ctes);
            List<String> names =
                    inlined.columns().stream().map(OutputColumn::name).toList();
            if (!inlined.open().isEmpty() && node.columnsKnown()) {
                names = node.columns();
            } else if (!inlined.open().isEmpty()) {
                return Derived.closed(List.of()).withOpen(ScopeRelation.node(List.of(name), node.nodeId()));
            }
            return Derived.closed(names.stream()
                    .map(column ->
                            new OutputColumn(column, List.of(new Origin(node.nodeId(), column, FlowKind.DIRECT))))
                    .toList());
        });
    }

    private Derived setOperation(SetOperationList set, Scope outer, Ctes ctes) {
        List<Select> selects = set.getSelects();
        Derived first = query(selects.get(0), outer, ctes);
        List<Set<Origin>> merged = new ArrayList<>();
        first.columns().forEach(column -> merged.add(new LinkedHashSet<>(column.origins())));
        for (int i = 1; i < selects.size(); i++) {
            Derived branch = query(selects.get(i), outer, ctes);
            if (!(set.getOperations().get(i - 1) instanceof UnionOp)) {
                continue;
            }
            if (branch.openHasLineage() || first.openHasLineage()) {
                issues.add(
                        ReasonKind.UNKNOWN_SCHEMA,
                        "set operation over "
                                + String.join(", ", branch.open().isEmpty() ? first.openNames() : branch.openNames()));
            } else if (branch.open().isEmpty()
                    && first.open().isEmpty()
                    && branch.columns().size() != first.columns().size()) {
                issues.add(
                        ReasonKind.UNSUPPORTED_CONSTRUCT,
                        "set operation branches of " + first.columns().size() + " and "
                                + branch.columns().size() + " columns");
            }
            for (int c = 0; c < Math.min(merged.size(), branch.columns().size()); c++) {
                merged.get(c).addAll(branch.columns().get(c).origins());
            }
        }
        List<OutputColumn> columns = new ArrayList<>();
        for (int c = 0; c < merged.size(); c++) {
            columns.add(new OutputColumn(first.columns().get(c).name(), List.copyOf(merged.get(c))));
        }
        return first.withColumns(columns);
    }

    private static List<OutputColumn> values(Values values) {
        Expression firstRow = values.getExpressions().isEmpty()
                ? null
                : values.getExpressions().get(0);
        int width = firstRow instanceof List<?> row
                ? row.size()
                : values.getExpressions().size();
        List<OutputColumn> columns = new ArrayList<>();
        for (int c = 1; c <= width; c++) {
            columns.add(new OutputColumn("column" + c, List.of()));
        }
        return columns;
    }

    /** Columns renamed by position, as by {@code name(a, b)} after a CTE or {@code alias(a, b)} after FROM. */
    List<OutputColumn> renamed(List<OutputColumn> columns, List<String> names) {
        if (names.isEmpty()) {
            return columns;
        }
        List<OutputColumn> renamed = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            String name =
                    c < names.size() ? storedName(names.get(c)) : columns.get(c).name();
            renamed.add(new OutputColumn(name, columns.get(c).origins()));
        }
        return renamed;
    }

    Derived renamed(Derived derived, Alias alias) {
        if (alias == null || alias.getAliasColumns() == null) {
            return derived;
        }
        return derived.withColumns(renamed(
                derived.columns(),
                alias.getAliasColumns().stream().map(column -> column.name).toList()));
    }

    /** The stored name of a raw (possibly quoted) identifier in this dialect. */
    String storedName(String raw) {
        List<Identifier> parts = Identifier.parse(raw);
        return parts.get(parts.size() - 1).storedName(dialect());
    }

    static List<Identifier> columnParts(Column column) {
        List<Identifier> parts = new ArrayList<>(tableParts(column.getTable()));
        parts.addAll(Identifier.parse(column.getColumnName()));
        return parts;
    }

    static List<Identifier> tableParts(Table table) {
        List<Identifier> parts = new ArrayList<>();
        if (table == null || table.getName() == null) {
            return parts;
        }
        for (String raw : new String[] {table.getDatabaseName(), table.getSchemaName(), table.getName()}) {
            if (raw != null && !raw.isEmpty()) {
                parts.addAll(Identifier.parse(raw));
            }
        }
        return parts;
    }
}
