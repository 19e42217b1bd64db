package io.dbtcatalog.ingest.store.publish;

import io.dbtcatalog.ingest.store.StoreException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Natural keys of snapshot rows: how they read in messages, and how a key seen twice in one snapshot is handled. */
final class RowKeys {

    private RowKeys() {}

    /**
     * Key order (column by column, {@link String#compareTo}; byte order for ASCII ids, as the "C" collations sort).
     * New rows are written in this order so that primary-key index inserts land on neighbouring pages instead of
     * random ones: a bulk load stays linear once an index outgrows the database's buffer cache.
     */
    static final Comparator<List<String>> ORDER = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            String x = a.get(i);
            String y = b.get(i);
            int compared = x == null ? (y == null ? 0 : -1) : y == null ? 1 : x.compareTo(y);
            if (compared != 0) {
                return compared;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    /** A key as messages show it: {@code model.shop.orders} or {@code model.shop.orders / amount}. */
    static String describe(List<String> key) {
        return key.size() == 1 ? key.get(0) : String.join(" / ", key);
    }

    /**
     * Records {@code row} under {@code key} in {@code seen}; true when the snapshot already held this exact row
     * (harmless, e.g. an edge listed twice). A second row with the same key but other content means the snapshot
     * is inconsistent, and fails naming the key.
     */
    static <R> boolean isRepeated(String projectKey, String table, Map<List<String>, R> seen, List<String> key, R row) {
        R earlier = seen.putIfAbsent(key, row);
        if (earlier == null) {
            return false;
        }
        checkRepeated(projectKey, table, key, earlier, row);
        return true;
    }

    /** Fails naming the key unless a row seen again under {@code key} is the same as the {@code earlier} one. */
    static <R> void checkRepeated(String projectKey, String table, List<String> key, R earlier, R row) {
        if (!earlier.equals(row)) {
            throw new StoreException(
                    projectKey, table, "the snapshot holds " + describe(key) + " twice, with different content");
        }
    }
}
