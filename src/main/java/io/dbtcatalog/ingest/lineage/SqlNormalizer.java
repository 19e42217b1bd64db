package io.dbtcatalog.ingest.lineage;

import java.util.Locale;
import java.util.Set;

/**
 * Lexical fixes that let JSqlParser read real compiled dbt SQL, keeping every line where it was so that parse
 * positions still point into the original text. Outside strings, quoted names and comments it (1) turns blank
 * lines into {@code --} comment lines (JSqlParser ends a statement at two blank lines), (2) back-quotes words it
 * reserves but dbt projects use as names ({@code final}, a favourite last CTE), and (3) drops a trailing comma
 * before {@code FROM} (BigQuery, DuckDB, Snowflake and Databricks accept {@code select a, b, from t}).
 */
final class SqlNormalizer {

    private static final Set<String> RESERVED_NAMES = Set.of("final");

    private final String sql;
    private final boolean backslashEscapes;
    private final StringBuilder out;
    private int pos;
    private int lineStart;
    private boolean lineBlank = true;
    private int pendingComma = -1;

    private SqlNormalizer(String sql, Dialect dialect) {
        this.sql = sql;
        this.backslashEscapes =
                dialect == Dialect.BIGQUERY || dialect == Dialect.SNOWFLAKE || dialect == Dialect.DATABRICKS;
        this.out = new StringBuilder(sql.length() + 16);
    }

    static String normalize(String sql, Dialect dialect) {
        SqlNormalizer normalizer = new SqlNormalizer(sql, dialect);
        normalizer.run();
        return normalizer.out.toString();
    }

    private void run() {
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            if (c == '\n') {
                newline();
            } else if (Character.isWhitespace(c)) {
                out.append(c);
                pos++;
            } else if (c == '-' && peek(1) == '-') {
                copyUntilLineEnd();
            } else if (c == '/' && peek(1) == '*') {
                copyBlockComment();
            } else if (c == '\'' || c == '"' || c == '`') {
                significant();
                copyQuoted(c);
            } else if (c == '$' && dollarTagEnd() > 0) {
                significant();
                copyDollarQuoted(dollarTagEnd());
            } else if (isWordStart(c)) {
                word();
            } else {
                significant();
                if (c == ',') {
                    pendingComma = out.length();
                }
                out.append(c);
                pos++;
            }
        }
    }

    private void newline() {
        if (lineBlank) {
            out.insert(lineStart, "--");
        }
        out.append('\n');
        pos++;
        lineStart = out.length();
        lineBlank = true;
    }

    private void word() {
        int end = pos;
        while (end < sql.length() && isWordPart(sql.charAt(end))) {
            end++;
        }
        String word = sql.substring(pos, end);
        if (pendingComma >= 0 && word.equalsIgnoreCase("from")) {
            out.setCharAt(pendingComma, ' ');
        }
        significant();
        out.append(RESERVED_NAMES.contains(word.toLowerCase(Locale.ROOT)) ? "`" + word + "`" : word);
        pos = end;
    }

    private void significant() {
        lineBlank = false;
        pendingComma = -1;
    }

    private void copyUntilLineEnd() {
        lineBlank = false;
        int end = sql.indexOf('\n', pos);
        end = end < 0 ? sql.length() : end;
        out.append(sql, pos, end);
        pos = end;
    }

    private void copyBlockComment() {
        lineBlank = false;
        int end = sql.indexOf("*/", pos + 2);
        end = end < 0 ? sql.length() : end + 2;
        copyTo(end);
    }

    private void copyQuoted(char quote) {
        int end = pos + 1;
        while (end < sql.length()) {
            char c = sql.charAt(end);
            if (c == '\\' && backslashEscapes && quote != '`') {
                end += 2;
            } else if (c == quote && end + 1 < sql.length() && sql.charAt(end + 1) == quote) {
                end += 2;
            } else if (c == quote) {
                end++;
                break;
            } else {
                end++;
            }
        }
        copyTo(Math.min(end, sql.length()));
    }

    private int dollarTagEnd() {
        int end = pos + 1;
        while (end < sql.length() && (Character.isLetter(sql.charAt(end)) || sql.charAt(end) == '_')) {
            end++;
        }
        return end < sql.length() && sql.charAt(end) == '$' ? end + 1 : -1;
    }

    private void copyDollarQuoted(int tagEnd) {
        String tag = sql.substring(pos, tagEnd);
        int close = sql.indexOf(tag, tagEnd);
        copyTo(close < 0 ? sql.length() : close + tag.length());
    }

    private void copyTo(int end) {
        for (int i = pos; i < end; i++) {
            out.append(sql.charAt(i));
            if (sql.charAt(i) == '\n') {
                lineStart = out.length();
            }
        }
        pos = end;
    }

    private char peek(int ahead) {
        return pos + ahead < sql.length() ? sql.charAt(pos + ahead) : '\0';
    }

    private static boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
