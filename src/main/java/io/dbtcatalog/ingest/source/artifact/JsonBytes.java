package io.dbtcatalog.ingest.source.artifact;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A structural scanner over the raw bytes of one JSON file, for the state-digest pass ({@link StateScan}, decision
 * 0020): it knows each token's byte offset, skips values without decoding them and accepts exactly the documents
 * Jackson's default parser accepts: strict JSON (no comments, trailing commas, unquoted names, content after the
 * top-level value), at most {@value #MAX_DEPTH} nested levels, names of at most {@value #MAX_NAME} bytes, each token
 * checked as {@link JsonTokens} checks it. Reads the file in blocks ({@link ByteBlocks}); keys at the levels that
 * matter are kept in the buffer to be compared or decoded. Every violation throws {@link IllegalStateException}
 * naming the file and the offset.
 */
final class JsonBytes extends JsonTokens {

    /** Jackson's default {@code StreamReadConstraints} for the nesting depth. */
    static final int MAX_DEPTH = 500;

    private int depth;
    private final boolean[] objects = new boolean[MAX_DEPTH + 1];

    JsonBytes(Path file) throws IOException {
        this(file, false);
    }

    /** A scanner that, with {@code strictUtf8}, refuses what Java's strict UTF-8 decoder refuses too. */
    JsonBytes(Path file, boolean strictUtf8) throws IOException {
        super(file, strictUtf8);
        if (fill(3) && end >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF) {
            pos = 3; // a UTF-8 byte-order mark, skipped as Jackson skips it (offsets stay the file's)
        }
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

    /**
     * After an element of a list: consumes a comma and returns the next element's first byte (not consumed), or
     * returns the closing bracket (not consumed).
     */
    int nextElement() throws IOException {
        int c = token();
        if (c == ']') {
            return c;
        }
        if (c != ',') {
            throw fail("a comma or a closing bracket expected");
        }
        pos++;
        c = token();
        if (c == ']') {
            throw fail("a value expected after a comma");
        }
        return c;
    }

    /** The bytes of the value at the next token, checked as {@link #skipValue} checks them, for Jackson to decode. */
    byte[] valueBytes() throws IOException {
        token();
        mark();
        skipValue();
        return marked();
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
}
