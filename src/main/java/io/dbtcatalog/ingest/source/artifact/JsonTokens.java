package io.dbtcatalog.ingest.source.artifact;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * The tokens of the byte scan ({@link JsonBytes}, decision 0020), each consumed from its first byte and checked as
 * Jackson's byte parser checks it: strings (escapes, bare control characters, UTF-8 lead and continuation bytes,
 * surrogates where Jackson decodes), numbers (no leading zero, digits after a point and in an exponent, at most
 * {@value #MAX_NUMBER} digits) and the literals {@code true}, {@code false}, {@code null}. Inside a string it looks
 * at eight bytes per step for a quote, a backslash, a control character or a non-ASCII byte. With strict UTF-8 it
 * also refuses every sequence Java's strict decoder refuses, as the artifact reader's text does ({@link Utf8Text}).
 */
class JsonTokens extends ByteBlocks {

    /** Jackson's default {@code StreamReadConstraints} for a number's digits. */
    static final int MAX_NUMBER = 1000;

    /** Jackson's default for a name, in bytes as written (Jackson counts them unescaped). */
    static final int MAX_NAME = 50_000;

    /**
     * Jackson's default for a string it decodes, in characters; counted here in bytes as written, so a decoded string
     * of 20 million bytes but fewer characters is refused here, not there (ids are never that long).
     */
    static final int MAX_STRING = 20_000_000;

    /** How a string is read: skipped, decoded (a value), a name (decoded). Jackson checks more the more it decodes. */
    static final int SKIPPED = 0;

    static final int DECODED = 1;
    static final int NAME = 2;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH = 0x8080808080808080L;
    private static final long QUOTES = ONES * '"';
    private static final long BACKSLASHES = ONES * '\\';
    private static final long SPACES = ONES * 0x20;

    /**
     * Whether every UTF-8 sequence must be well formed, as Java's strict decoder wants it ({@link Utf8Text}): no
     * overlong form, no encoded surrogate, nothing above U+10FFFF, in skipped strings too.
     */
    private final boolean strictUtf8;

    JsonTokens(Path file, boolean strictUtf8) throws IOException {
        super(file);
        this.strictUtf8 = strictUtf8;
    }

    /**
     * Consumes a string at its quote; true when it holds neither an escape nor a non-ASCII byte. A caller that holds
     * a mark keeps the whole string in the buffer. Jackson refuses an encoded surrogate (UTF-8 {@code ED A0..BF}) in
     * a string it decodes ({@code how} {@link #DECODED} or {@link #NAME}), not in one it skips, and an escaped one (a
     * valid pair too) in a name.
     */
    final boolean string(int how) throws IOException {
        boolean plain = true;
        long start = offset();
        pos++;
        while (true) {
            int limit = end - Long.BYTES;
            while (pos <= limit) {
                long word = (long) LONGS.get(buf, pos);
                long quotes = word ^ QUOTES;
                long backslashes = word ^ BACKSLASHES;
                long found = ((quotes - ONES) & ~quotes
                                | (backslashes - ONES) & ~backslashes
                                | (word - SPACES) & ~word
                                | word)
                        & HIGH;
                if (found != 0) {
                    pos += Long.numberOfTrailingZeros(found) >>> 3;
                    break;
                }
                pos += Long.BYTES;
            }
            if (pos == end) {
                if (how != SKIPPED && offset() - start > (how == NAME ? MAX_NAME : MAX_STRING)) {
                    throw fail("a decoded string or name longer than Jackson takes"); // before the buffer grows
                }
                if (!fill(1)) {
                    throw fail("the file ends inside a string");
                }
            }
            int c = buf[pos] & 0xFF;
            if (c == '"') {
                pos++;
                return plain;
            } else if (c == '\\') {
                escape(how == NAME);
                plain = false;
            } else if (c >= 0x80) {
                utf8(c, how != SKIPPED);
                plain = false;
            } else if (c < 0x20) {
                throw fail("an unescaped control character in a string");
            } else {
                pos++;
            }
        }
    }

    private void escape(boolean name) throws IOException {
        pos++;
        int c = next();
        if (c == 'u') {
            int value = 0;
            for (int i = 0; i < 4; i++) {
                int digit = hex(next());
                if (digit < 0) {
                    throw fail("a \\u escape needs four hex digits");
                }
                value = value << 4 | digit;
            }
            if (name && value >= 0xD800 && value <= 0xDFFF) {
                throw fail("a surrogate in a name");
            }
        } else if ("\"\\/bfnrt".indexOf(c) < 0) {
            throw fail("an unknown escape");
        }
    }

    private static int hex(int c) {
        return c >= '0' && c <= '9'
                ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    /** A multi-byte UTF-8 sequence at its lead byte {@code c}: the lead byte and continuation bytes Jackson checks. */
    private void utf8(int c, boolean decoded) throws IOException {
        int continuation;
        if ((c & 0xE0) == 0xC0) {
            continuation = 1;
        } else if ((c & 0xF0) == 0xE0) {
            continuation = 2;
        } else if ((c & 0xF8) == 0xF0) {
            continuation = 3;
        } else {
            throw fail("an invalid UTF-8 start byte");
        }
        pos++;
        for (int i = 0; i < continuation; i++) {
            int d = next();
            if ((d & 0xC0) != 0x80) {
                throw fail("an invalid UTF-8 continuation byte");
            }
            if (decoded && i == 0 && c == 0xED && d >= 0xA0) {
                throw fail("an encoded surrogate in a decoded string");
            }
            if (strictUtf8 && i == 0 && !wellFormed(c, d)) {
                throw fail("a UTF-8 sequence that is not well formed");
            }
        }
    }

    /**
     * Whether lead byte {@code c} and the byte after it {@code d} (a continuation byte) start a well-formed sequence
     * (Unicode's table 3-7): no overlong form ({@code C0}, {@code C1}, {@code E0 80..9F}, {@code F0 80..8F}), no
     * surrogate ({@code ED A0..BF}), nothing above U+10FFFF ({@code F4 90..BF}, {@code F5..F7}).
     */
    private static boolean wellFormed(int c, int d) {
        return switch (c) {
            case 0xC0, 0xC1, 0xF5, 0xF6, 0xF7 -> false;
            case 0xE0 -> d >= 0xA0;
            case 0xED -> d < 0xA0;
            case 0xF0 -> d >= 0x90;
            case 0xF4 -> d < 0x90;
            default -> true;
        };
    }

    final void number() throws IOException {
        if (peek() == '-') {
            pos++;
        }
        int first = peek();
        if (first < '0' || first > '9') {
            throw fail("a digit expected");
        }
        int integer;
        if (first == '0') {
            pos++;
            integer = 1;
            int after = peek();
            if (after >= '0' && after <= '9') {
                throw fail("a number with a leading zero");
            }
        } else {
            integer = digits();
        }
        int fraction = 0;
        int exponent = 0;
        if (peek() == '.') {
            pos++;
            fraction = digits();
            if (fraction == 0) {
                throw fail("a digit expected after the decimal point");
            }
        }
        int e = peek();
        if (e == 'e' || e == 'E') {
            pos++;
            int sign = peek();
            if (sign == '+' || sign == '-') {
                pos++;
            }
            exponent = digits();
            if (exponent == 0) {
                throw fail("a digit expected in the exponent");
            }
        }
        if (integer + fraction + exponent > MAX_NUMBER) {
            throw fail("a number longer than " + MAX_NUMBER + " digits");
        }
    }

    /** Consumes digits; how many. */
    private int digits() throws IOException {
        int count = 0;
        for (int c = peek(); c >= '0' && c <= '9'; c = peek()) {
            pos++;
            count++;
        }
        return count;
    }

    final void literal(int c) throws IOException {
        String word =
                switch (c) {
                    case 't' -> "true";
                    case 'f' -> "false";
                    case 'n' -> "null";
                    default -> throw fail("an unexpected character");
                };
        for (int i = 0; i < word.length(); i++) {
            if (next() != word.charAt(i)) {
                throw fail("an unrecognized token");
            }
        }
    }
}
