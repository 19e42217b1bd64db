package io.dbtcatalog.ingest.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A {@link CatalogDump} as engine-independent text: one line per row, {@code column=value} pairs in column-name
 * order separated by tabs, lines sorted. Strings are quoted and escaped (so a line never spans lines), instants are
 * ISO-8601 UTC, integers and booleans plain, doubles as {@link Double#toString}; {@code null} is unquoted. Excluded
 * columns are left out, and absolute paths given as placeholders are replaced by their names (so the text does not
 * depend on where the project is checked out). Any other value type fails, naming the table and column.
 */
public final class CanonicalCatalog {

    private final Map<String, List<String>> tables;

    private CanonicalCatalog(Map<String, List<String>> tables) {
        this.tables = tables;
    }

    /**
     * Renders {@code dump} without the {@code excluded} columns of each table; each key of {@code placeholders}
     * (e.g. an absolute folder path) is replaced by its value in every string, longest key first.
     */
    public static CanonicalCatalog of(
            CatalogDump dump, Map<String, Set<String>> excluded, Map<String, String> placeholders) {
        List<Map.Entry<String, String>> replacements = new ArrayList<>(placeholders.entrySet());
        replacements.sort(
                (a, b) -> Integer.compare(b.getKey().length(), a.getKey().length()));
        Map<String, List<String>> tables = new TreeMap<>();
        dump.tables().forEach((table, rows) -> {
            Set<String> skip = excluded.getOrDefault(table, Set.of());
            List<String> lines = new ArrayList<>(rows.size());
            for (Map<String, Object> row : rows) {
                StringBuilder line = new StringBuilder();
                for (Map.Entry<String, Object> column : new TreeMap<>(row).entrySet()) {
                    if (!skip.contains(column.getKey())) {
                        line.append(line.isEmpty() ? "" : "\t")
                                .append(column.getKey())
                                .append('=')
                                .append(render(table, column.getKey(), column.getValue(), replacements));
                    }
                }
                lines.add(line.toString());
            }
            lines.sort(null);
            tables.put(table, List.copyOf(lines));
        });
        return new CanonicalCatalog(tables);
    }

    /** The dumped table names, sorted. */
    public Set<String> tableNames() {
        return tables.keySet();
    }

    /** The canonical text of one table: its sorted lines, each ended by a newline. */
    public String text(String table) {
        List<String> lines = tables.get(table);
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }

    /** Per table, {@code "<rows> <sha-256 hex of text(table)>"}, in table-name order. */
    public Map<String, String> digests() {
        Map<String, String> digests = new LinkedHashMap<>();
        for (String table : tables.keySet()) {
            digests.put(table, tables.get(table).size() + " " + sha256(text(table)));
        }
        return digests;
    }

    /** Writes {@code text(table)} of every table to {@code folder/<table>.txt}. */
    public void writeTo(Path folder) {
        try {
            Files.createDirectories(folder);
            for (String table : tables.keySet()) {
                Files.writeString(folder.resolve(table + ".txt"), text(table), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the canonical dump to " + folder, e);
        }
    }

    private static String render(
            String table, String column, Object value, List<Map.Entry<String, String>> replacements) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String text) {
            for (Map.Entry<String, String> replacement : replacements) {
                text = text.replace(replacement.getKey(), replacement.getValue());
            }
            return quote(text);
        }
        if (value instanceof Long || value instanceof Boolean || value instanceof Instant) {
            return value.toString();
        }
        if (value instanceof Double || value instanceof Float) {
            return Double.toString(((Number) value).doubleValue());
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString();
        }
        throw new IllegalStateException("no canonical form for " + table + "." + column + " of type "
                + value.getClass().getName() + ": " + value);
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
