package io.dbtcatalog.ingest.source.artifact;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.io.NumberInput;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A catalog table's {@code stats} in the state-digest pass ({@link StateScan}), from the bytes the scan checked: read
 * here when they have the shape adapters write (decision 0029): an object of statistics, each null or an object of
 * scalars whose {@code id}, {@code label} and {@code description} are strings or null, every name and string plain
 * ASCII (no escape), every number an integer of at most {@value #MAX_DIGITS} digits or a finite decimal, no name twice.
 * Anything else is decoded by Jackson as before ({@link StateWalk#included}), which binds it, drops it or fails the
 * pass. The statistics kept are those {@link CatalogReader#relation} keeps, each value the node Jackson's tree holds.
 * Saves parsing a tree per table, and compiling Jackson's tree building, on every next run of an unchanged project.
 */
final class CatalogStatBytes {

    /** The longest integer read here (Jackson gives an int or a long); a longer one is left to Jackson. */
    private static final int MAX_DIGITS = 18;

    private static final JsonNodeFactory NODES = StateDigest.BYTES.getNodeFactory();

    private final byte[] json;
    private int pos;

    private CatalogStatBytes(byte[] json) {
        this.json = json;
    }

    /** The included statistics of {@code stats} (a value's bytes, checked by the scan); null when they do not bind. */
    static List<CatalogEntries.Stat> included(byte[] stats) {
        Map<String, CatalogEntries.Stat> usual = usual(stats);
        if (usual == null) {
            return StateWalk.included(StateDigest.BYTES.readTree(stats));
        }
        CatalogEntries.Relation relation = CatalogReader.relation(new CatalogEntries.Table(null, usual, null));
        return relation == null ? List.of() : relation.stats();
    }

    /** The statistics by name, as {@link CatalogTables#usual} maps them; null when their shape is not the usual one. */
    static Map<String, CatalogEntries.Stat> usual(byte[] stats) {
        return new CatalogStatBytes(stats).read();
    }

    private Map<String, CatalogEntries.Stat> read() {
        try {
            Map<String, CatalogEntries.Stat> stats = token() == 'n' ? literal("null", Map.of()) : statistics();
            if (token() >= 0) {
                throw Unusual.INSTANCE;
            }
            return stats;
        } catch (Unusual e) {
            return null;
        }
    }

    private Map<String, CatalogEntries.Stat> statistics() {
        if (token() != '{') {
            throw Unusual.INSTANCE;
        }
        pos++;
        Map<String, CatalogEntries.Stat> stats = new LinkedHashMap<>();
        for (int c = token(); c != '}'; c = next()) {
            String name = name();
            CatalogEntries.Stat stat =
                    switch (token()) {
                        case 'n' -> literal("null", null);
                        case '{' -> stat();
                        default -> throw Unusual.INSTANCE;
                    };
            if (stats.containsKey(name)) {
                throw Unusual.INSTANCE;
            }
            stats.put(name, stat);
        }
        pos++;
        return stats;
    }

    /** One statistic at its brace: an object of scalars, its id, label and description strings or null. */
    private CatalogEntries.Stat stat() {
        pos++;
        Map<String, JsonNode> fields = new HashMap<>();
        for (int c = token(); c != '}'; c = next()) {
            String name = name();
            if (fields.put(name, scalar(token())) != null) {
                throw Unusual.INSTANCE;
            }
        }
        pos++;
        return new CatalogEntries.Stat(
                text(fields.get("id")),
                text(fields.get("label")),
                fields.get("value"),
                fields.get("include"),
                text(fields.get("description")));
    }

    /** What the usual mapping makes of a text field: null when absent or null, else the string. */
    private static String text(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw Unusual.INSTANCE;
        }
        return value.stringValue();
    }

    /** A plain ASCII name and its colon. */
    private String name() {
        if (token() != '"') {
            throw Unusual.INSTANCE;
        }
        String name = string();
        if (token() != ':') {
            throw Unusual.INSTANCE;
        }
        pos++;
        return name;
    }

    /** The scalar at {@code c} as Jackson's tree holds it. */
    private JsonNode scalar(int c) {
        return switch (c) {
            case '"' -> NODES.stringNode(string());
            case 't' -> literal("true", NODES.booleanNode(true));
            case 'f' -> literal("false", NODES.booleanNode(false));
            case 'n' -> literal("null", NODES.nullNode());
            default -> number();
        };
    }

    /** A plain ASCII string at its quote (an escape or another byte is unusual). */
    private String string() {
        int from = ++pos;
        for (; pos < json.length; pos++) {
            byte b = json[pos];
            if (b == '"') {
                return new String(json, from, pos++ - from, StandardCharsets.ISO_8859_1);
            }
            if (b == '\\' || b < 0x20) { // an escape, a control character or (negative) a non-ASCII byte
                break;
            }
        }
        throw Unusual.INSTANCE;
    }

    /** An integer of at most {@value #MAX_DIGITS} digits (an int or long node) or a finite decimal (a double node). */
    private JsonNode number() {
        int from = pos;
        boolean integral = true;
        for (; pos < json.length; pos++) {
            byte b = json[pos];
            if (b == '.' || b == 'e' || b == 'E') {
                integral = false;
            } else if (b != '-' && b != '+' && (b < '0' || b > '9')) {
                break;
            }
        }
        String number = new String(json, from, pos - from, StandardCharsets.ISO_8859_1);
        if (number.isEmpty() || number.equals("-")) {
            throw Unusual.INSTANCE;
        }
        if (integral) {
            if (number.length() - (number.charAt(0) == '-' ? 1 : 0) > MAX_DIGITS) {
                throw Unusual.INSTANCE;
            }
            long value = Long.parseLong(number);
            return value == (int) value ? NODES.numberNode((int) value) : NODES.numberNode(value);
        }
        double value = NumberInput.parseDouble(number, true);
        if (!Double.isFinite(value)) {
            throw Unusual.INSTANCE;
        }
        return NODES.numberNode(value);
    }

    private <T> T literal(String word, T value) {
        for (int i = 0; i < word.length(); i++, pos++) {
            if (pos >= json.length || json[pos] != word.charAt(i)) {
                throw Unusual.INSTANCE;
            }
        }
        return value;
    }

    /** After a member: its comma (then the next name's first byte) or the closing brace (not consumed). */
    private int next() {
        int c = token();
        if (c == ',') {
            pos++;
            return token();
        }
        if (c != '}') {
            throw Unusual.INSTANCE;
        }
        return c;
    }

    /** Skips whitespace; the next byte, not consumed, or -1 at the end. */
    private int token() {
        while (pos < json.length) {
            byte b = json[pos];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return b;
            }
            pos++;
        }
        return -1;
    }

    /** A shape left to Jackson. */
    private static final class Unusual extends RuntimeException {
        private static final Unusual INSTANCE = new Unusual();

        private Unusual() {
            super(null, null, false, false);
        }
    }
}
