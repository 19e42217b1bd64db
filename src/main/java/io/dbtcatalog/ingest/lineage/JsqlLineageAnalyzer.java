package io.dbtcatalog.ingest.lineage;

import io.dbtcatalog.ingest.lineage.Coverage.ReasonKind;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.parser.Token;
import net.sf.jsqlparser.parser.TokenMgrException;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.view.CreateView;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.Select;

/**
 * The {@link SqlLineageAnalyzer} on JSqlParser: normalizes the SQL lexically ({@link SqlNormalizer}), parses it
 * as exactly one statement, unwraps {@code CREATE ... AS} and {@code INSERT ... SELECT}, and derives the lineage
 * of the query. Stateless and safe to share between threads; {@link #prepare} (normalizing and parsing, most of the
 * work) may run on another thread than the analysis.
 */
public final class JsqlLineageAnalyzer implements SqlLineageAnalyzer {

    private static final long PARSE_TIMEOUT_MILLIS = 10_000;
    private static final int MESSAGE_LIMIT = 200;
    private static final Pattern LEXICAL_POSITION = Pattern.compile("line (\\d+), column (\\d+)");
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
        return analyse(prepare(sql, context.dialect()), context);
    }

    /** Normalizes and parses {@code sql}; what fails is kept for {@link #analyse(Prepared, AnalysisContext)}. */
    @Override
    public Prepared prepare(String sql, Dialect dialect) {
        try {
            return new Parsed(sql, parse(SqlNormalizer.normalize(sql, dialect)), null, null);
        } catch (RuntimeException e) {
            return new Parsed(sql, null, e, null);
        } catch (StackOverflowError e) {
            return new Parsed(sql, null, null, e);
        }
    }

    @Override
    public StatementLineage analyse(Prepared prepared, AnalysisContext context) {
        if (!(prepared instanceof Parsed parsed)) {
            return analyse(prepared.sql(), context);
        }
        Select query = query(parsed.statement());
        Issues issues = new Issues();
        if (query == null) {
            issues.add(ReasonKind.UNSUPPORTED_STATEMENT, "not a query");
            return new StatementLineage(List.of(), issues.list());
        }
        Derived derived = new QueryAnalyzer(context, issues)
                .query(query, null, Ctes.NONE)
                .completedBy(context.modelColumns(), context.dialect());
        derived.openNames().forEach(name -> issues.add(ReasonKind.UNKNOWN_SCHEMA, "* over " + name));
        return new StatementLineage(derived.columns(), issues.list());
    }

    /**
     * Parses with JSqlParser's fast grammar on the calling thread; only what that rejects is retried with the
     * complex grammar, whose backtracking can explode, on a thread of its own under a timeout.
     */
    private static Statement parse(String sql) {
        Statements statements;
        try {
            statements = CCJSqlParserUtil.newParser(sql)
                    .withAllowComplexParsing(false)
                    .Statements();
        } catch (ParseException | TokenMgrException simpleGrammarFailed) {
            statements = parseComplex(sql);
        }
        if (statements == null || statements.size() != 1) {
            int count = statements == null ? 0 : statements.size();
            throw new LineageParseException(0, 0, "expected one statement, found " + count, null);
        }
        return statements.get(0);
    }

    /** The executor is always shut down here (JSqlParser's own convenience method leaks it when a parse fails). */
    private static Statements parseComplex(String sql) {
        ExecutorService executor = Executors.newSingleThreadExecutor(PARSER_THREADS);
        try {
            CCJSqlParser parser = CCJSqlParserUtil.newParser(sql)
                    .withAllowComplexParsing(true)
                    .withTimeOut(PARSE_TIMEOUT_MILLIS);
            return CCJSqlParserUtil.parseStatements(parser, executor);
        } catch (JSQLParserException e) {
            throw failure(e);
        } finally {
            executor.shutdownNow();
        }
    }

    /** A parsed statement, or what its normalizing or parsing threw (rethrown where the analysis needs it). */
    private record Parsed(String sql, Statement parsed, RuntimeException failure, StackOverflowError overflow)
            implements Prepared {

        Statement statement() {
            if (failure != null) {
                throw failure;
            }
            if (overflow != null) {
                throw overflow;
            }
            return parsed;
        }
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
            if (cause instanceof TokenMgrException lexical) {
                Matcher at = LEXICAL_POSITION.matcher(String.valueOf(lexical.getMessage()));
                return at.find()
                        ? new LineageParseException(
                                Integer.parseInt(at.group(1)),
                                Integer.parseInt(at.group(2)),
                                firstLine(lexical.getMessage()),
                                e)
                        : new LineageParseException(0, 0, firstLine(lexical.getMessage()), e);
            }
        }
        return new LineageParseException(0, 0, firstLine(e.getMessage()), e);
    }

    private static String firstLine(String message) {
        String line = message == null ? "parse failed" : message.strip().split("\n", 2)[0];
        return line.length() > MESSAGE_LIMIT ? line.substring(0, MESSAGE_LIMIT) : line;
    }
}
