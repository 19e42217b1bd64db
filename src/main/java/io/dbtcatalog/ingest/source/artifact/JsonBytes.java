package io.dbtcatalog.ingest.source.artifact;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * A structural scanner over the raw bytes of one JSON file, for the state-digest pass ({@link StateScan}, decision
 * 0020): it knows each token's byte offset, skips values without decoding them and accepts exactly the documents
 * Jackson's default parser accepts (strict JSON: no comments, trailing commas, leading zeros, unquoted names or bare
 * control characters; UTF-8 checked as Jackson checks it, lead byte and continuation bytes; at most
 * {@value #MAX_DEPTH} levels, names of at most {@value #MAX_NAME} bytes, numbers of at most {@value #MAX_NUMBER}
 * digits). Inside strings, most of a dbt manifest, it looks at eight bytes per step for a quote, a backslash, a control
 * character or a non-ASCII byte. Reads the file in blocks; {@link #mark} keeps the bytes of a slice in the buffer
 * (a key, a small value to decode). Every violation throws {@link IllegalStateException} naming the file and offset.
 */
final class JsonBytes implements AutoCloseable {

    /** Jackson's default {@code StreamReadConstraints}: nesting depth, name length (bytes), number length. */
    static final int MAX_DEPTH = 500;

    static final int MAX_NAME = 50_000;
    static final int MAX_NUMBER = 1000;

    /** How a string is read: skipped, decoded (a value), a name (decoded). Jackson checks more the more it decodes. */
    private static final int SKIPPED = 0;

    private static final int DECODED = 1;
    private static final int NAME = 2;
    private static final int BLOCK = 1 << 20;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH = 0x8080808080808080L;
    private static final long QUOTES = ONES * '"';
    private static final long BACKSLASHES = ONES * '\\';
    private static final long SPACES = ONES * 0x20;

    private final Path file;
    private final FileChannel channel;
    private byte[] buf = new byte[BLOCK];
    private int pos;
    private int end;
    private long base;
    private int mark = -1;
    private int depth;
    private final boolean[] objects = new boolean[MAX_DEPTH + 1];

    JsonBytes(Path file) throws IOException {
        this.file = file;
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        if (fill(3) && end >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF) {
            pos = 3; // a UTF-8 byte-order mark, skipped as Jackson skips it (offsets stay the file's)
        }
    }

    /** The file offset of the next byte. */
    long offset() {
        return base + pos;
    }

    /** Skips whitespace; the next byte (not consumed), or -1 at the end of the file. */
    int tokenOrEnd() throws IOException {
        while (pos < end || fill(1)) {
            int c = buf[pos];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return c & 0xFF;
            }
            pos++;
        }
        return -1;
    }

    /** Skips whitespace; the next byte (not consumed); the file must not end here. */
    int token() throws IOException {
        int c = tokenOrEnd();
        if (c < 0) {
            throw fail("the file ends inside the JSON");
        }
        return c;
    }

    /** Consumes the byte {@link #token} returned. */
    void advance() {
        pos++;
    }

    /** Consumes an opening brace or bracket: one level deeper (at most {@value #MAX_DEPTH}). */
    void enter() {
        pos++;
        if (++depth > MAX_DEPTH) {
            throw fail("more than " + MAX_DEPTH + " nested levels");
        }
    }

    /** Consumes a closing brace or bracket. */
    void leave() {
        pos++;
        depth--;
    }

    /** Consumes the colon after a key. */
    void colon() throws IOException {
        if (token() != ':') {
            throw fail("a colon expected");
        }
        pos++;
    }

    /**
     * After a member of an object: consumes a comma and stops at the next key's quote, or stops at the closing brace.
     * Returns the quote or the brace.
     */
    int nextMember() throws IOException {
        int c = token();
        if (c == '}') {
            return c;
        }
        if (c != ',') {
            throw fail("a comma or a closing brace expected");
        }
        pos++;
        if (token() != '"') {
            throw fail("a quoted name expected");
        }
        return '"';
    }

    /** Keeps the bytes from the next one on in the buffer until {@link #marked} (one mark at a time). */
    void mark() {
        mark = pos;
    }

    /** The bytes from the mark to here; ends the mark. */
    byte[] marked() {
        byte[] bytes = Arrays.copyOfRange(buf, mark, pos);
        mark = -1;
        return bytes;
    }

    /**
     * A key (at its quote), decoded as Jackson decodes names. At most {@value #MAX_NAME} bytes as written (Jackson
     * counts them unescaped: an escaped name that long is refused here, not there; the pass then reads in full).
     */
    String key() throws IOException {
        mark();
        boolean plain = string(NAME);
        int from = mark + 1;
        int to = pos - 1;
        mark = -1;
        if (to - from > MAX_NAME) {
            throw fail("a name longer than " + MAX_NAME + " bytes");
        }
        return plain ? new String(buf, from, to - from, StandardCharsets.ISO_8859_1) : JsonText.decode(buf, from, to);
    }

    /**
     * A key (at its quote), checked as {@link #key} checks it and compared with {@code names} (ASCII, no escapes):
     * the index of the name it equals, or -1. Decodes it only when it holds an escape or a non-ASCII byte.
     */
    int keyIn(byte[]... names) throws IOException {
        mark();
        boolean plain = string(NAME);
        int from = mark + 1;
        int to = pos - 1;
        mark = -1;
        if (to - from > MAX_NAME) {
            throw fail("a name longer than " + MAX_NAME + " bytes");
        }
        byte[] key = plain ? null : JsonText.decode(buf, from, to).getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < names.length; i++) {
            if (plain ? Arrays.equals(buf, from, to, names[i], 0, names[i].length) : Arrays.equals(key, names[i])) {
                return i;
            }
        }
        return -1;
    }

    /** Skips a key (at its quote), checked as {@link #key} checks it. */
    void skipKey() throws IOException {
        long from = offset();
        string(NAME);
        if (offset() - from - 2 > MAX_NAME) {
            throw fail("a name longer than " + MAX_NAME + " bytes");
        }
    }

    /** The text of a scalar value at its first byte, as Jackson's {@code getString()} gives it. */
    String scalarText(int c) throws IOException {
        if (c == '"') {
            mark();
            boolean plain = string(DECODED);
            int from = mark + 1;
            int to = pos - 1;
            mark = -1;
            return plain
                    ? new String(buf, from, to - from, StandardCharsets.ISO_8859_1)
                    : JsonText.decode(buf, from, to);
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            mark();
            number();
            return new String(marked(), StandardCharsets.ISO_8859_1);
        }
        literal(c);
        return c == 't' ? "true" : "false";
    }

    /** Skips one value at its first byte, checking its grammar. */
    void skipValue() throws IOException {
        int floor = depth;
        int c = token();
        while (true) {
            // a value starts at c
            if (c == '{' || c == '[') {
                enter();
                objects[depth] = c == '{';
                c = token();
                if (c == (objects[depth] ? '}' : ']')) {
                    leave();
                } else {
                    if (objects[depth]) {
                        member(c);
                    }
                    c = token();
                    continue;
                }
            } else if (c == '"') {
                string(SKIPPED);
            } else if (c == '-' || (c >= '0' && c <= '9')) {
                number();
            } else {
                literal(c);
            }
            // after a value
            while (true) {
                if (depth == floor) {
                    return;
                }
                boolean object = objects[depth];
                c = token();
                if (c == ',') {
                    pos++;
                    c = token();
                    if (object) {
                        member(c);
                        c = token();
                    }
                    break;
                }
                if (c != (object ? '}' : ']')) {
                    throw fail(
                            object ? "a comma or a closing brace expected" : "a comma or a closing bracket expected");
                }
                leave();
            }
        }
    }

    private void member(int c) throws IOException {
        if (c != '"') {
            throw fail("a quoted name expected");
        }
        skipKey();
        colon();
    }

    /**
     * Consumes a string at its quote; true when it holds neither an escape nor a non-ASCII byte. A caller that holds
     * a mark keeps the whole string in the buffer. Jackson refuses an encoded surrogate (UTF-8 {@code ED A0..BF}) in
     * a string it decodes ({@code how} {@link #DECODED} or {@link #NAME}), not in one it skips, and an escaped one (a
     * valid pair too) in a name.
     */
    private boolean string(int how) throws IOException {
        boolean plain = true;
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
            if (pos == end && !fill(1)) {
                throw fail("the file ends inside a string");
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
        }
    }

    private void number() throws IOException {
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

    private void literal(int c) throws IOException {
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

    /** Consumes and returns the next byte; the file must not end. */
    private int next() throws IOException {
        if (pos == end && !fill(1)) {
            throw fail("the file ends inside a token");
        }
        return buf[pos++] & 0xFF;
    }

    /** The next byte without consuming it, or -1 at the end of the file. */
    private int peek() throws IOException {
        if (pos == end && !fill(1)) {
            return -1;
        }
        return buf[pos] & 0xFF;
    }

    /**
     * Reads more of the file after the bytes not consumed yet (those from the mark on, with a mark); true once at
     * least {@code wanted} bytes are buffered after {@code pos}, false at the end of the file before that.
     */
    private boolean fill(int wanted) throws IOException {
        int keep = mark >= 0 ? Math.min(mark, pos) : pos;
        if (keep > 0) {
            System.arraycopy(buf, keep, buf, 0, end - keep);
            base += keep;
            end -= keep;
            pos -= keep;
            if (mark >= 0) {
                mark -= keep;
            }
        }
        while (end - pos < wanted) {
            if (end == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            int read = channel.read(ByteBuffer.wrap(buf, end, buf.length - end));
            if (read < 0) {
                return false;
            }
            end += read;
        }
        return true;
    }

    IllegalStateException fail(String problem) {
        return new IllegalStateException(file + ": not the JSON Jackson reads, " + problem + " at byte " + offset());
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
