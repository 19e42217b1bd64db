package io.dbtcatalog.ingest.store.jdbc;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer for rows rendered as bytes: text is appended as the UTF-8 of {@link String#getBytes} (an
 * unpaired surrogate becomes {@code ?}) with U+0000 written as U+FFFD, as {@link Binder#storable} stores it, and
 * optionally escaped for PostgreSQL's {@code COPY} text format.
 */
public final class Utf8Buffer {

    /** The characters COPY's text format escapes, in the order of {@code next} in {@link #copyEscaped}. */
    private static final char[] SPECIAL = {'\\', '\t', '\n', '\r'};

    private byte[] bytes;
    private int length;

    public Utf8Buffer(int capacity) {
        bytes = new byte[capacity];
    }

    public byte[] bytes() {
        return bytes;
    }

    public int length() {
        return length;
    }

    public void clear() {
        length = 0;
    }

    public Utf8Buffer put(byte b) {
        ensure(1);
        bytes[length++] = b;
        return this;
    }

    /** Appends characters known to be ASCII (digits, signs, letters of a formatted number or time). */
    public Utf8Buffer ascii(CharSequence text) {
        int n = text.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            bytes[length++] = (byte) text.charAt(i);
        }
        return this;
    }

    /** Writes a big-endian int at {@code position} (which must already be within the buffer). */
    public void putIntAt(int position, int value) {
        bytes[position] = (byte) (value >>> 24);
        bytes[position + 1] = (byte) (value >>> 16);
        bytes[position + 2] = (byte) (value >>> 8);
        bytes[position + 3] = (byte) value;
    }

    /** Appends four placeholder bytes and returns their position. */
    public int reserveInt() {
        ensure(4);
        length += 4;
        return length - 4;
    }

    /** Appends {@code text} in its stored form as UTF-8. */
    public Utf8Buffer utf8(String text) {
        byte[] utf8 = Binder.storable(text).getBytes(StandardCharsets.UTF_8);
        ensure(utf8.length);
        System.arraycopy(utf8, 0, bytes, length, utf8.length);
        length += utf8.length;
        return this;
    }

    /**
     * Appends {@code text} in its stored form as UTF-8 escaped for COPY's text format: backslash, tab, newline and
     * carriage return are written as {@code \\ \t \n \r}, so no data byte can end a value or a row. Runs between
     * those characters are copied whole; the characters are found with {@link String#indexOf(int)}.
     */
    public Utf8Buffer copyEscaped(String text) {
        String stored = Binder.storable(text);
        byte[] utf8 = stored.getBytes(StandardCharsets.UTF_8);
        if (utf8.length != stored.length()) {
            return escapeBytes(utf8);
        }
        ensure(2L * utf8.length);
        int[] next = {stored.indexOf('\\'), stored.indexOf('\t'), stored.indexOf('\n'), stored.indexOf('\r')};
        int from = 0;
        for (int at = first(next); at >= 0; at = first(next)) {
            System.arraycopy(utf8, from, bytes, length, at - from);
            length += at - from;
            bytes[length++] = '\\';
            bytes[length++] = escaped(utf8[at]);
            from = at + 1;
            for (int i = 0; i < next.length; i++) {
                if (next[i] == at) {
                    next[i] = stored.indexOf(SPECIAL[i], from);
                }
            }
        }
        System.arraycopy(utf8, from, bytes, length, utf8.length - from);
        length += utf8.length - from;
        return this;
    }

    /** Escapes UTF-8 text byte by byte; multi-byte sequences never contain the ASCII bytes that need escaping. */
    private Utf8Buffer escapeBytes(byte[] utf8) {
        ensure(2L * utf8.length);
        for (byte b : utf8) {
            if (b == '\\' || b == '\t' || b == '\n' || b == '\r') {
                bytes[length++] = '\\';
                bytes[length++] = escaped(b);
            } else {
                bytes[length++] = b;
            }
        }
        return this;
    }

    private static int first(int[] next) {
        int first = -1;
        for (int at : next) {
            if (at >= 0 && (first < 0 || at < first)) {
                first = at;
            }
        }
        return first;
    }

    private static byte escaped(byte b) {
        return switch (b) {
            case '\t' -> (byte) 't';
            case '\n' -> (byte) 'n';
            case '\r' -> (byte) 'r';
            default -> b;
        };
    }

    private void ensure(long more) {
        long needed = length + more;
        if (needed > bytes.length) {
            if (needed > Integer.MAX_VALUE - 16) {
                throw new IllegalArgumentException("a value of " + more + " bytes does not fit in one buffer");
            }
            bytes = Arrays.copyOf(bytes, (int) Math.max(needed, Math.min(Integer.MAX_VALUE - 16, bytes.length * 2L)));
        }
    }
}
