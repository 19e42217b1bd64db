package io.dbtcatalog.ingest.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * SHA-256 over a row's content values, as 64 lower-case hex digits. Each value is written with a type tag and its
 * length, so {@code ("ab", "c")} and {@code ("a", "bc")} and a null and an empty string all hash differently.
 * Values are hashed in their stored form (see {@link Binder}). Not thread-safe: one instance per table write.
 */
final class ContentHash implements RowSink {

    private final MessageDigest digest;

    ContentHash() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }

    /** Finishes the current row and returns its hash; the next value starts a new row. */
    String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }

    @Override
    public ContentHash text(String value) {
        return value == null ? tag('-') : bytes('s', Binder.storable(value).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public ContentHash integer(Integer value) {
        return value == null ? tag('-') : bytes('i', value.toString().getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public ContentHash bigint(Long value) {
        return value == null ? tag('-') : bytes('l', value.toString().getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public ContentHash decimal(Double value) {
        return value == null ? tag('-') : bytes('d', value.toString().getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public ContentHash bool(Boolean value) {
        return value == null ? tag('-') : tag(value ? 'T' : 'F');
    }

    @Override
    public ContentHash time(Instant value) {
        return value == null ? tag('-') : bytes('t', Binder.utc(value).toString().getBytes(StandardCharsets.US_ASCII));
    }

    private ContentHash tag(char tag) {
        digest.update((byte) tag);
        return this;
    }

    private ContentHash bytes(char tag, byte[] bytes) {
        tag(tag);
        int length = bytes.length;
        digest.update(new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length});
        digest.update(bytes);
        return this;
    }
}
