package io.dbtcatalog.ingest.source.artifact;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.io.NumberInput;

/**
 * One result of a {@code run_results.json} read by the byte scan ({@link RunResultsScan}, decision 0028) into what
 * the catalog keeps of it, as {@link ResultEntryScan} reads it from Jackson's tokens: {@code unique_id},
 * {@code status}, {@code message} strings or null; {@code execution_time} a number or null; {@code failures} and
 * {@code adapter_response.rows_affected} whole numbers of at most {@value #MAX_DIGITS} digits or null (an
 * {@code adapter_response} that is not an object gives none); {@code timing} null or a list of null or object steps
 * whose {@code name}, {@code started_at} and {@code completed_at} are strings or null. Other fields are skipped as
 * bytes, their keys not checked for duplicates. Anything else, and a read field given twice in one object, is
 * {@linkplain #unusual unusual}: the whole file is then left to Jackson's reading, which binds the value or names
 * the problem as before.
 */
final class ResultEntryBytes {

    private static final byte[][] FIELDS = {
        ascii("unique_id"),
        ascii("status"),
        ascii("timing"),
        ascii("execution_time"),
        ascii("adapter_response"),
        ascii("message"),
        ascii("failures")
    };
    private static final int UNIQUE_ID = 0;
    private static final int STATUS = 1;
    private static final int TIMING = 2;
    private static final int EXECUTION_TIME = 3;
    private static final int ADAPTER_RESPONSE = 4;
    private static final int MESSAGE = 5;
    private static final int FAILURES = 6;
    private static final byte[][] STEP = {ascii("name"), ascii("started_at"), ascii("completed_at")};
    private static final byte[][] ROWS = {ascii("rows_affected")};

    /** The longest whole number read here; a longer one (or a long's edge) is left to Jackson. */
    private static final int MAX_DIGITS = 18;

    private final JsonBytes json;

    /** The entries of the file {@code json} scans. */
    ResultEntryBytes(JsonBytes json) {
        this.json = json;
    }

    /** One result, at its opening brace, to after its closing brace. */
    RunResultsReader.Kept entry() throws IOException {
        ResultValues entry = new ResultValues();
        json.enter();
        int seen = 0;
        int c = json.token();
        while (c != '}') {
            int field = key(c, FIELDS);
            if (field >= 0) {
                seen = once(seen, field);
            }
            switch (field) {
                case UNIQUE_ID -> entry.uniqueId = string();
                case STATUS -> entry.status = string();
                case TIMING -> timing(entry);
                case EXECUTION_TIME -> entry.executionTime = decimal();
                case ADAPTER_RESPONSE -> entry.rowsAffected = rowsAffected();
                case MESSAGE -> entry.message = string();
                case FAILURES -> entry.failures = whole();
                default -> json.skipValue();
            }
            c = json.nextMember();
        }
        json.leave();
        return entry.kept();
    }

    private void timing(ResultValues entry) throws IOException {
        int c = json.token();
        if (c == 'n') {
            json.skipValue();
            return;
        }
        if (c != '[') {
            throw unusual("timing not a list");
        }
        json.enter();
        for (c = json.token(); c != ']'; c = json.nextElement()) {
            if (c == '{') {
                step(entry);
            } else if (c == 'n') {
                json.skipValue();
            } else {
                throw unusual("a timing step that is not an object");
            }
        }
        json.leave();
    }

    private void step(ResultValues entry) throws IOException {
        String[] values = new String[STEP.length];
        json.enter();
        int seen = 0;
        int c = json.token();
        while (c != '}') {
            int field = key(c, STEP);
            if (field >= 0) {
                seen = once(seen, field);
                values[field] = string();
            } else {
                json.skipValue();
            }
            c = json.nextMember();
        }
        json.leave();
        entry.step(values[0], values[1], values[2]);
    }

    private Long rowsAffected() throws IOException {
        if (json.token() != '{') {
            json.skipValue();
            return null;
        }
        json.enter();
        Long rows = null;
        boolean seen = false;
        int c = json.token();
        while (c != '}') {
            boolean rowsAffected = key(c, ROWS) == 0;
            if (rowsAffected) {
                if (seen) {
                    throw unusual("rows_affected twice");
                }
                seen = true;
                rows = whole();
            } else {
                json.skipValue();
            }
            c = json.nextMember();
        }
        json.leave();
        return rows;
    }

    /** The key at {@code c} (a quote) and its colon: the index of the name in {@code names} it equals, or -1. */
    private int key(int c, byte[][] names) throws IOException {
        if (c != '"') {
            throw unusual("a quoted name expected");
        }
        int field = json.keyIn(names);
        json.colon();
        return field;
    }

    /** A string or null. */
    private String string() throws IOException {
        int c = json.token();
        if (c == '"') {
            return json.scalarText(c);
        }
        if (c == 'n') {
            json.skipValue();
            return null;
        }
        throw unusual("a string expected");
    }

    /**
     * A number as Jackson's {@code getDoubleValue()} gives it, or null: by Jackson's own fast parser (its default),
     * which rounds as {@link Double#parseDouble} does. The JDK's parser cost a cold run about 0.3 s of compiling
     * (dbt writes 17 significant digits in about half of its execution times).
     */
    private Double decimal() throws IOException {
        String number = number();
        if (number == null) {
            return null;
        }
        return integral(number)
                ? Double.valueOf(Long.parseLong(number))
                : Double.valueOf(NumberInput.parseDouble(number, true));
    }

    /** A whole number of at most {@value #MAX_DIGITS} digits, or null. */
    private Long whole() throws IOException {
        String number = number();
        if (number == null) {
            return null;
        }
        if (!integral(number)) {
            throw unusual("a whole number expected");
        }
        return Long.parseLong(number);
    }

    /** The text of a number, or null for null; a whole number of more than {@value #MAX_DIGITS} digits is unusual. */
    private String number() throws IOException {
        int c = json.token();
        if (c == 'n') {
            json.skipValue();
            return null;
        }
        if (c != '-' && (c < '0' || c > '9')) {
            throw unusual("a number expected");
        }
        json.mark();
        json.number();
        String number = new String(json.marked(), StandardCharsets.ISO_8859_1);
        if (integral(number) && number.length() - (c == '-' ? 1 : 0) > MAX_DIGITS) {
            throw unusual("a whole number of more than " + MAX_DIGITS + " digits");
        }
        return number;
    }

    private static boolean integral(String number) {
        return number.indexOf('.') < 0 && number.indexOf('e') < 0 && number.indexOf('E') < 0;
    }

    /** {@code seen} with {@code field}'s bit added; unusual when it was there (the field twice). */
    private int once(int seen, int field) {
        if ((seen & 1 << field) != 0) {
            throw unusual("a field twice");
        }
        return seen | 1 << field;
    }

    /** The failure that leaves the file to Jackson's reading, with where the scan stood. */
    IllegalStateException unusual(String what) {
        return new IllegalStateException(what + " at byte " + json.offset());
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
