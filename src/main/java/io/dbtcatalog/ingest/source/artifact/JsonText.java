package io.dbtcatalog.ingest.source.artifact;

/**
 * Decodes the bytes of a JSON string that {@link JsonBytes} has checked (escapes complete and known, UTF-8 lead and
 * continuation bytes as Jackson checks them) into the characters Jackson's byte parser gives for it: escapes
 * resolved, each multi-byte sequence decoded by its bits (four-byte ones into a surrogate pair), as Jackson does
 * without refusing overlong forms or encoded surrogates.
 */
final class JsonText {

    private JsonText() {}

    /** The characters of the string whose bytes, between the quotes, are {@code bytes[from..to)}. */
    static String decode(byte[] bytes, int from, int to) {
        StringBuilder text = new StringBuilder(to - from);
        int i = from;
        while (i < to) {
            int c = bytes[i++] & 0xFF;
            if (c == '\\') {
                int e = bytes[i++];
                switch (e) {
                    case 'b' -> text.append('\b');
                    case 't' -> text.append('\t');
                    case 'n' -> text.append('\n');
                    case 'f' -> text.append('\f');
                    case 'r' -> text.append('\r');
                    case 'u' -> {
                        text.append((char) Integer.parseInt(
                                new String(bytes, i, 4, java.nio.charset.StandardCharsets.ISO_8859_1), 16));
                        i += 4;
                    }
                    default -> text.append((char) e); // '"', '\\' and '/'
                }
            } else if (c < 0x80) {
                text.append((char) c);
            } else if ((c & 0xE0) == 0xC0) {
                text.append((char) (((c & 0x1F) << 6) | (bytes[i++] & 0x3F)));
            } else if ((c & 0xF0) == 0xE0) {
                int d = bytes[i++] & 0x3F;
                text.append((char) (((c & 0x0F) << 12) | (d << 6) | (bytes[i++] & 0x3F)));
            } else {
                int d = bytes[i++] & 0x3F;
                int e = bytes[i++] & 0x3F;
                int point = (((c & 0x07) << 18) | (d << 12) | (e << 6) | (bytes[i++] & 0x3F)) - 0x10000;
                text.append((char) (0xD800 | (point >> 10)));
                text.append((char) (0xDC00 | (point & 0x3FF)));
            }
        }
        return text.toString();
    }
}
