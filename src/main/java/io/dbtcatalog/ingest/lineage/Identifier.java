package io.dbtcatalog.ingest.lineage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One part of a name as written in SQL: its text without quotes and whether it was double-quoted (which decides
 * how a dialect folds its case). Back quotes never change case rules in the dialects that use them (BigQuery,
 * Databricks), so a back-quoted part counts as unquoted.
 */
public record Identifier(String text, boolean quoted) {

    public Identifier {
        if (text == null) {
            throw new IllegalArgumentException("an identifier needs its text");
        }
    }

    /** An unquoted identifier. */
    public static Identifier of(String text) {
        return new Identifier(text, false);
    }

    /**
     * Parses one raw part as the parser returns it: {@code "a"}, {@code `a`}, {@code [a]} or {@code a}. A
     * back-quoted part holding dots ({@code `project.dataset.table`}, BigQuery) yields one identifier per part.
     */
    public static List<Identifier> parse(String raw) {
        if (raw.length() >= 2 && raw.startsWith("`") && raw.endsWith("`")) {
            List<Identifier> parts = new ArrayList<>();
            for (String part : raw.substring(1, raw.length() - 1).split("\\.", -1)) {
                parts.add(new Identifier(part, false));
            }
            return parts;
        }
        if (raw.length() >= 2
                && (raw.startsWith("\"") && raw.endsWith("\"") || raw.startsWith("[") && raw.endsWith("]"))) {
            return List.of(new Identifier(raw.substring(1, raw.length() - 1).replace("\"\"", "\""), true));
        }
        return List.of(new Identifier(raw, false));
    }

    /** The name the warehouse stores for this identifier in the given dialect. */
    public String storedName(Dialect dialect) {
        return dialect.storedName(text, quoted);
    }

    /** A case-insensitive key, the way columns are matched. */
    public String key() {
        return text.toLowerCase(Locale.ROOT);
    }
}
