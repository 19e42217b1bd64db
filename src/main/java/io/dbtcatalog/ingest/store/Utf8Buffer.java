package io.dbtcatalog.ingest.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer for rows rendered as bytes: text is appended as the UTF-8 of {@link String#getBytes} (an
 * unpaired surrogate becomes {@code ?}) with U+0000 written as U+FFFD, as {@link Binder#storable} stores it, and
 * optionally escaped for PostgreSQL's {@code COPY} text format.
 */
final class Utf8Buffer {

    private byte[] bytes;
    private int length;

    Utf8Buffer(int capacity) {
        bytes = new byte[capacity];
    }

    byte[] bytes() {
        return bytes;
    }

    int length() {
        return length;
    }

    void clear() {
        length = 0;
    }

    Utf8Buffer put(byte b) {
        ensure(1);
        bytes[length++] = b;
        return this;
    }

    /** Appends characters known to be ASCII (digits, signs, letters of a formatted number or time). */
    Utf8Buffer ascii(CharSequence text) {
        int n = text.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            bytes[length++] = (byte) text.charAt(i);
        }
        return this;
    }

    /** Writes a big-endian int at {@code position} (which must already be within the buffer). */
    void putIntAt(int position, int value) {
        bytes[position] = (byte) (value >>> 24);
        bytes[position + 1] = (byte) (value >>> 16);
        bytes[position + 2] = (byte) (value >>> 8);
        bytes[position + 3] = (byte) value;
    }

    /** Appends four placeholder bytes and returns their position. */
    int reserveInt() {
        ensure(4);
        length += 4;
        return length - 4;
    }

    /** Appends {@code text} in its stored form as UTF-8. */
    Utf8Buffer utf8(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        int special = nextSpecial(utf8, 0, false);
        ensure(utf8.length + (special < utf8.length ? 2L * utf8.length : 0));
        return copy(utf8, special, false);
    }

    /**
     * Appends {@code text} in its stored form as UTF-8 escaped for COPY's text format: backslash, tab, newline and
     * carriage return are written as {@code \\ \t \n \r}, so no data byte can end a value or a row.
     */
    Utf8Buffer copyEscaped(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        int special = nextSpecial(utf8, 0, true);
        ensure(utf8.length + (special < utf8.length ? 2L * utf8.length : 0));
        return copy(utf8, special, true);
    }

    /**
     * Copies {@code utf8} whose first special byte is at {@code special}: plain runs in one array copy, U+0000 as
     * U+FFFD, and (when {@code escape}) the four COPY control characters escaped. UTF-8 encodes no other character
     * with these bytes, so working on bytes is exact.
     */
    private Utf8Buffer copy(byte[] utf8, int special, boolean escape) {
        int from = 0;
        while (special < utf8.length) {
            System.arraycopy(utf8, from, bytes, length, special - from);
            length += special - from;
            byte b = utf8[special];
            if (b == 0) {
                bytes[length++] = (byte) 0xEF;
                bytes[length++] = (byte) 0xBF;
                bytes[length++] = (byte) 0xBD;
            } else {
                bytes[length++] = '\\';
                bytes[length++] = switch (b) {
                    case '\t' -> (byte) 't';
                    case '\n' -> (byte) 'n';
                    case '\r' -> (byte) 'r';
                    default -> b;
                };
            }
            from = special + 1;
            special = nextSpecial(utf8, from, escape);
        }
        System.arraycopy(utf8, from, bytes, length, utf8.length - from);
        length += utf8.length - from;
        return this;
    }

    private static int nextSpecial(byte[] utf8, int from, boolean escape) {
        for (int i = from; i < utf8.length; i++) {
            byte b = utf8[i];
            if (b >= 0 && b <= '\\' && (b == 0 || (escape && (b == '\\' || b == '\t' || b == '\n' || b == '\r')))) {
                return i;
            }
        }
        return utf8.length;
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
