package io.dbtcatalog.ingest.lineage;

import io.dbtcatalog.ingest.lineage.Coverage.ReasonKind;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.parser.Token;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.view.CreateView;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.Select;

/**
 * The {@link SqlLineageAnalyzer} on JSqlParser: normalizes the SQL lexically ({@link SqlNormalizer}), parses it
 * as exactly one statement, unwraps {@code CREATE ... AS} and {@code INSERT ... SELECT}, and derives the lineage
 * of the query.
 */
public final class JsqlLineageAnalyzer implements SqlLineageAnalyzer {

    private static final long PARSE_TIMEOUT_MILLIS = 10_000;
    private static final int MESSAGE_LIMIT = 200;
    private static final ThreadFactory PARSER_THREADS = task -> {
        Thread thread = new Thread(task, "lineage-sql-parser");
        thread.setDaemon(true);
        return thread;
    };

    @Override
    public String version() {
        return "jsqlparser-5.3/lineage-1";
    }

    @Override
    public StatementLineage analyse(String sql, AnalysisContext context) {
        Select query = query(parse(SqlNormalizer.normalize(sql, context.dialect())));
        Issues issues = new Issues();
        if (query == null) {
            issues.add(ReasonKind.UNSUPPORTED_STATEMENT, "not a query");
            return new StatementLineage(List.of(), issues.list());
        }
        Derived derived = new QueryAnalyzer(context, issues).query(query, null, Ctes.NONE)
                .completedBy(context.modelColumns(), context.dialect());
        derived.openNames().forEach(name -> issues.add(ReasonKind.UNKNOWN_SCHEMA, "* over " + name));
        return new StatementLineage(derived.columns(), issues.list());
    }

    /**
     * Parses on a thread of its own, as JSqlParser does to enforce its timeout; the executor is always shut down
     * here (JSqlParser's own convenience method leaks its thread when the parse fails).
     */
    private static Statement parse(String sql) {
        ExecutorService executor = Executors.newSingleThreadExecutor(PARSER_THREADS);
        Statements statements;
        try {
            statements = CCJSqlParserUtil.parseStatements(sql, executor,
                    parser -> parser.withTimeOut(PARSE_TIMEOUT_MILLIS).withAllowComplexParsing(true));
        } catch (JSQLParserException e) {
            throw failure(e);
        } finally {
            executor.shutdownNow();
        }
        if (statements == null || statements.size() != 1) {
            int count = statements == null ? 0 : statements.size();
            throw new LineageParseException(0, 0, "expected one statement, found " + count, null);
        }
        return statements.get(0);
    }

    private static Select query(Statement statement) {
        if (statement instanceof Select select) {
            return select;
        }
        if (statement instanceof CreateTable create) {
            return create.getSelect();
        }
        if (statement instanceof CreateView create) {
            return create.getSelect();
        }
        if (statement instanceof Insert insert) {
            return insert.getSelect();
        }
        return null;
    }

    private static LineageParseException failure(JSQLParserException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ParseException parse && parse.currentToken != null) {
                Token at = parse.currentToken.next == null ? parse.currentToken : parse.currentToken.next;
                return new LineageParseException(at.beginLine, at.beginColumn, firstLine(parse.getMessage()), e);
            }
        }
        return new LineageParseException(0, 0, firstLine(e.getMessage()), e);
    }

    private static String firstLine(String message) {
        String line = message == null ? "parse failed" : message.strip().split("\n", 2)[0];
        return line.length() > MESSAGE_LIMIT ? line.substring(0, MESSAGE_LIMIT) : line;
    }
}
