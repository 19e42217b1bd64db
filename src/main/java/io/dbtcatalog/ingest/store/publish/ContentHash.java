package io.dbtcatalog.ingest.store.publish;

import io.dbtcatalog.ingest.store.jdbc.Binder;
import io.dbtcatalog.ingest.store.jdbc.RowSink;
import io.dbtcatalog.ingest.store.jdbc.Utf8Buffer;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * SHA-256 over a row's content values, as 64 lower-case hex digits. Each value is written with a type tag and its
 * length, so {@code ("ab", "c")} and {@code ("a", "bc")} and a null and an empty string all hash differently.
 * Values are hashed in their stored form (see {@link Binder}). A row's values are gathered in one buffer and digested
 * at once. Not thread-safe: one instance per table write.
 */
public final class ContentHash implements RowSink {

    private static final HexFormat HEX = HexFormat.of();

    private final MessageDigest digest;
    private final Utf8Buffer row = new Utf8Buffer(4096);
    private final byte[] sum = new byte[32];

    public ContentHash() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }

    /** Finishes the current row and returns its hash; the next value starts a new row. */
    public String hex() {
        finish();
        return HEX.formatHex(sum);
    }

    /**
     * Finishes the current row and returns whether its hash starts with the 128 bits {@code high}, {@code low}
     * (read from a stored hash with {@link #bits}); the next value starts a new row.
     */
    boolean matches(long high, long low) {
        finish();
        return high == sumBits(0) && low == sumBits(8);
    }

    /** True when {@code text} is a hash as {@link #hex} writes it: 64 hex digits. */
    static boolean isHash(String text) {
        if (text == null || text.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The 64 bits written by the 16 hex digits of {@code hash} from digit {@code from} (0 or 16). */
    static long bits(String hash, int from) {
        long bits = 0;
        for (int i = from; i < from + 16; i++) {
            bits = (bits << 4) | Character.digit(hash.charAt(i), 16);
        }
        return bits;
    }

    @Override
    public ContentHash text(String value) {
        if (value == null) {
            return tag('-');
        }
        tag('s');
        int lengthAt = row.reserveInt();
        row.utf8(value);
        row.putIntAt(lengthAt, row.length() - lengthAt - 4);
        return this;
    }

    @Override
    public ContentHash integer(Integer value) {
        return value == null ? tag('-') : ascii('i', value.toString());
    }

    @Override
    public ContentHash bigint(Long value) {
        return value == null ? tag('-') : ascii('l', value.toString());
    }

    @Override
    public ContentHash decimal(Double value) {
        return value == null ? tag('-') : ascii('d', value.toString());
    }

    @Override
    public ContentHash bool(Boolean value) {
        return value == null ? tag('-') : tag(value ? 'T' : 'F');
    }

    @Override
    public ContentHash time(Instant value) {
        return value == null ? tag('-') : ascii('t', Binder.utc(value).toString());
    }

    private void finish() {
        digest.update(row.bytes(), 0, row.length());
        row.clear();
        try {
            digest.digest(sum, 0, sum.length);
        } catch (DigestException e) {
            throw new IllegalStateException("SHA-256 digest does not fit 32 bytes", e);
        }
    }

    private long sumBits(int from) {
        long bits = 0;
        for (int i = from; i < from + 8; i++) {
            bits = (bits << 8) | (sum[i] & 0xFF);
        }
        return bits;
    }

    private ContentHash tag(char tag) {
        row.put((byte) tag);
        return this;
    }

    private ContentHash ascii(char tag, String text) {
        tag(tag);
        row.putIntAt(row.reserveInt(), text.length());
        row.ascii(text);
        return this;
    }
}
