package io.dbtcatalog.ingest.source.artifact;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * SHA-256 over a stream of JSON tokens rather than bytes: each token's kind, then for names and scalars the length
 * and the characters of its text (ASCII as one byte, any other character as an escape byte and its two UTF-16
 * bytes), an injective encoding, so equal digests mean equal token streams whatever the whitespace. Characters are
 * taken from the parser's own buffer ({@link JsonParser#getTextCharacters()}), no String per token, and gathered in
 * a buffer that the digest consumes in large blocks.
 */
final class TokenHasher {

    private static final int BUFFER = 1 << 16;
    private static final int ESCAPE = 0xFF;

    private final MessageDigest digest = sha256();
    private final byte[] buffer = new byte[BUFFER];
    private int used;

    /** Adds the token the parser stands on. */
    void token(JsonParser parser) {
        JsonToken token = parser.currentToken();
        mark(token.ordinal());
        switch (token) {
            case PROPERTY_NAME, VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT ->
                text(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
            default -> {}
        }
    }

    /** Adds the token the parser stands on and, for an object or array, every token up to its end. */
    void value(JsonParser parser) {
        token(parser);
        if (parser.currentToken().isStructStart()) {
            int depth = 1;
            while (depth > 0) {
                JsonToken token = parser.nextToken();
                if (token == null) {
                    return;
                }
                token(parser);
                if (token.isStructStart()) {
                    depth++;
                } else if (token.isStructEnd()) {
                    depth--;
                }
            }
        }
    }

    /** Adds a marker byte of the caller's own (a section boundary, a missing file). */
    void mark(int marker) {
        room(1);
        buffer[used++] = (byte) marker;
    }

    /** Adds a text of the caller's own, length first. */
    void text(String text) {
        text(text.toCharArray(), 0, text.length());
    }

    private void text(char[] chars, int offset, int length) {
        room(4);
        buffer[used++] = (byte) (length >>> 24);
        buffer[used++] = (byte) (length >>> 16);
        buffer[used++] = (byte) (length >>> 8);
        buffer[used++] = (byte) length;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            char c = chars[i];
            if (used + 3 > BUFFER) {
                flush();
            }
            if (c < 0x80) {
                buffer[used++] = (byte) c;
            } else {
                buffer[used++] = (byte) ESCAPE;
                buffer[used++] = (byte) (c >>> 8);
                buffer[used++] = (byte) c;
            }
        }
    }

    /** The digest of everything added; the hasher is reset. */
    byte[] finish() {
        flush();
        return digest.digest();
    }

    private void room(int bytes) {
        if (used + bytes > BUFFER) {
            flush();
        }
    }

    private void flush() {
        digest.update(buffer, 0, used);
        used = 0;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
